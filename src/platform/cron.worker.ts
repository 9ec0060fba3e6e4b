import type { Dispatcher } from '../outbox/dispatcher';

/** The daily cron of wrangler.toml: the retention purge. Every other cron drains the outbox. */
export const PURGE_CRON = '17 19 * * *';

/**
 * Drains the outbox batch by batch until it is empty or the time is up; returns how many rows it
 * claimed. Overlapping runs (a slow one and the next minute's) are safe: rows are claimed with
 * FOR UPDATE SKIP LOCKED and leased, exactly as by several Node dispatchers.
 */
export async function drainFor(dispatcher: Pick<Dispatcher, 'drainOnce'>, budgetMs: number): Promise<number> {
  const end = Date.now() + budgetMs;
  let total = 0;
  while (Date.now() < end) {
    const claimed = await dispatcher.drainOnce();
    total += claimed;
    if (claimed === 0) break;
  }
  return total;
}
