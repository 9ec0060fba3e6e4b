// `npm run whatsapp:login`: links the bot's WhatsApp number (Baileys) and stores the session in the
// database; the server then uses it (WHATSAPP_BAILEYS=1). `-- --logout` unlinks and forgets it,
// `-- --status` says whether a session is stored and which process holds the number.
import { ConfigError, loadConfig } from '../../config';
import { DatabaseInUseError, openDatabase } from '../../db/client';
import { errorSummary } from '../../engine/engine';
import { createLogger } from '../../logger';
import { baileysVersionSource } from './baileys';
import { clearAuthState, loadCreds } from './baileys/auth-state';
import { BaileysConnection } from './baileys/connection';
import { clearStop, leaseStatus, newHolderId } from './baileys/lease';
import { SentMessages } from './baileys/sent-messages';
import { whatsappSettings } from './settings';
import { whatsappStatus } from './status';

const ACCOUNT = 'default';
const PAIRING_TIMEOUT_MS = 180_000;

/** Ctrl+C: close the socket and hand the number back at once (instead of after the lease expires). */
let cleanup: (() => Promise<void>) | undefined;
process.on('SIGINT', () => {
  void (cleanup?.() ?? Promise.resolve()).finally(() => process.exit(130));
});

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2));
  const config = loadConfig();
  const settings = whatsappSettings(process.env);
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  const db = database.db;
  let connection: BaileysConnection | undefined;
  cleanup = async () => {
    await connection?.stop().catch(() => {});
    await database.close().catch(() => {});
  };
  try {
    const creds = await loadCreds(db, ACCOUNT);
    const lease = await leaseStatus(db, ACCOUNT);
    if (args.has('--status')) {
      for (const line of await whatsappStatus(db, settings, ACCOUNT)) console.log(line);
      return 0;
    }
    if (lease?.holder && lease.live) {
      console.error(
        'A running Jembatan server holds this WhatsApp number. Stop it first (its own terminal shows the\n' +
          'QR code or pairing code when it needs one), then run this command again.',
      );
      return 1;
    }

    const holder = newHolderId();
    const sent = new SentMessages(db);
    // Pairing with an outdated WhatsApp Web version fails too: the same version as the server's.
    const version = baileysVersionSource(settings, logger);
    if (args.has('--logout')) {
      await clearStop(db, ACCOUNT);
      if (creds?.registered) {
        const linked = new BaileysConnection({ db, logger, sent, account: ACCOUNT, holder, version });
        connection = linked;
        linked.start();
        const opened = await waitFor(() => linked.status === 'open', 30_000);
        if (opened) await linked.logout();
        else await linked.stop();
        if (!opened) console.log('Could not reach WhatsApp; unlink "Jembatan" on the phone by hand.');
      }
      await clearAuthState(db, ACCOUNT);
      console.log(
        'Logged out: the WhatsApp session is forgotten. Run `npm run whatsapp:login` to pair again.',
      );
      return 0;
    }

    if (creds?.registered && !args.has('--fresh')) {
      await clearStop(db, ACCOUNT);
      console.log(
        'A paired session is already stored; start the server with WHATSAPP_BAILEYS=1.\n' +
          'To link a different number: npm run whatsapp:login -- --logout, then this command again.',
      );
      return 0;
    }

    // A fresh pairing: drop what is left of an old session, let processes use the number again.
    await clearAuthState(db, ACCOUNT);
    await clearStop(db, ACCOUNT);
    const pairingNumber = config.WHATSAPP_PAIRING_NUMBER;
    console.log(
      pairingNumber
        ? 'Requesting a pairing code for WHATSAPP_PAIRING_NUMBER …'
        : 'Waiting for a QR code … (set WHATSAPP_PAIRING_NUMBER to pair with a code instead)',
    );
    const pairing = new BaileysConnection({
      db,
      logger,
      sent,
      account: ACCOUNT,
      holder,
      pairingNumber,
      version,
    });
    connection = pairing;
    pairing.start();
    const opened = await waitFor(
      () => pairing.status === 'open' || pairing.stats.lastClose?.action === 'stop',
      PAIRING_TIMEOUT_MS,
    );
    const ok = opened && pairing.status === 'open';
    await pairing.stop();
    if (!ok) {
      console.error('Pairing did not complete. Run the command again to get a new code.');
      return 1;
    }
    console.log('Paired. Start the server with WHATSAPP_BAILEYS=1 (npm start); it uses this session.');
    return 0;
  } finally {
    await database.close();
  }
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof DatabaseInUseError) console.error(error.message);
    else console.error('WhatsApp login failed:', errorSummary(error).message);
    process.exit(1);
  });
