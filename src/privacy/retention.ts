import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { DocumentStorage } from '../storage';
import { erasePerson } from './erasure';
import { logAccess } from './log';

const DAY_MS = 86_400_000;

export interface RetentionOptions {
  /** The clock (tests pass a fake one). */
  now: Date;
  /** People inactive longer than this are erased (RETENTION_DAYS). */
  retentionDays: number;
  /** Messages older than this are deleted for everyone (MESSAGE_RETENTION_DAYS). */
  messageRetentionDays: number;
  /** Count only, change nothing (the CLI's --dry-run). */
  dryRun?: boolean;
  /** People per batch; each person is erased in a transaction of their own. */
  batchSize?: number;
  /**
   * Where files staff sent live (src/handoff/files.ts): an expired message that names one takes the
   * file with it. Without a storage the files stay until the person is erased.
   */
  storage?: DocumentStorage;
}

export interface PurgeResult {
  /** People erased for inactivity. */
  people: number;
  /** Messages deleted for age. */
  messages: number;
  /** Delivered files (exports) whose contents were removed from the outbox log, and stored files
   * staff sent whose message expired. */
  files: number;
}

/**
 * The retention rules (docs/privacy.md): a person inactive longer than `retentionDays` is erased like
 * `/hapus_data` would (every source, then their row); messages older than `messageRetentionDays` go for
 * everyone, except replies still waiting to be sent; the contents of files the bot sent (exports) are
 * dropped from the log once delivered. Counts are logged, never who.
 */
export async function purgeExpired(db: Db, options: RetentionOptions): Promise<PurgeResult> {
  const peopleCutoff = new Date(options.now.getTime() - options.retentionDays * DAY_MS).toISOString();
  const messageCutoff = new Date(options.now.getTime() - options.messageRetentionDays * DAY_MS).toISOString();
  const batch = options.batchSize ?? 200;

  if (options.dryRun) {
    const [counts] = rowsOf<{ people: number | string; messages: number | string; files: number | string }>(
      await db.execute(sql`
        select
          (select count(*) from users where last_active_at < ${peopleCutoff}::timestamptz
             and id not in (select user_id from pending_erasures)) as people,
          (select count(*) from messages where created_at < ${messageCutoff}::timestamptz
             and (direction = 'in' or status not in ('pending', 'sending'))) as messages,
          (select count(*) from messages where direction = 'out' and body->>'type' = 'document'
             and status not in ('pending', 'sending') and coalesce(body->>'data', '') <> '') as files`),
    );
    return {
      people: Number(counts?.people ?? 0),
      messages: Number(counts?.messages ?? 0),
      files: Number(counts?.files ?? 0),
    };
  }

  let people = 0;
  for (;;) {
    const due = rowsOf<{ id: string }>(
      await db.execute(sql`
        select id from users where last_active_at < ${peopleCutoff}::timestamptz
          and id not in (select user_id from pending_erasures)
        order by last_active_at limit ${batch}`),
    );
    for (const { id } of due)
      await db.transaction(async (tx) => {
        // Someone who wrote since the list was read is no longer inactive: leave them.
        const still = rowsOf(
          await tx.execute(sql`
            select 1 from users where id = ${id} and last_active_at < ${peopleCutoff}::timestamptz
            for update`),
        );
        if (still.length === 0) return;
        await erasePerson(tx, id, {
          actor: 'system',
          action: 'purge',
          detail: { reason: 'retention', retentionDays: options.retentionDays },
        });
        people += 1;
      });
    if (due.length < batch) break;
  }

  let messages = 0;
  let storedFiles = 0;
  for (;;) {
    const deleted = rowsOf<{ file: string | null }>(
      await db.execute(sql`
        delete from messages where id in (
          select id from messages where created_at < ${messageCutoff}::timestamptz
            and (direction = 'in' or status not in ('pending', 'sending'))
          limit 5000)
        returning case when body->>'type' = 'file' then body->>'key' end as file`),
    );
    // The rows are gone; a file whose delete fails is an orphan that the person's erasure still removes.
    // Only the person's own files: a programme's brochure the bot sent (`brochures/…`) is shared.
    for (const { file } of deleted)
      if (file?.startsWith('staff-files/') && options.storage) {
        await options.storage.delete(file);
        storedFiles += 1;
      }
    messages += deleted.length;
    if (deleted.length < 5000) break;
  }

  const files =
    storedFiles +
    rowsOf(
      await db.execute(sql`
      update messages set body = jsonb_set(body, '{data}', '""'::jsonb) || '{"dataRemoved": true}'::jsonb
      where direction = 'out' and body->>'type' = 'document'
        and status not in ('pending', 'sending') and coalesce(body->>'data', '') <> ''
      returning 1`),
    ).length;

  if (messages > 0 || files > 0)
    await logAccess(db, {
      actor: 'system',
      action: 'purge',
      detail: {
        reason: 'retention',
        messages,
        files,
        messageRetentionDays: options.messageRetentionDays,
      },
    });
  return { people, messages, files };
}
