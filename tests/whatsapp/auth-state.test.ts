import { randomBytes } from 'node:crypto';
import { initAuthCreds, proto, type SignalDataSet, type SignalDataTypeMap } from 'baileys';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearAuthState,
  encode,
  LeaseLostError,
  loadCreds,
  storedPnForLid,
  usePostgresAuthState,
} from '../../src/channels/whatsapp/baileys/auth-state';
import { Lease } from '../../src/channels/whatsapp/baileys/lease';
import { whatsappAuthKeys } from '../../src/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

const bytes = (n = 32) => new Uint8Array(randomBytes(n));

/** One value of every key type Baileys v7 stores, shaped as Baileys makes them. */
function everyKeyType(): { [T in keyof SignalDataTypeMap]: SignalDataTypeMap[T] } {
  return {
    'pre-key': { public: bytes(), private: bytes() },
    session: bytes(420),
    'sender-key': bytes(180),
    'sender-key-memory': { '6281234567890@s.whatsapp.net': true, '123456789012345@lid': false },
    'app-state-sync-key': proto.Message.AppStateSyncKeyData.fromObject({
      keyData: bytes(),
      fingerprint: { rawId: 12345, currentIndex: 3, deviceIndexes: [0, 2, 7] },
      timestamp: 1_763_900_000_000,
    }),
    'app-state-sync-version': {
      version: 42,
      hash: Buffer.from(bytes(128)),
      indexValueMap: { 'q8K3nA2s+Yg=': { valueMac: Buffer.from(bytes()) } },
    },
    'lid-mapping': '6281234567890',
    'device-list': ['0', '12', '27'],
    tctoken: { token: Buffer.from(bytes(24)), timestamp: '1763900000' },
    'identity-key': bytes(33),
  };
}

describe('Baileys auth state in Postgres', () => {
  it('round-trips credentials exactly, also after a restart', async () => {
    const account = 'creds-roundtrip';
    const auth = await usePostgresAuthState(database.db, account);
    expect(auth.state.creds.registered).toBe(false);
    auth.state.creds.me = { id: '6281100000001:7@s.whatsapp.net', name: 'Jembatan' };
    auth.state.creds.registered = true;
    await auth.saveCreds();
    const before = encode(auth.state.creds);

    database = await database.reopen();
    const again = await usePostgresAuthState(database.db, account);
    expect(encode(again.state.creds)).toBe(before);
    expect(Buffer.isBuffer(again.state.creds.noiseKey.private)).toBe(true);
    expect(again.state.creds.registered).toBe(true);
  });

  it('stores every signal key type and reads it back with the same bytes', async () => {
    const account = 'all-types';
    const auth = await usePostgresAuthState(database.db, account);
    const values = everyKeyType();
    const data: SignalDataSet = {};
    for (const [type, value] of Object.entries(values))
      (data as Record<string, unknown>)[type] = { 'id-1': value };
    await auth.state.keys.set(data);

    database = await database.reopen();
    const keys = (await usePostgresAuthState(database.db, account)).state.keys;
    for (const [type, value] of Object.entries(values)) {
      const got = await keys.get(type as keyof SignalDataTypeMap, ['id-1', 'missing']);
      expect(Object.keys(got), type).toEqual(['id-1']);
      expect(encode(got['id-1']), type).toBe(encode(value));
    }
    const syncKey = (await keys.get('app-state-sync-key', ['id-1']))['id-1']!;
    expect(syncKey).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
    expect(Buffer.from(syncKey.keyData!)).toEqual(Buffer.from(values['app-state-sync-key'].keyData!));
    const session = (await keys.get('session', ['id-1']))['id-1']!;
    expect(Buffer.from(session)).toEqual(Buffer.from(values.session));
  });

  it('deletes keys set to null and leaves the others', async () => {
    const account = 'deletes';
    const { keys } = (await usePostgresAuthState(database.db, account)).state;
    await keys.set({
      'pre-key': { '1': { public: bytes(), private: bytes() }, '2': { public: bytes(), private: bytes() } },
    });
    await keys.set({ 'pre-key': { '1': null }, session: { 'nobody.0': null } });
    const got = await keys.get('pre-key', ['1', '2']);
    expect(Object.keys(got)).toEqual(['2']);
  });

  it('writes a large batch in one go, and overwrites an existing key', async () => {
    const account = 'batch';
    const { keys } = (await usePostgresAuthState(database.db, account)).state;
    const preKeys: Record<string, SignalDataTypeMap['pre-key']> = {};
    for (let i = 1; i <= 300; i++) preKeys[String(i)] = { public: bytes(), private: bytes() };
    await keys.set({ 'pre-key': preKeys });
    const replacement = { public: bytes(), private: bytes() };
    await keys.set({ 'pre-key': { '7': replacement } });
    const [row] = await database.db
      .select({ n: count() })
      .from(whatsappAuthKeys)
      .where(eq(whatsappAuthKeys.account, account));
    expect(row!.n).toBe(300);
    expect(encode((await keys.get('pre-key', ['7']))['7'])).toBe(encode(replacement));
  });

  it('is atomic: when one statement of a set fails, nothing of it is written', async () => {
    const account = 'atomic';
    const { keys } = (await usePostgresAuthState(database.db, account)).state;
    await keys.set({ session: { keep: bytes() } });
    // A NUL in a key id is rejected by Postgres in the delete statement, after the upsert ran.
    await expect(keys.set({ session: { fresh: bytes(), 'bad\u0000id': null } })).rejects.toThrow();
    const got = await keys.get('session', ['keep', 'fresh']);
    expect(Object.keys(got)).toEqual(['keep']);
  });

  it('refuses to write for a process that no longer holds the number (fencing)', async () => {
    const account = 'fenced';
    const lease = new Lease(database.db, account, 'holder-a');
    expect((await lease.acquire()).acquired).toBe(true);
    const a = await usePostgresAuthState(database.db, account, { holder: 'holder-a' });
    const b = await usePostgresAuthState(database.db, account, { holder: 'holder-b' });
    await a.state.keys.set({ session: { s1: bytes() } });
    await expect(b.state.keys.set({ session: { s2: bytes() } })).rejects.toBeInstanceOf(LeaseLostError);
    await expect(b.saveCreds()).rejects.toBeInstanceOf(LeaseLostError);
    expect(Object.keys(await a.state.keys.get('session', ['s1', 's2']))).toEqual(['s1']);
  });

  it('clear() and clearAuthState forget the session; the next start pairs anew', async () => {
    const account = 'clear';
    const auth = await usePostgresAuthState(database.db, account);
    await auth.saveCreds();
    await auth.state.keys.set({ 'pre-key': { '1': { public: bytes(), private: bytes() } } });
    await auth.state.keys.clear!();
    expect(await auth.state.keys.get('pre-key', ['1'])).toEqual({});
    await clearAuthState(database.db, account);
    expect(await loadCreds(database.db, account)).toBeUndefined();
    const fresh = await usePostgresAuthState(database.db, account);
    expect(fresh.state.creds.registered).toBe(false);
    expect(encode(fresh.state.creds.noiseKey)).not.toBe(encode(initAuthCreds().noiseKey));
  });

  it('finds the phone number behind a LID in Baileys’ own mapping', async () => {
    const account = 'lid';
    const { keys } = (await usePostgresAuthState(database.db, account)).state;
    await keys.set({
      'lid-mapping': { '6281234567890': '123456789012345', '123456789012345_reverse': '6281234567890' },
    });
    expect(await storedPnForLid(database.db, account, '123456789012345')).toBe('6281234567890');
    expect(await storedPnForLid(database.db, account, '999')).toBeUndefined();
  });
});
