import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { BotApiStandIn } from '../helpers/bot-api';

let api: BotApiStandIn;
beforeAll(async () => {
  api = await new BotApiStandIn().start();
});
afterAll(async () => {
  await api.stop();
});

describe('npm run telegram:setup', () => {
  it('prints TELEGRAM_BOT_INFO from getMe and registers the webhook and commands at PUBLIC_URL', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/ops/telegram-setup.ts'],
      {
        cwd: resolve(import.meta.dirname, '../..'),
        env: {
          ...process.env,
          TELEGRAM_BOT_TOKEN: '4242:setup-token',
          TELEGRAM_WEBHOOK_SECRET: 'setup_secret',
          TELEGRAM_API_ROOT: api.url,
          PUBLIC_URL: 'https://jembatan.example.workers.dev',
          DATABASE_URL: '',
        },
      },
    );
    const info = /TELEGRAM_BOT_INFO='(.+)'/.exec(stdout)?.[1];
    expect(info).toBeDefined();
    // What it prints is accepted as configuration, for the same bot.
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '4242:setup-token',
      TELEGRAM_WEBHOOK_SECRET: 's',
      TELEGRAM_BOT_INFO: info,
    });
    expect(config.TELEGRAM_BOT_INFO).toMatchObject({ id: 4242, username: 'jembatan_test_bot' });
    const [webhook] = api.sent('setWebhook');
    expect(webhook?.body).toMatchObject({
      url: 'https://jembatan.example.workers.dev/webhooks/telegram',
      secret_token: 'setup_secret',
    });
    expect(api.sent('setMyCommands')).toHaveLength(2);
  }, 120_000); // a tsx subprocess on a loaded 2-core machine can take a minute to start
});
