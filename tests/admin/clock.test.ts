import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressKey, recordAddressFailure, throttledUntil } from '../../src/admin/auth/throttle';
import { RateLimiter } from '../../src/api';
import {
  authenticate,
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  recordFailedLogin,
} from '../../src/organisations/accounts/login';
import {
  createSession,
  IDLE_MINUTES,
  loadSession,
  purgeExpiredSessions,
  SESSION_HOURS,
} from '../../src/organisations/accounts/sessions';
import { createStaff, STAFF_PASSWORD } from '../helpers/admin';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/*
 * What time decides for staff — a session's 12 hours and 2 idle hours, the purge of expired sessions,
 * the login throttle's 15-minute window, an account's lock, the API's per-token rate — on an injected clock: the test moves
 * time instead of waiting for it or rewriting timestamps in the database.
 */

let database: TestDatabase;
let memberId = '';
const T0 = new Date('2026-12-07T01:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(async () => {
  database = await createTestDatabase();
  ({
    member: { id: memberId },
  } = await createStaff(database.db, { organisation: 'jam', email: 'jam@jam.test' }));
});
afterAll(async () => {
  await database?.destroy();
});

describe('on an injected clock', () => {
  it('ends a session after its idle window, and keeps one that is used', async () => {
    const { token } = await createSession(database.db, memberId, T0);
    expect(await loadSession(database.db, token, later(IDLE_MINUTES - 1))).toBeDefined();
    // Used at IDLE_MINUTES - 1: the idle window starts again from there.
    expect(await loadSession(database.db, token, later(2 * IDLE_MINUTES - 2))).toBeDefined();
    expect(await loadSession(database.db, token, later(3 * IDLE_MINUTES))).toBeUndefined();
  });

  it('ends a session after its hours however busy it is, and the purge removes only expired ones', async () => {
    const { token } = await createSession(database.db, memberId, T0);
    for (let minutes = 60; minutes < SESSION_HOURS * 60; minutes += 60)
      expect(await loadSession(database.db, token, later(minutes))).toBeDefined();
    expect(await loadSession(database.db, token, later(SESSION_HOURS * 60 + 1))).toBeUndefined();

    const fresh = await createSession(database.db, memberId, later(SESSION_HOURS * 60));
    // Both sessions of the test above and this test's first one have expired by then; the new one has not.
    expect(await purgeExpiredSessions(database.db, later(SESSION_HOURS * 60 + 1))).toBe(2);
    expect(await loadSession(database.db, fresh.token, later(SESSION_HOURS * 60 + 2))).toBeDefined();
  });

  it('throttles a network for its window after twenty wrong logins, then lets it try again', async () => {
    const key = addressKey('203.0.113.7');
    for (let i = 0; i < 20; i++) await recordAddressFailure(database.db, key, later(i / 10));
    expect(await throttledUntil(database.db, key, later(5))).toEqual(later(15));
    expect(await throttledUntil(database.db, key, later(15))).toBeUndefined();
    // A failure after the window opens a new one, counted from one.
    await recordAddressFailure(database.db, key, later(16));
    expect(await throttledUntil(database.db, key, later(17))).toBeUndefined();
  });

  it('locks an account for its minutes after five wrong passwords, then lets the right one in', async () => {
    const { member } = await createStaff(database.db, { organisation: 'jam', email: 'kunci@jam.test' });
    // Counted directly: five wrong passwords through the login would be five slow hash checks.
    for (let i = 1; i < MAX_FAILED_LOGINS; i++)
      expect(await recordFailedLogin(database.db, member.id, later(i))).toBeUndefined();
    expect(await recordFailedLogin(database.db, member.id, later(5))).toEqual(later(5 + LOCK_MINUTES));
    // While locked even the right password is refused, without being checked.
    expect(
      await authenticate(database.db, 'kunci@jam.test', STAFF_PASSWORD, later(5 + LOCK_MINUTES - 1)),
    ).toEqual({
      ok: false,
      reason: 'locked',
      until: later(5 + LOCK_MINUTES),
    });
    expect(
      await authenticate(database.db, 'kunci@jam.test', STAFF_PASSWORD, later(5 + LOCK_MINUTES)),
    ).toEqual({
      ok: true,
      memberId: member.id,
    });
  });

  it("refills a token's API budget with time, not with requests", () => {
    const limiter = new RateLimiter(60, 3);
    const at = (ms: number) => limiter.take('token', T0.getTime() + ms);
    expect([at(0), at(0), at(0)]).toEqual([0, 0, 0]);
    expect(at(0)).toBe(1_000);
    expect(at(500)).toBe(500);
    expect(at(1_000)).toBe(0);
  });
});
