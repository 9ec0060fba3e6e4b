import type { Update } from 'grammy/types';
import { telegramFetchConfig } from '../../src/channels/telegram/node-agent';
import { loadConfig } from '../../src/config';
import { type Logger, silentLogger } from '../../src/logger';
import { createRuntime, type Runtime } from '../../src/runtime';
import type { Clock } from '../../src/shared/clock';
import { BotApiStandIn } from './bot-api';
import { createTestDatabase, type TestDatabase } from './db';

export const TEST_TOKEN = '123456:TEST-token_abc';
export const TEST_SECRET = 'test-secret_123';

/**
 * A clock that stands still, for the webhook's send budget: the turn itself never uses the budget up,
 * however long other processes keep this one off the CPU (a 2-core machine running two suites took
 * more than 15 s for one turn, and the reply went to the outbox: "the bot has sent nothing"). Each send
 * is still waited for at most the budget (real time), so a slow Bot API still moves a send to the
 * background and the chat's next replies to the outbox (tests/telegram/webhook.test.ts, slow-api.test.ts).
 */
export const STILL = () => 0;

export interface Harness {
  api: BotApiStandIn;
  database: TestDatabase;
  runtime: Runtime;
  /** Posts an Update to the webhook the way Telegram does. */
  post(update: Update, secret?: string | null): Promise<Response>;
  /** A new process over the same database (the old runtime is dropped). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  env: Record<string, string> = {},
  /** `clock`: the conversations' wall clock (`ctx.now()`), for a test that moves time. */
  options: { logger?: Logger; clock?: Clock } = {},
): Promise<Harness> {
  const api = await new BotApiStandIn().start();
  let database = await createTestDatabase();
  const build = async () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: TEST_SECRET,
      TELEGRAM_API_ROOT: api.url,
      // Generous: on a loaded CI machine one send can take seconds, and a reply that misses the budget
      // waits for the outbox, which a test reading "the last message" would not see. The budget itself
      // is tested with its production value in tests/telegram/webhook.test.ts and slow-api.test.ts.
      TELEGRAM_SEND_TIMEOUT_MS: '15000',
      ...env,
    });
    const runtime = createRuntime({
      config,
      database,
      logger: options.logger ?? silentLogger,
      // The Node entry's fetch settings (idle connections dropped before the stand-in drops them).
      telegramFetchConfig: telegramFetchConfig(api.url),
      budgetClock: STILL,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    await runtime.telegram!.init();
    return runtime;
  };
  const harness: Harness = {
    api,
    database,
    runtime: await build(),
    async post(update, secret = TEST_SECRET) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret !== null) headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
      const response = await harness.runtime.app.request('/webhooks/telegram', {
        method: 'POST',
        headers,
        body: JSON.stringify(update),
      });
      // As Telegram does: a method in the webhook's answer is run (answerCallbackQuery, say).
      const answer = (await response
        .clone()
        .json()
        .catch(() => undefined)) as Record<string, unknown> | undefined;
      if (response.ok && typeof answer?.method === 'string') api.webhookReply(answer);
      return response;
    },
    async restart() {
      await harness.runtime.shutdown();
      database = await database.reopen();
      harness.database = database;
      harness.runtime = await build();
    },
    async close() {
      await harness.runtime.shutdown();
      await api.stop();
      await database.destroy();
    },
  };
  return harness;
}
