import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { rowsOf } from './rows';
import * as schema from './schema';

export type Schema = typeof schema;
/** The drizzle database, whichever driver carries it (PGlite or postgres.js). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Code that can run either inside a transaction or on the database itself. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Several processes may share it (real Postgres); false on the single-connection PGlite. */
  shared: boolean;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  pgliteDir: string;
  /** Pool size for postgres.js. */
  maxConnections?: number;
  /** How long to wait for a Postgres server to answer before giving up (default 10 s). */
  connectTimeoutSeconds?: number;
  migrate?: boolean;
}

/** The database server did not answer (or refused): says which host, never the password. */
export class DatabaseUnreachableError extends Error {
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(
      `The database at ${host} ${reason}. Check DATABASE_URL, and that the server runs and is reachable from here.`,
    );
  }
}

/** `host:port` of a Postgres URL, for messages (no user or password). */
export function databaseHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/**
 * The migrations folder: the nearest `migrations/` above this module, so the same code finds it from
 * src/db/ (tsx, tests) and from the bundle in dist/ (`npm start`).
 */
export const MIGRATIONS_DIR = findMigrations(dirname(fileURLToPath(import.meta.url)));

function findMigrations(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = resolve(dir, 'migrations');
    if (existsSync(resolve(candidate, 'meta/_journal.json'))) return candidate;
    if (dirname(dir) === dir) return resolve(from, '../../migrations');
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(
        options.databaseUrl,
        options.maxConnections ?? 10,
        options.connectTimeoutSeconds ?? 10,
      )
    : await openPglite(options.pgliteDir, true);
  if (options.migrate !== false) await migrateDatabase(database);
  return database;
}

/** The migrated PGlite template's data folder, made first if missing (the tests copy it too). */
export async function pgliteTemplate(): Promise<string> {
  const { ensurePgliteTemplate } = await import('./pglite-template');
  return ensurePgliteTemplate(MIGRATIONS_DIR, async (dataDir) => {
    const database = await openPglite(dataDir, false);
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
  });
}

async function openPostgres(url: string, max: number, timeoutSeconds: number): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { postgresDatabase } = await import('./postgres');
  // onnotice: migrations print harmless NOTICEs ("relation already exists, skipping") we don't want in logs.
  // connect_timeout covers the whole handshake (TCP, TLS, authentication), not only the TCP connect.
  const client = postgres(url, {
    max,
    connect_timeout: timeoutSeconds,
    onnotice: () => {},
    connection: { application_name: 'jembatan' },
  });
  // One query before anything else, so a server that never answers fails here, in bounded time and
  // with its name, instead of hanging the migrations.
  const host = databaseHost(url);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      client`select 1`,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new DatabaseUnreachableError(host, `did not answer within ${timeoutSeconds} s`)),
          (timeoutSeconds + 2) * 1000,
        );
      }),
    ]);
  } catch (error) {
    await client.end({ timeout: 0 }).catch(() => {});
    if (error instanceof DatabaseUnreachableError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'CONNECT_TIMEOUT')
      throw new DatabaseUnreachableError(host, `did not answer within ${timeoutSeconds} s`);
    if (code && /^E[A-Z]+$/.test(code))
      throw new DatabaseUnreachableError(host, `could not be reached (${code})`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return postgresDatabase(client);
}

/** Shared buffers of the embedded database (PGlite), set at every open. */
const PGLITE_SHARED_BUFFERS = '32MB';

/** `fromTemplate`: a fresh folder starts as a copy of the migrated template (src/db/pglite-template.ts). */
async function openPglite(dir: string, fromTemplate: boolean): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const inMemory = dir.startsWith('memory://');
  // PGlite is one process's database: two processes on one folder corrupt it, so we hold a lock file.
  const release = inMemory ? () => {} : lockFolder(dir);
  if (fromTemplate && !inMemory) {
    // Under the folder's lock: two processes starting on one fresh folder never both copy into it.
    const { copyTemplate, isFreshFolder } = await import('./pglite-template');
    if (isFreshFolder(dir)) {
      try {
        copyTemplate(await pgliteTemplate(), dir);
      } catch (error) {
        release();
        throw error;
      }
    }
  }
  const client = new PGlite(inMemory ? 'memory://' : dir, {
    extensions: { pg_trgm },
    // initdb's 128 MB of shared buffers are set up (in WASM memory) at every open: 32 MB took 1.2–2 s off
    // the chat's start on an existing database (issue #15: open 3.5–4.5 s → 2.0–2.6 s on a busy 2-core
    // machine), and is still several times what one embedded database reads while it runs.
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    shared: false,
    close: async () => {
      await client.close();
      release();
    },
  };
}

export class DatabaseInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${pid}. Stop it, or set PGLITE_DIR to another folder.`,
    );
  }
}

function lockFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = `${resolve(dir)}.lock`;
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) throw new DatabaseInUseError(dir, pid);
    rmSync(lockFile, { force: true });
  }
  const fd = openSync(lockFile, 'wx');
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Applies the SQL migrations generated by drizzle-kit (Node only: the migrator reads files). */
export async function migrateDatabase(database: Database): Promise<void> {
  // The usual start: every migration is already applied. One query says so, instead of the migrator
  // reading and hashing every file and creating its schema and table again (issue #15: 130–500 ms of
  // the chat's start on an existing embedded database).
  if (await migrationsCurrent(database)) return;
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants its own driver's database type
    await migrate(database.db as any, config);
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    // Several processes may start at once on one database: one migrates while the others wait on this
    // lock (held by a transaction on another pooled connection), then find nothing left to do.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('jembatan:migrations'))`);
      // biome-ignore lint/suspicious/noExplicitAny: as above
      await migrate(database.db as any, config);
    });
  }
}

/**
 * True when the database's latest applied migration is the newest in the journal (drizzle-kit's
 * `meta/_journal.json`; the migrator records each one's `when` as `created_at`). Anything else —
 * no migrations table yet, an older database, an unreadable journal — answers false, and the
 * migrator does its full check.
 */
export async function migrationsCurrent(database: Database): Promise<boolean> {
  let newest: number;
  try {
    const journal = JSON.parse(readFileSync(resolve(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
      entries: Array<{ when: number }>;
    };
    newest = Math.max(...journal.entries.map((entry) => entry.when));
    if (!Number.isFinite(newest)) return false;
  } catch {
    return false;
  }
  try {
    const [row] = rowsOf<{ created_at: string | number | null }>(
      await database.db.execute(sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`),
    );
    return row?.created_at != null && Number(row.created_at) === newest;
  } catch {
    // No migrations table yet (a fresh database); on Postgres the failed statement was on its own.
    return false;
  }
}
