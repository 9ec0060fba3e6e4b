import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { sqlAt } from '../../db/at';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
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
  /** Logged in with a one-time password: only choosing a new one is possible. */
  mustChangePassword: boolean;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/*
 * Every time here is `now`, the caller's clock (src/shared/clock.ts): the dashboard passes the
 * machine's, tests pass their own and move it. Written as a parameter (`sqlAt`, never SQL's `now()`),
 * so a session is valid against the same clock that opened it.
 */

/** Starts a session for a member; the returned token goes only into the HttpOnly cookie. */
export async function createSession(
  db: Queryable,
  memberId: string,
  now: Date = new Date(),
): Promise<{ token: string }> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(staffSessions).values({
    tokenHash: hash(token),
    memberId,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: sql`${sqlAt(now)} + make_interval(hours => ${SESSION_HOURS})`,
  });
  return { token };
}

/** The session behind a cookie token, if it is still valid; each use extends the idle window. */
export async function loadSession(
  db: Queryable,
  token: string | undefined,
  now: Date = new Date(),
): Promise<StaffSession | undefined> {
  if (!token || token.length > 100) return undefined;
  const tokenHash = hash(token);
  // One statement per request (every page and every poll): extend the idle window and read the member
  // and the organisation together.
  const [row] = rowsOf<{
    csrf_token: string;
    member_id: string;
    name: string;
    email: string | null;
    role: OrganisationRole;
    organisation_id: string;
    organisation_slug: string;
    organisation_name: string;
    sla_minutes: number;
    must_change_password: boolean;
  }>(
    await db.execute(sql`
      update ${staffSessions} s set last_seen_at = ${sqlAt(now)}
      from ${organisationMembers} m join ${organisations} o on o.id = m.organisation_id
      where s.token_hash = ${tokenHash} and m.id = s.member_id and s.expires_at > ${sqlAt(now)}
        and s.last_seen_at > ${sqlAt(now)} - make_interval(mins => ${IDLE_MINUTES})
      returning s.csrf_token, s.member_id, m.name, m.email, m.role, o.id as organisation_id,
        o.slug as organisation_slug, o.name as organisation_name, o.sla_minutes, m.must_change_password`),
  );
  if (!row) return undefined;
  return {
    tokenHash,
    csrfToken: row.csrf_token,
    memberId: row.member_id,
    name: row.name,
    email: row.email,
    role: row.role,
    organisationId: row.organisation_id,
    organisationSlug: row.organisation_slug,
    organisationName: row.organisation_name,
    slaMinutes: Number(row.sla_minutes),
    mustChangePassword: row.must_change_password === true,
  };
}

export async function endSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

/** Logs a member out everywhere (password changed, member removed). */
export async function endMemberSessions(db: Queryable, memberId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.memberId, memberId));
}

/** Deletes sessions past their 12 hours (run daily with the retention purge); returns how many. */
export async function purgeExpiredSessions(db: Queryable, now: Date = new Date()): Promise<number> {
  const gone = await db
    .delete(staffSessions)
    .where(lt(staffSessions.expiresAt, sqlAt(now)))
    .returning({ tokenHash: staffSessions.tokenHash });
  return gone.length;
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
