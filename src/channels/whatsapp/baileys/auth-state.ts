import {
  type AuthenticationCreds,
  type AuthenticationState,
  BufferJSON,
  initAuthCreds,
  proto,
  type SignalDataSet,
  type SignalDataTypeMap,
} from 'baileys';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { rowsOf } from '../../../db/rows';
import { whatsappAuthCreds, whatsappAuthKeys } from '../../../db/schema';

/*
 * Baileys' whole session in Postgres (design.md §5: `useMultiFileAuthState` is not for production).
 * Every `keys.set` is one transaction that has committed before `set()` resolves, so a crash never
 * leaves half a Signal session behind; values are BufferJSON text, so Buffers round-trip exactly.
 */

/** Raised when another process holds the number now: this process must not write its session. */
export class LeaseLostError extends Error {
  constructor(account: string) {
    super(`whatsapp lease for account ${account} is held by another process`);
  }
}

export interface PostgresAuthState {
  state: AuthenticationState;
  /** Writes the current credentials (call on `creds.update`); calls are applied in order. */
  saveCreds(): Promise<void>;
  /** Resolves once every credentials write issued so far has finished. */
  flush(): Promise<void>;
}

export interface AuthStateOptions {
  /** When set, every write first checks that this holder still holds the number's lease (fencing). */
  holder?: string;
}

export const encode = (value: unknown): string => JSON.stringify(value, BufferJSON.replacer);
export const decode = <T>(text: string): T => JSON.parse(text, BufferJSON.reviver) as T;

export async function usePostgresAuthState(
  db: Db,
  account: string,
  options: AuthStateOptions = {},
): Promise<PostgresAuthState> {
  const creds = (await loadCreds(db, account)) ?? initAuthCreds();

  const fence = async (tx: Tx) => {
    if (options.holder === undefined) return;
    // FOR SHARE: a takeover (an UPDATE of this row) waits until this write has committed.
    const rows = rowsOf(
      await tx.execute(sql`
        select 1 from whatsapp_leases where account = ${account} and holder = ${options.holder} for share`),
    );
    if (rows.length === 0) throw new LeaseLostError(account);
  };

  let credsWrites: Promise<void> = Promise.resolve();
  const saveCreds = () => {
    const text = encode(creds);
    const write = credsWrites.then(() =>
      db.transaction(async (tx) => {
        await fence(tx);
        await tx
          .insert(whatsappAuthCreds)
          .values({ account, creds: text })
          .onConflictDoUpdate({
            target: whatsappAuthCreds.account,
            set: { creds: text, updatedAt: sql`now()` },
          });
      }),
    );
    credsWrites = write.catch(() => {});
    return write;
  };

  return {
    state: {
      creds,
      keys: {
        get: async <T extends keyof SignalDataTypeMap>(type: T, ids: string[]) => {
          const found: { [id: string]: SignalDataTypeMap[T] } = {};
          if (ids.length === 0) return found;
          const rows = await db
            .select({ id: whatsappAuthKeys.id, value: whatsappAuthKeys.value })
            .from(whatsappAuthKeys)
            .where(
              and(
                eq(whatsappAuthKeys.account, account),
                eq(whatsappAuthKeys.type, type),
                inArray(whatsappAuthKeys.id, ids),
              ),
            );
          for (const row of rows) {
            let value = decode<SignalDataTypeMap[T]>(row.value);
            // The one protobuf type: Baileys expects the message class, not a plain object.
            if (type === 'app-state-sync-key')
              value = proto.Message.AppStateSyncKeyData.fromObject(
                value as object,
              ) as unknown as SignalDataTypeMap[T];
            found[row.id] = value;
          }
          return found;
        },
        set: async (data: SignalDataSet) => {
          const upserts: Array<{ type: string; id: string; value: string }> = [];
          const deletes: Array<{ type: string; id: string }> = [];
          for (const [type, entries] of Object.entries(data)) {
            for (const [id, value] of Object.entries(entries ?? {})) {
              if (value === null || value === undefined) deletes.push({ type, id });
              else upserts.push({ type, id, value: encode(value) });
            }
          }
          if (upserts.length === 0 && deletes.length === 0) return;
          await db.transaction(async (tx) => {
            await fence(tx);
            if (upserts.length)
              await tx.execute(sql`
                insert into whatsapp_auth_keys (account, type, id, value)
                select ${account}, r.type, r.id, r.value
                from jsonb_to_recordset(${JSON.stringify(upserts)}::jsonb) as r(type text, id text, value text)
                on conflict (account, type, id) do update set value = excluded.value`);
            if (deletes.length)
              await tx.execute(sql`
                delete from whatsapp_auth_keys k
                using jsonb_to_recordset(${JSON.stringify(deletes)}::jsonb) as r(type text, id text)
                where k.account = ${account} and k.type = r.type and k.id = r.id`);
          });
        },
        clear: async () => {
          await db.transaction(async (tx) => {
            await fence(tx);
            await tx.delete(whatsappAuthKeys).where(eq(whatsappAuthKeys.account, account));
          });
        },
      },
    },
    saveCreds,
    flush: () => credsWrites,
  };
}

export async function loadCreds(db: Db, account: string): Promise<AuthenticationCreds | undefined> {
  const [row] = await db
    .select({ creds: whatsappAuthCreds.creds })
    .from(whatsappAuthCreds)
    .where(eq(whatsappAuthCreds.account, account));
  return row ? decode<AuthenticationCreds>(row.creds) : undefined;
}

/** Forgets the session (logout, or a number that was logged out from the phone): the next start pairs anew. */
export async function clearAuthState(db: Db, account: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(whatsappAuthKeys).where(eq(whatsappAuthKeys.account, account));
    await tx.delete(whatsappAuthCreds).where(eq(whatsappAuthCreds.account, account));
  });
}

/** The phone JID behind a LID from Baileys' own stored mapping (`<lid user>_reverse` → phone user). */
export async function storedPnForLid(db: Db, account: string, lidUser: string): Promise<string | undefined> {
  const [row] = await db
    .select({ value: whatsappAuthKeys.value })
    .from(whatsappAuthKeys)
    .where(
      and(
        eq(whatsappAuthKeys.account, account),
        eq(whatsappAuthKeys.type, 'lid-mapping'),
        eq(whatsappAuthKeys.id, `${lidUser}_reverse`),
      ),
    );
  const pnUser = row ? decode<unknown>(row.value) : undefined;
  return typeof pnUser === 'string' && /^\d+$/.test(pnUser) ? pnUser : undefined;
}
