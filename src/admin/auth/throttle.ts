import { createHash } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import { sqlAt } from '../../db/at';
import type { Queryable } from '../../db/client';
import { loginThrottle } from '../../db/schema';

/*
 * Twenty wrong logins from one network in 15 minutes, whatever the accounts: then that network waits
 * until the window ends. Generous enough for an office behind one address where a few people mistype;
 * tight enough that "Jembatan2026" tried on every member's email stops after twenty. A throttled
 * attempt is refused before any password hash is computed, so it also costs the server nothing.
 */
export const MAX_FAILURES_PER_ADDRESS = 20;
export const THROTTLE_MINUTES = 15;

/**
 * The hashed key of a client address. IPv6 users get a whole /64 each from their provider, so the
 * prefix is the unit (otherwise one phone could rotate through 2^64 addresses).
 */
export function addressKey(address: string): string {
  const v4 = address.replace(/^::ffff:/i, '');
  const unit = v4.includes(':') ? expandIpv6(v4).slice(0, 4).join(':') : v4;
  return createHash('sha256').update(`jembatan-login:${unit}`).digest('base64url').slice(0, 22);
}

function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = Array(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...(address.includes('::') ? middle : []), ...right].map((part) =>
    part.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}

/** Until when this address may not try again, if it is throttled now. */
export async function throttledUntil(
  db: Queryable,
  key: string,
  now: Date = new Date(),
): Promise<Date | undefined> {
  const [row] = await db
    .select({ failures: loginThrottle.failures, windowEndsAt: loginThrottle.windowEndsAt })
    .from(loginThrottle)
    .where(eq(loginThrottle.addressKey, key));
  return row && row.failures >= MAX_FAILURES_PER_ADDRESS && row.windowEndsAt > now
    ? row.windowEndsAt
    : undefined;
}

/** Counts a wrong login from this address (a new window when the last one has ended). */
export async function recordAddressFailure(
  db: Queryable,
  key: string,
  now: Date = new Date(),
): Promise<void> {
  // The caller's clock (src/shared/clock.ts), as a parameter: tests move it instead of waiting.
  const at = sqlAt(now);
  const windowEnd = sql`${at} + make_interval(mins => ${THROTTLE_MINUTES})`;
  await db
    .insert(loginThrottle)
    .values({ addressKey: key, failures: 1, windowEndsAt: windowEnd })
    .onConflictDoUpdate({
      target: loginThrottle.addressKey,
      set: {
        failures: sql`case when ${loginThrottle.windowEndsAt} > ${at} then ${loginThrottle.failures} + 1 else 1 end`,
        windowEndsAt: sql`case when ${loginThrottle.windowEndsAt} > ${at} then ${loginThrottle.windowEndsAt} else ${windowEnd} end`,
      },
    });
  // Old windows are of no use to anyone: the table stays as small as the last day's attackers.
  await db.delete(loginThrottle).where(lt(loginThrottle.windowEndsAt, sql`${at} - interval '1 day'`));
}
