import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import { pendingErasures } from '../db/schema';
import { type Actor, logAccess } from './log';
import { personalDataSources } from './registry';
import './sources';

/**
 * How long an erasure may wait for its confirmation message to be delivered before the last rows go
 * regardless (the outbox retries for about this long).
 */
export const ERASURE_GRACE_MS = 15 * 60_000;

/**
 * Erasure inside a conversation turn (`/hapus_data`). Every source erases its data in the turn's
 * transaction; what is left is the person's bare account row, their channel addresses detached from
 * the platform ids (a new message from the same account already starts a new person), and the
 * messages of this turn — the confirmation must still reach them. `finishErasures` removes those
 * rows once the confirmation was delivered (or after ERASURE_GRACE_MS).
 */
export async function beginErasure(db: Queryable, userId: string, actor: Actor = 'user'): Promise<void> {
  const sources = await eraseSources(db, userId);
  await db.insert(pendingErasures).values({ userId }).onConflictDoNothing();
  await logAccess(db, { actor, action: 'erase', userId, detail: { sources } });
}

/**
 * Erasure outside a conversation (retention purge, staff, scripts): every source, then the person's
 * row, whose cascade takes whatever is left. Run it in a transaction.
 */
export async function erasePerson(
  db: Queryable,
  userId: string,
  entry: { actor: Actor; action: 'erase' | 'purge'; detail?: Record<string, unknown> },
): Promise<void> {
  const sources = await eraseSources(db, userId);
  await logAccess(db, { ...entry, userId, detail: { ...entry.detail, sources } });
  await db.execute(sql`delete from users where id = ${userId}`);
}

async function eraseSources(db: Queryable, userId: string): Promise<string[]> {
  const names: string[] = [];
  for (const source of personalDataSources()) {
    await source.erase(db, userId);
    names.push(source.name);
  }
  return names;
}

/**
 * Completes erasures begun in conversations: once no reply to the person is still waiting in the
 * outbox (or once `graceMs` has passed), every source erases again — whatever arrived since, such as
 * the WhatsApp socket's copy of the confirmation it just sent — and the person's row is deleted, its
 * cascade taking the channel addresses, the conversation and the last messages. Returns how many
 * people it finished.
 */
export async function finishErasures(
  db: Db,
  options: { now?: Date; graceMs?: number } = {},
): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.graceMs ?? ERASURE_GRACE_MS));
  const due = rowsOf<{ user_id: string }>(
    await db.execute(sql`
      select p.user_id from pending_erasures p
      where p.requested_at < ${cutoff.toISOString()}::timestamptz
        or not exists (
          select 1 from messages m
          where m.user_id = p.user_id and m.direction = 'out' and m.status in ('pending', 'sending')
        )`),
  );
  let finished = 0;
  for (const { user_id: userId } of due)
    await db.transaction(async (tx) => {
      // Another process may be finishing the same person.
      const mine = rowsOf(
        await tx.execute(
          sql`select 1 from pending_erasures where user_id = ${userId} for update skip locked`,
        ),
      );
      if (mine.length === 0) return;
      await eraseSources(tx, userId);
      await tx.execute(sql`delete from users where id = ${userId}`);
      finished += 1;
    });
  return finished;
}
