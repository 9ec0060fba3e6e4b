import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { type OrganisationRole, organisationMembers, organisations, staffSessions } from '../../db/schema';

/** A session ends 12 hours after login, or after 2 hours without a request. */
export const SESSION_HOURS = 12;
export const IDLE_MINUTES = 120;

export interface StaffSession {
  tokenHash: string;
  csrfToken: string;
  memberId: string;
  name: string;
  email: string | null;
  role: OrganisationRole;
  organisationId: string;
  organisationSlug: string;
  organisationName: string;
  slaMinutes: number;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session for a member; the returned token goes only into the HttpOnly cookie. */
export async function createSession(db: Queryable, memberId: string): Promise<{ token: string }> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(staffSessions).values({
    tokenHash: hash(token),
    memberId,
    csrfToken: randomBytes(24).toString('base64url'),
    expiresAt: sql`now() + make_interval(hours => ${SESSION_HOURS})`,
  });
  return { token };
}

/** The session behind a cookie token, if it is still valid; each use extends the idle window. */
export async function loadSession(
  db: Queryable,
  token: string | undefined,
): Promise<StaffSession | undefined> {
  if (!token || token.length > 100) return undefined;
  const tokenHash = hash(token);
  const [row] = await db
    .update(staffSessions)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(staffSessions.tokenHash, tokenHash),
        gt(staffSessions.expiresAt, sql`now()`),
        gt(staffSessions.lastSeenAt, sql`now() - make_interval(mins => ${IDLE_MINUTES})`),
      ),
    )
    .returning({ csrfToken: staffSessions.csrfToken, memberId: staffSessions.memberId });
  if (!row) return undefined;
  const [member] = await db
    .select({
      name: organisationMembers.name,
      email: organisationMembers.email,
      role: organisationMembers.role,
      organisationId: organisations.id,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      slaMinutes: organisations.slaMinutes,
    })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.id, row.memberId));
  if (!member) return undefined;
  return { tokenHash, csrfToken: row.csrfToken, memberId: row.memberId, ...member };
}

export async function endSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

/** Logs a member out everywhere (password changed, member removed). */
export async function endMemberSessions(db: Queryable, memberId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.memberId, memberId));
}

export async function purgeExpiredSessions(db: Queryable): Promise<void> {
  await db.delete(staffSessions).where(lt(staffSessions.expiresAt, sql`now()`));
}

/** Logs a member out everywhere but this browser (they changed their own password here). */
export async function endOtherSessions(
  db: Queryable,
  memberId: string,
  keepTokenHash: string,
): Promise<void> {
  await db
    .delete(staffSessions)
    .where(and(eq(staffSessions.memberId, memberId), ne(staffSessions.tokenHash, keepTokenHash)));
}
