// A postgres.js client that counts what it sends while a piece of work runs: statements are what
// Postgres runs; round trips are the batches written without waiting for an answer in between
// (statements sent in the same tick go out in one write: pipelined).
import type { Update } from 'grammy/types';
import postgres from 'postgres';
import type { createRuntime } from '../src/runtime';

export interface SqlCount {
  statements: number;
  roundTrips: number;
  /** Each statement, whitespace collapsed and cut to the width asked for. */
  texts: string[];
}

export function countingClient(url: string, textWidth: number) {
  let current: SqlCount | undefined;
  let batchOpen = false;
  const client = postgres(url, {
    max: 4,
    onnotice: () => {},
    debug: (_connection, query) => {
      if (!current) return;
      current.statements++;
      current.texts.push(query.replace(/\s+/g, ' ').trim().slice(0, textWidth));
      if (!batchOpen) {
        current.roundTrips++;
        batchOpen = true;
        setImmediate(() => {
          batchOpen = false;
        });
      }
    },
  });
  /** What `work` sends, counted (nothing else is counted meanwhile or after). */
  const count = async (work: () => Promise<void>): Promise<SqlCount> => {
    const counted: SqlCount = { statements: 0, roundTrips: 0, texts: [] };
    current = counted;
    try {
      await work();
    } finally {
      current = undefined;
    }
    return counted;
  };
  return { client, count };
}

/**
 * Posts one Telegram update to the runtime's webhook, as Telegram would (the bench's secret), and reads
 * the answer. `settle`: the work the webhook left to the background (a send past its budget, sent marks)
 * is waited for too, so it is counted with the update.
 */
export async function postUpdate(
  runtime: ReturnType<typeof createRuntime>,
  update: Update,
  settle = true,
): Promise<void> {
  const response = await runtime.app.request('/webhooks/telegram', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': 'bench_secret' },
    body: JSON.stringify(update),
  });
  await response.arrayBuffer();
  if (!settle) return;
  await runtime.background.settle();
  await runtime.marker.flush();
}
