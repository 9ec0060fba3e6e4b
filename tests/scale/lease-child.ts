// A process that competes for the WhatsApp number like the Node entry does (BaileysConnection and its
// lease in Postgres), with a fake socket instead of Baileys'. Prints one JSON line per change.
import { BaileysConnection } from '../../src/channels/whatsapp/baileys/connection';
import { SentMessages } from '../../src/channels/whatsapp/baileys/sent-messages';
import { openDatabase } from '../../src/db/client';
import { silentLogger } from '../../src/logger';
import { FakeSockets } from '../helpers/whatsapp-socket';

const say = (event: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ at: Date.now(), holder: process.env.HOLDER, ...event })}\n`);

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: '', migrate: false });
const sockets = new FakeSockets();
const connection = new BaileysConnection({
  db: database.db,
  logger: silentLogger,
  sent: new SentMessages(database.db),
  account: process.env.ACCOUNT ?? 'default',
  holder: process.env.HOLDER!,
  makeSocket: (config) => {
    const socket = sockets.make(config);
    say({ event: 'socket' });
    // WhatsApp answers: the (already paired) session opens.
    setTimeout(() => sockets.last.open(), 20);
    return socket;
  },
  watchdog: { intervalMs: 3_600_000 },
});
connection.start();
let last = '';
const poll = setInterval(() => {
  if (connection.status !== last) {
    last = connection.status;
    say({ event: 'status', status: last });
  }
}, 25);

process.on('SIGTERM', async () => {
  clearInterval(poll);
  await connection.stop();
  say({ event: 'stopped' });
  await database.close();
  process.exit(0);
});
