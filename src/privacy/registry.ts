import type { Queryable } from '../db/client';
import type { FlowContext } from '../engine/context';

/**
 * Where personal data lives, one entry per domain. `/data_saya` asks every source for its part,
 * `/hapus_data` and the retention purge ask every source to erase it, and a consent withdrawal asks
 * every source that keeps consent-based data to drop it. Each domain registers its own source (the
 * applications module, the WhatsApp channel …) so the privacy feature imports no feature it does not
 * own; `src/privacy/sources/index.ts` lists the modules that register.
 *
 * Every function runs inside the caller's transaction (`db` is the turn's `ctx.tx` in a conversation):
 * never open another handle.
 */
export interface PersonalDataSource {
  /** Key of this source's part of the JSON export (`profile`, `applications` …). */
  name: string;
  /**
   * Tables whose rows this source exports itself. Any other table with a `user_id` column is exported
   * raw by the catch-all, so a new table is never silently left out of `/data_saya`.
   */
  tables?: string[];
  /** Everything this source keeps about the person, JSON-serialisable (decrypted: it is their data). */
  export(db: Queryable, userId: string): Promise<unknown>;
  /**
   * Erases it (or anonymises what must stay as counts). Runs before the person's `users` row is deleted,
   * whose cascade removes whatever is left.
   */
  erase(db: Queryable, userId: string): Promise<void>;
  /** Drops what was collected on the strength of the personal-data consent, when it is withdrawn. */
  withdraw?(db: Queryable, userId: string): Promise<void>;
  /** Readable lines about this source's data, for the chat summary and the .txt file. */
  describe?(ctx: FlowContext, data: unknown): string[];
}

const sources = new Map<string, PersonalDataSource>();

/** Adds a source; registering the same name again replaces it (module reloads, tests). */
export function registerPersonalDataSource(source: PersonalDataSource): void {
  sources.set(source.name, source);
}

/** In registration order: erasure runs in this order, the core source (the account) last. */
export function personalDataSources(): PersonalDataSource[] {
  const all = [...sources.values()];
  return [...all.filter((s) => s.name !== 'account'), ...all.filter((s) => s.name === 'account')];
}

/** Tables some source exports itself. */
export function coveredTables(): Set<string> {
  return new Set([...sources.values()].flatMap((s) => s.tables ?? []));
}
