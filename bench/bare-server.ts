// Child process of the webhook benchmark: the yardstick. A bare Telegram webhook doing only the
// essential work of one update — grammY + Hono + postgres.js: de-duplicate the update id, read the
// chat's state, write the new state, send one reply to the Bot API stand-in — and nothing more (no
// engine, no outbox, no logging). Jembatan's webhook is measured against it in the same run (issue #15).
import { Agent } from 'node:http';
import { serve } from '@hono/node-server';
import { Bot, webhookCallback } from 'grammy';
import { Hono } from 'hono';
import postgres from 'postgres';

const env = process.env;
const sql = postgres(env.DATABASE_URL!, { max: 12, onnotice: () => {} });
await sql`create table if not exists bare_updates (update_id bigint primary key)`;
await sql`create table if not exists bare_chats (chat_id bigint primary key, state jsonb not null)`;

const bot = new Bot(env.TELEGRAM_BOT_TOKEN!, {
  botInfo: {
    id: 1,
    is_bot: true,
    first_name: 'Bare',
    username: 'bare_bot',
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  },
  // The same keep-alive agent settings as the real server (src/channels/telegram/node-agent.ts).
  client: { apiRoot: env.TELEGRAM_API_ROOT!, baseFetchConfig: { agent: new Agent({ keepAlive: true }) } },
});
bot.on(['message:text', 'callback_query:data'], async (ctx) => {
  const chatId = ctx.chat!.id;
  const fresh = await sql`
    insert into bare_updates (update_id) values (${ctx.update.update_id}) on conflict do nothing returning 1`;
  if (fresh.length === 0) return;
  const [row] = await sql<{ state: { step: string; visits: number } }[]>`
    select state from bare_chats where chat_id = ${chatId}`;
  const step = ctx.callbackQuery ? 'settings' : 'menu';
  const state = { step, visits: (row?.state.visits ?? 0) + 1 };
  await sql`
    insert into bare_chats (chat_id, state) values (${chatId}, ${sql.json(state)})
    on conflict (chat_id) do update set state = excluded.state`;
  // A menu with the button the load generator presses, so both servers see the same mix of updates.
  await ctx.reply(step === 'menu' ? 'Menu' : 'Pengaturan', {
    reply_markup: { inline_keyboard: [[{ text: '⚙️ Pengaturan', callback_data: 'settings' }]] },
  });
});

const app = new Hono();
app.post(
  '/webhooks/telegram',
  // grammY answers 500 after 10 s by default; on a busy machine the bare handler must not fail first.
  webhookCallback(bot, 'hono', { secretToken: env.TELEGRAM_WEBHOOK_SECRET, timeoutMilliseconds: 120_000 }),
);
const server = serve({ fetch: app.fetch, port: Number(env.PORT), hostname: '127.0.0.1' }, () => {
  process.stdout.write('ready\n');
});
process.on('SIGTERM', async () => {
  server.close();
  await sql.end();
  process.exit(0);
});
