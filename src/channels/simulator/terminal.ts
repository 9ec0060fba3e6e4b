// `npm run chat`: talk to the real engine in the terminal, on the embedded database, no token needed.
// `npm run chat -- --as rina` plays another person; see args.ts for the options and typed commands.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { serve } from '@hono/node-server';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { DEMO_STAFF } from '../../admin/demo';
import { loadConfig } from '../../config';
import { type Db, migrateDatabase, openDatabase } from '../../db/client';
import { identities } from '../../db/schema';
import { type Locale, tFor } from '../../i18n';
import { createLogger } from '../../logger';
import { startupPhases } from '../../ops/startup-phases';
import { deliver } from '../../outbox/delivery';
import { createRuntime, prepareData } from '../../runtime';
import type { InboundPayload, Outbound } from '../../shared/conversation';
import { ChatArgsError, mediaOf, parseChatArgs, parseLine } from './args';
import { renderForTerminal } from './render';
import { SimulatorSender } from './sender';

const BOT = '\x1b[36m'; // cyan
const STAFF = '\x1b[35m'; // magenta
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

const locale: Locale = process.env.LANG?.startsWith('en') ? 'en' : 'id';
/** Whether this simulated person has chatted on this database before. */
async function hasChatted(db: Db, person: string): Promise<boolean> {
  const [row] = await db
    .select({ id: identities.id })
    .from(identities)
    .where(and(eq(identities.channel, 'simulator'), eq(identities.externalId, person)))
    .limit(1);
  return row !== undefined;
}

const t = (key: string, vars?: Record<string, unknown>) =>
  tFor(locale)(`simulator:${key}`, vars ?? {}) as string;

let current = 'local';

function printMessage(address: string, message: Outbound): void {
  const printed = renderForTerminal(address, message, current);
  const colour = printed.staff !== undefined ? STAFF : BOT;
  const heads: string[] = [];
  if (printed.to) heads.push(t('for', { person: printed.to }));
  if (printed.staff !== undefined)
    heads.push(printed.staff ? t('staffNamed', { name: printed.staff }) : t('staff'));
  if (heads.length) console.log(`${DIM}${heads.join(' · ')}${RESET}`);
  console.log(`${colour}${printed.lines.join('\n')}${RESET}\n`);
}

function logger(file: string | undefined) {
  // The chat is for reading: the server's JSON lines go to a file (or nowhere), said once at start.
  if (!file) return createLogger('silent');
  mkdirSync(dirname(resolve(file)), { recursive: true });
  return createLogger(
    process.env.LOG_LEVEL ?? 'info',
    pino.destination({ dest: file, sync: false, mkdir: true }),
  );
}

