import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { sqlAt } from '../../db/at';
import type { Queryable } from '../../db/client';
import { organisationMembers } from '../../db/schema';
import { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';
import { endMemberSessions } from './sessions';

/** Five wrong passwords in a row lock the account for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type LoginResult =
  | { ok: true; memberId: string; oneTime?: boolean }
  | { ok: false; reason: 'invalid' }
  /** The right one-time password, but used once already or past its 72 hours. */
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'locked'; until: Date };

/**
 * Email + password. An unknown email and a wrong password look the same to the caller and take the
 * same time (the decoy hash); a locked account says until when, which tells an attacker nothing new.
 * `now` is the caller's clock (src/shared/clock.ts): the lock and a one-time password's expiry are
 * read and written against it, so a test moves time past the lock instead of waiting 15 minutes.
 */
export async function authenticate(
  db: Queryable,
  email: string,
  password: string,
  now: Date = new Date(),
): Promise<LoginResult> {
  const normalised = email.trim().toLowerCase();
  const candidates = normalised
    ? await db
        .select({
          id: organisationMembers.id,
          passwordHash: organisationMembers.passwordHash,
          lockedUntil: organisationMembers.lockedUntil,
          mustChange: organisationMembers.mustChangePassword,
          expiresAt: organisationMembers.passwordExpiresAt,
        })
        .from(organisationMembers)
        .where(
          and(
            sql`lower(${organisationMembers.email}) = ${normalised}`,
            isNotNull(organisationMembers.passwordHash),
          ),
        )
    : [];
  if (candidates.length === 0) {
    await verifyPassword(password, await decoyHash());
    return { ok: false, reason: 'invalid' };
  }
  // One email may belong to members of several organisations: the password picks the account.
  for (const member of candidates) {
    if (member.lockedUntil && member.lockedUntil > now) continue;
    if (await verifyPassword(password, member.passwordHash!)) {
      if (member.mustChange && !(member.expiresAt && member.expiresAt > now))
        return { ok: false, reason: 'expired' };
      // A one-time password is spent by this login (compare-and-set: two logins racing get one session).
      const [opened] = await db
        .update(organisationMembers)
        .set({
          failedLogins: 0,
          lockedUntil: null,
          lastLoginAt: now,
          ...(member.mustChange ? { passwordExpiresAt: now } : {}),
        })
        .where(
          and(
            eq(organisationMembers.id, member.id),
            ...(member.mustChange ? [sql`${organisationMembers.passwordExpiresAt} > ${sqlAt(now)}`] : []),
          ),
        )
        .returning({ id: organisationMembers.id });
      if (!opened) return { ok: false, reason: 'expired' };
      return { ok: true, memberId: member.id, ...(member.mustChange ? { oneTime: true } : {}) };
    }
  }
  let lockedUntil: Date | undefined;
  for (const member of candidates) {
    if (member.lockedUntil && member.lockedUntil > now) {
      lockedUntil = member.lockedUntil;
      continue;
    }
    lockedUntil = (await recordFailedLogin(db, member.id, now)) ?? lockedUntil;
  }
  return lockedUntil && candidates.length === 1
    ? { ok: false, reason: 'locked', until: lockedUntil }
    : { ok: false, reason: 'invalid' };
}

/**
 * Counts a wrong password (the login form, or the current password when changing it); at the limit the
 * account is locked for LOCK_MINUTES from `now`. Returns until when, if it is locked now.
 */
export async function recordFailedLogin(
  db: Queryable,
  memberId: string,
  now: Date = new Date(),
): Promise<Date | undefined> {
  const [row] = await db
    .update(organisationMembers)
    .set({
      failedLogins: sql`${organisationMembers.failedLogins} + 1`,
      lockedUntil: sql`case when ${organisationMembers.failedLogins} + 1 >= ${MAX_FAILED_LOGINS}
        then ${sqlAt(now)} + make_interval(mins => ${LOCK_MINUTES}) else null end`,
    })
    .where(eq(organisationMembers.id, memberId))
    .returning({ lockedUntil: organisationMembers.lockedUntil });
  return row?.lockedUntil ?? undefined;
}

export class PasswordError extends Error {}

/** How long a one-time password an owner made stays usable if nobody logs in with it. */
export const ONE_TIME_HOURS = 72;

/** The columns that make a password one-time: spent by its first login, expiring, to be replaced. */
export const oneTimeColumns = () => ({
  mustChangePassword: true,
  passwordExpiresAt: sql`now() + make_interval(hours => ${ONE_TIME_HOURS})`,
});

/**
 * Sets (or replaces) a member's password and ends their sessions. `oneTime`: an owner's reset, usable
 * for one login within ONE_TIME_HOURS, after which the member must choose their own.
 */
export async function setPassword(
  db: Queryable,
  memberId: string,
  password: string,
  options: { oneTime?: boolean } = {},
): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new PasswordError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  await db
    .update(organisationMembers)
    .set({
      passwordHash: await hashPassword(password),
      failedLogins: 0,
      lockedUntil: null,
      ...(options.oneTime ? oneTimeColumns() : { mustChangePassword: false, passwordExpiresAt: null }),
    })
    .where(eq(organisationMembers.id, memberId));
  await endMemberSessions(db, memberId);
}
