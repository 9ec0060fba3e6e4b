import { type BaileysRuntime, startBaileys } from '../../src/channels/whatsapp/baileys';
import { whatsappSettings } from '../../src/channels/whatsapp/settings';
import { loadConfig } from '../../src/config';
import { type Logger, silentLogger } from '../../src/logger';
import { attachBaileys, createRuntime, type Runtime } from '../../src/runtime';
import { createTestDatabase, type TestDatabase } from './db';
import { STILL } from './harness';
import {
  CLOUD_APP_SECRET,
  CLOUD_PHONE_ID,
  CLOUD_TOKEN,
  CLOUD_VERIFY_TOKEN,
  GraphApiStandIn,
  signed,
  textBody,
} from './whatsapp-cloud';
import { conversation, type MessageOptions, pnOf, type WaPerson } from './whatsapp-messages';
import { FakeSockets, waitUntil } from './whatsapp-socket';

export interface BaileysHarness {
  database: TestDatabase;
  runtime: Runtime;
  sockets: FakeSockets;
  baileys: BaileysRuntime;
  /** A message from a person (a WAMessage), handled and its replies sent. */
  receive(...messages: import('baileys').WAMessage[]): Promise<void>;
  say(person: WaPerson, text: string, options?: MessageOptions): Promise<void>;
  /** Texts the bot sent to a person's phone JID (or any JID). */
  texts(jid: string): string[];
  /** A new process over the same database, with a new socket. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A Baileys channel on a fake socket, already connected; no pacing gaps unless a test asks for them. */
export async function startBaileysHarness(
  options: {
    settings?: Partial<Record<string, string>>;
    database?: TestDatabase;
    connection?: NonNullable<Parameters<typeof startBaileys>[0]['connection']>;
  } = {},
): Promise<BaileysHarness> {
  let database = options.database ?? (await createTestDatabase());
  // No gaps, no typing pause, no warm-up and no version fetch unless a test asks for them.
  const settings = whatsappSettings({
    WHATSAPP_MIN_GAP_MS: '0',
    WHATSAPP_MAX_GAP_MS: '0',
    WHATSAPP_TYPING_MAX_MS: '0',
    WHATSAPP_WARMUP: 'off',
    WHATSAPP_WA_VERSION_FETCH: '0',
    ...options.settings,
  });
  const sockets = new FakeSockets();
  const build = async () => {
    const runtime = createRuntime({ config: loadConfig({}), database, logger: silentLogger });
    const baileys = startBaileys({
      db: runtime.db,
      engine: runtime.engine,
      senders: runtime.senders,
      logger: silentLogger,
      settings,
      files: runtime.applications.storage,
      connection: {
        makeSocket: sockets.make,
        lease: { ttlMs: 2_000, renewMs: 200, pollMs: 100 },
        ...options.connection,
      },
    });
    attachBaileys(runtime, baileys);
    const before = sockets.all.length;
    await waitUntil(() => sockets.all.length > before);
    sockets.last.open();
    await waitUntil(() => baileys.connection.status === 'open');
    return { runtime, baileys };
  };
  let built = await build();
  const harness: BaileysHarness = {
    database,
    sockets,
    get runtime() {
      return built.runtime;
    },
    get baileys() {
      return built.baileys;
    },
    async receive(...messages) {
      sockets.last.receive(messages);
      await built.baileys.channel.idle();
    },
    say(person, text, messageOptions) {
      return harness.receive(conversation(person, text, messageOptions));
    },
    texts: (jid) => sockets.texts(jid),
    async restart() {
      await built.baileys.stop();
      await built.runtime.shutdown();
      database = await database.reopen();
      harness.database = database;
      built = await build();
    },
    async close() {
      await built.baileys.stop();
      await built.runtime.shutdown();
      await database.destroy();
    },
  };
  return harness;
}

export interface CloudHarness {
  api: GraphApiStandIn;
  database: TestDatabase;
  runtime: Runtime;
  /** Posts a raw body with a signature header (null: none) to the webhook. */
  post(body: unknown, signature?: string | null): Promise<Response>;
  say(waId: string, text: string, id?: string): Promise<Response>;
  texts(waId: string): string[];
  close(): Promise<void>;
}

export async function startCloudHarness(
  env: Record<string, string> = {},
  options: { logger?: Logger } = {},
): Promise<CloudHarness> {
  const api = await new GraphApiStandIn().start();
  const database = await createTestDatabase();
  const config = loadConfig({
    WA_CLOUD_ACCESS_TOKEN: CLOUD_TOKEN,
    WA_CLOUD_PHONE_NUMBER_ID: CLOUD_PHONE_ID,
    WA_CLOUD_APP_SECRET: CLOUD_APP_SECRET,
    WA_CLOUD_VERIFY_TOKEN: CLOUD_VERIFY_TOKEN,
    WA_CLOUD_API_ROOT: api.url,
  });
  const runtime = createRuntime({
    config,
    database,
    logger: options.logger ?? silentLogger,
    whatsappSettings: whatsappSettings({ WA_CLOUD_SEND_TIMEOUT_MS: '5000', ...env }),
    budgetClock: STILL,
  });
  const harness: CloudHarness = {
    api,
    database,
    runtime,
    post(body, signature) {
      const { raw, signature: good } = signed(body);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const sig = signature === undefined ? good : signature;
      if (sig !== null) headers['X-Hub-Signature-256'] = sig;
      return Promise.resolve(
        runtime.app.request('/webhooks/whatsapp', { method: 'POST', headers, body: raw }),
      );
    },
    say(waId, text, id) {
      return harness.post(textBody({ waId }, text, id));
    },
    texts: (waId) => api.texts(waId),
    async close() {
      await runtime.shutdown();
      await api.stop();
      await database.destroy();
    },
  };
  return harness;
}

export { pnOf };