async function main(): Promise<void> {
  const options = parseChatArgs(process.argv.slice(2), process.env);
  current = options.person;
  const config = loadConfig({ ...process.env, TELEGRAM_BOT_TOKEN: '', WHATSAPP_BAILEYS: '' });
  const log = logger(options.logFile);
  const phase = startupPhases(log);
  phase('code loaded');
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    migrate: false,
  });
  phase('database opened');
  await migrateDatabase(database);
  phase('migrations applied');
  const runtime = createRuntime({
    config,
    database,
    logger: log,
    senders: [new SimulatorSender(printMessage)],
  });
  // Files sent with /kirim: the application form downloads them from here, as it does from Telegram.
  const files = new Map<string, string>();
  runtime.applications.media.register('simulator', async (ref) => {
    const path = files.get(ref);
    return path ? { data: new Uint8Array(await readFile(path)) } : undefined;
  });
  phase('runtime built');
  // The dashboard line comes before the first prompt, so it is never lost among the bot's messages.
  const server = await new Promise<ReturnType<typeof serve> | undefined>((done) => {
    const s = serve({ fetch: runtime.app.fetch, port: config.PORT, hostname: '127.0.0.1' }, (info) => {
      const url = `http://localhost:${info.port}/admin`;
      console.log(
        `${DIM}${t('dashboard', { url, email: DEMO_STAFF.email, password: DEMO_STAFF.password })}${RESET}`,
      );
      done(s);
    });
    s.on('error', (error) => {
      console.log(`${DIM}${t('dashboardFailed', { reason: (error as Error).message })}${RESET}`);
      done(undefined);
    });
  });
  console.log(`${DIM}${options.logFile ? t('logs', { file: options.logFile }) : t('logsOff')}${RESET}`);
  console.log(`${DIM}${t('banner', { driver: database.driver, person: current })}${RESET}\n`);

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const send = async (payload: InboundPayload) => {
    const result = await runtime.engine.handle({
      channel: 'simulator',
      eventId: randomUUID(),
      user: { externalId: current, displayName: current, languageCode: locale },
      payload,
    });
    await deliver(result.deliveries, { db: runtime.db, senders: runtime.senders, logger: log });
  };
  const sendFile = async (raw: string, caption?: string) => {
    const path = resolve(raw.replace(/^~(?=\/|$)/, homedir()));
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return console.log(`${DIM}${t('noFile', { path })}${RESET}\n`);
    const media = mediaOf(path);
    const ref = randomUUID();
    files.set(ref, path);
    const size = `${Math.max(1, Math.round(info.size / 1024))} KB`;
    console.log(
      `${DIM}${t('sent', { name: media.fileName, kind: t(`kind.${media.mediaKind}`), size })}${RESET}\n`,
    );
    await send({ type: 'media', ...media, fileRef: ref, size: info.size, ...(caption ? { caption } : {}) });
  };

  phase('dashboard listening');
  // A person who chatted here before carries on where they stopped (a /start would leave a form
  // half-way); a new one is greeted.
  const begin = async () => {
    if (await hasChatted(runtime.db, current))
      console.log(`${DIM}${t('resumed', { person: current })}${RESET}\n`);
    else await send({ type: 'text', text: '/start' });
  };
  await begin();
  phase('first answer (prompt)');
  const prompt = () => rl.setPrompt(`${current} › `);
  prompt();
  rl.prompt();
  // What the first answer does not need is done while the person reads it (issue #15: the prompt
  // came 1–3 s later on a fresh database): the demo catalogue and staff account, the desk, then the
  // background loops. A line typed meanwhile waits for it, so nothing is answered before it is ready.
  const ready = (async () => {
    await prepareData(
      database,
      log,
      { staffOrganisation: config.DEFAULT_ORGANISATION, desk: config.DEFAULT_ORGANISATION },
      phase,
    );
    // Finishes erasures after /hapus_data (the goodbye message first), as the server does.
    runtime.privacy.start();
    // The staff dashboard beside the chat: ask for a person here, answer from the browser; staff
    // replies and notices reach this terminal through the outbox, as they reach Telegram in production.
    runtime.dispatcher.start();
    phase('ready after the prompt');
  })();
  ready.catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  for await (const line of rl) {
    await ready;
    const command = parseLine(line);
    if (command.kind === 'quit') break;
    console.log();
    switch (command.kind) {
      case 'commands':
        console.log(`${DIM}${t('commands')}${RESET}\n`);
        break;
      case 'as':
        current = command.name;
        prompt();
        console.log(`${DIM}${t('switched', { person: current })}${RESET}\n`);
        await begin();
        break;
      case 'invalid':
        console.log(`${DIM}${t(command.command === 'as' ? 'invalidAs' : 'invalidSend')}${RESET}\n`);
        break;
      case 'send':
        await sendFile(command.path, command.caption);
        break;
      case 'text':
        await send({ type: 'text', text: command.text });
        break;
      case 'empty':
        break;
    }
    rl.prompt();
  }
  rl.close();
  await ready;
  server?.close();
  await runtime.shutdown();
  await database.close();
}

main().catch((error) => {
  console.error(
    error instanceof ChatArgsError
      ? `npm run chat: ${error.message}`
      : error instanceof Error
        ? error.message
        : error,
  );
  process.exit(1);
});
