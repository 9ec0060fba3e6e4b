// `npm run chat`: talk to the real engine in the terminal, on the embedded database, no token needed.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { serve } from '@hono/node-server';
import { DEMO_STAFF } from '../../admin/demo';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/client';
import type { Outbound } from '../../engine/types';
import { createLogger } from '../../logger';
import { deliver } from '../../outbox/delivery';
import { createRuntime, prepareData } from '../../runtime';
import { SimulatorSender } from './sender';

const BOT = '\x1b[36m'; // cyan
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

function printMessage(_address: string, message: Outbound): void {
  if (message.type === 'document') {
    console.log(`${BOT}📎 ${message.fileName} (${message.mimeType})${RESET}`);
    return;
  }
  if (message.type === 'file') {
    // The terminal cannot show the file itself: one line names it (the bytes stay in the storage).
    const size = `${Math.max(1, Math.round(message.size / 1024))} KB`;
    console.log(`${BOT}📎 ${message.fileName} (${message.mimeType}, ${size})${RESET}`);
    if (message.caption) console.log(`${BOT}${message.caption}${RESET}`);
    console.log();
    return;
  }
  console.log(`${BOT}${message.text}${RESET}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, TELEGRAM_BOT_TOKEN: '', WHATSAPP_BAILEYS: '' });
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  await prepareData(database, logger, {
    staffOrganisation: config.DEFAULT_ORGANISATION,
    desk: config.DEFAULT_ORGANISATION,
  });
  const runtime = createRuntime({ config, database, logger, senders: [new SimulatorSender(printMessage)] });
  // Finishes erasures after /hapus_data (the goodbye message first), as the server does.
  runtime.privacy.start();
  // The staff dashboard beside the chat: ask for a person here, answer from the browser; staff replies
  // and notices reach this terminal through the outbox, as they reach Telegram in production.
  runtime.dispatcher.start();
  const server = serve({ fetch: runtime.app.fetch, port: config.PORT, hostname: '127.0.0.1' }, (info) =>
    console.log(
      `${DIM}Staff dashboard: http://localhost:${info.port}/admin  (${DEMO_STAFF.email} / ${DEMO_STAFF.password})${RESET}`,
    ),
  );
  server.on('error', (error) =>
    console.log(`${DIM}Staff dashboard not started (${(error as Error).message}); the chat works.${RESET}`),
  );
  const person = process.env.SIMULATOR_USER ?? 'local';
  const name = safeName();

  console.log(
    `${DIM}Jembatan — local chat (${database.driver}). Type a message; "/start" to begin, Ctrl+C or /keluar to quit.${RESET}\n`,
  );
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const send = async (text: string) => {
    const result = await runtime.engine.handle({
      channel: 'simulator',
      eventId: randomUUID(),
      user: { externalId: person, displayName: name, languageCode: process.env.LANG?.slice(0, 2) ?? 'id' },
      payload: { type: 'text', text },
    });
    await deliver(result.deliveries, { db: runtime.db, senders: runtime.senders, logger });
  };
  await send('/start');
  rl.setPrompt('kamu › ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/keluar' || text === '/quit') break;
    if (text) {
      console.log();
      await send(text);
    }
    rl.prompt();
  }
  rl.close();
  server.close();
  await runtime.shutdown();
  await database.close();
}

function safeName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'Teman';
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
