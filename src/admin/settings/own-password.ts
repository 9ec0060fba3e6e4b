import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { organisationMembers } from '../../db/schema';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../auth/login';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { endOtherSessions } from '../auth/sessions';

export type OwnPasswordResult =
  | { ok: true }
  | { ok: false; reason: 'wrong' | 'same' }
  | { ok: false; reason: 'locked'; until: Date };

/**
 * A member changes their own password: the current one is checked like a login (a wrong one counts
 * towards the same lock, so a stolen session cannot be used to guess it), then every other browser
 * of the member is logged out and this one stays in.
 */
export async function changeOwnPassword(
  db: Queryable,
  session: { memberId: string; tokenHash: string },
  current: string,
  next: string,
): Promise<OwnPasswordResult> {
  const [member] = await db
    .select({ passwordHash: organisationMembers.passwordHash, lockedUntil: organisationMembers.lockedUntil })
    .from(organisationMembers)
    .where(eq(organisationMembers.id, session.memberId));
  if (!member) return { ok: false, reason: 'wrong' };
  if (member.lockedUntil && member.lockedUntil > new Date())
    return { ok: false, reason: 'locked', until: member.lockedUntil };
  if (!member.passwordHash || !(await verifyPassword(current, member.passwordHash))) {
    const [row] = await db
      .update(organisationMembers)
      .set({
        failedLogins: sql`${organisationMembers.failedLogins} + 1`,
        lockedUntil: sql`case when ${organisationMembers.failedLogins} + 1 >= ${MAX_FAILED_LOGINS}
          then now() + make_interval(mins => ${LOCK_MINUTES}) else null end`,
      })
      .where(eq(organisationMembers.id, session.memberId))
      .returning({ lockedUntil: organisationMembers.lockedUntil });
    return row?.lockedUntil
      ? { ok: false, reason: 'locked', until: row.lockedUntil }
      : { ok: false, reason: 'wrong' };
  }
  if (current === next) return { ok: false, reason: 'same' };
  await db
    .update(organisationMembers)
    .set({ passwordHash: await hashPassword(next), failedLogins: 0, lockedUntil: null })
    .where(eq(organisationMembers.id, session.memberId));
  await endOtherSessions(db, session.memberId, session.tokenHash);
  return { ok: true };
}
