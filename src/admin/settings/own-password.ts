import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { organisationMembers } from '../../db/schema';
import { recordFailedLogin } from '../../organisations/accounts/login';
import { hashPassword, verifyPassword } from '../../organisations/accounts/passwords';
import { endOtherSessions } from '../../organisations/accounts/sessions';

export type OwnPasswordResult =
  | { ok: true }
  | { ok: false; reason: 'wrong' | 'same' }
  | { ok: false; reason: 'locked'; until: Date };

/**
 * A member changes their own password: the current one is checked like a login (a wrong one counts
 * towards the same lock, so a stolen session cannot be used to guess it), then every other browser
 * of the member is logged out and this one stays in. `now`: the dashboard's clock (src/shared/clock.ts).
 */
export async function changeOwnPassword(
  db: Queryable,
  session: { memberId: string; tokenHash: string },
  current: string,
  next: string,
  now: Date = new Date(),
): Promise<OwnPasswordResult> {
  const [member] = await db
    .select({ passwordHash: organisationMembers.passwordHash, lockedUntil: organisationMembers.lockedUntil })
    .from(organisationMembers)
    .where(eq(organisationMembers.id, session.memberId));
  if (!member) return { ok: false, reason: 'wrong' };
  if (member.lockedUntil && member.lockedUntil > now)
    return { ok: false, reason: 'locked', until: member.lockedUntil };
  if (!member.passwordHash || !(await verifyPassword(current, member.passwordHash))) {
    const until = await recordFailedLogin(db, session.memberId, now);
    return until ? { ok: false, reason: 'locked', until } : { ok: false, reason: 'wrong' };
  }
  if (current === next) return { ok: false, reason: 'same' };
  await db
    .update(organisationMembers)
    .set({
      passwordHash: await hashPassword(next),
      failedLogins: 0,
      lockedUntil: null,
      mustChangePassword: false,
      passwordExpiresAt: null,
    })
    .where(eq(organisationMembers.id, session.memberId));
  await endOtherSessions(db, session.memberId, session.tokenHash);
  return { ok: true };
}
