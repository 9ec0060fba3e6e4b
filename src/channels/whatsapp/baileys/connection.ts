import {
  type BaileysEventMap,
  Browsers,
  DisconnectReason,
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  makeCacheableSignalKeyStore,
  makeWASocket,
} from 'baileys';
import type { Db } from '../../../db/client';
import { errorSummary } from '../../../engine/engine';
import type { Logger } from '../../../logger';
import { linkContact } from '../contacts';
import { isLidJid, isPnJid, normalizeUserJid } from '../jid';
import { purgeWhatsAppCopies } from '../privacy';
import { clearAuthState, type PostgresAuthState, usePostgresAuthState } from './auth-state';
import { LEASE_DEFAULTS, Lease, newHolderId } from './lease';
import { boomStatus, type SocketSource } from './sender';
import type { SentMessages } from './sent-messages';
import type { SocketFactory, WhatsAppSocket } from './socket';

/*
 * Keeps one Baileys socket alive for one number, in at most one process (the lease), and decides what
 * to do when it closes (design.md §5: Baileys does not reconnect by itself).
 */

export type CloseAction =
  /** Logged out from the phone, or the session no longer matches: forget it, wait for a new pairing. */
  | { action: 'stop'; reason: string; forget: boolean }
  /** After pairing WhatsApp asks for a fresh connection: reconnect at once. */
  | { action: 'restart' }
  /** Anything else (network, timeouts, server trouble): reconnect after a growing, jittered pause. */
  | { action: 'backoff' };

export function closeAction(statusCode: number | undefined): CloseAction {
  switch (statusCode) {
    case DisconnectReason.loggedOut:
      return { action: 'stop', reason: 'logged out', forget: true };
    case DisconnectReason.multideviceMismatch:
      return { action: 'stop', reason: 'multi-device mismatch', forget: true };
    case DisconnectReason.connectionReplaced:
      return { action: 'stop', reason: 'connection replaced by another session', forget: false };
    case DisconnectReason.forbidden:
      return { action: 'stop', reason: 'forbidden by WhatsApp', forget: false };
    case DisconnectReason.restartRequired:
      return { action: 'restart' };
    default:
      return { action: 'backoff' };
  }
}

/** base · 2^attempt, capped, times a random factor in [0.5, 1.5). */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  return Math.round(Math.min(maxMs, baseMs * 2 ** attempt) * (0.5 + random()));
}

export type ConnectionState = 'idle' | 'standby' | 'connecting' | 'open' | 'waiting' | 'stopped';

export interface BaileysConnectionOptions {
  db: Db;
  logger: Logger;
  sent: SentMessages;
  account?: string;
  holder?: string;
  /** Pair by code for this number (digits with country code) instead of a QR code. */
  pairingNumber?: string | undefined;
  makeSocket?: SocketFactory;
  onQr?: (qr: string) => void;
  onPairingCode?: (code: string) => void;
  /** Receives every `messages.upsert`; must not throw. */
  onMessages?: (upsert: BaileysEventMap['messages.upsert']) => Promise<void>;
  lease?: Partial<typeof LEASE_DEFAULTS>;
  backoff?: { baseMs: number; maxMs: number };
  watchdog?: Partial<WatchdogOptions>;
  random?: () => number;
}

export interface WatchdogOptions {
  intervalMs: number;
  /** A message stanza arrived but no message came out of Baileys for this long: the socket is stuck. */
  stuckMs: number;
  /** No frame at all for this long while open (Baileys pings every 30 s, so frames should flow). */
  silentMs: number;
  /** Still connecting (with a paired session) after this long. */
  connectingMs: number;
}

const WATCHDOG_DEFAULTS: WatchdogOptions = {
  intervalMs: 30_000,
  stuckMs: 120_000,
  silentMs: 300_000,
  connectingMs: 120_000,
};

/** How this process relates to the number's socket. */
export class BaileysConnection implements SocketSource {
  readonly account: string;
  readonly holder: string;
  private readonly lease: Lease;
  private readonly leaseTimes: typeof LEASE_DEFAULTS;
  private readonly watch: WatchdogOptions;
  private state: ConnectionState = 'idle';
  private socket: WhatsAppSocket | undefined;
  private auth: PostgresAuthState | undefined;
  /** Bumped for every socket; events of an older socket are ignored. */
  private generation = 0;
  private attempts = 0;
  /** The one pending timer: standby polling or a reconnect. */
  private timer: NodeJS.Timeout | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private watchdogTimer: NodeJS.Timeout | undefined;
  private lastRenewedAt = 0;
  private connectingSince = 0;
  private lastFrameAt = 0;
  private lastStanzaAt = 0;
  private lastUpsertAt = 0;
  private lastPurgeAt = 0;
  private loggedStop: string | undefined;
  /** Counts for tests and health: sockets made, and why the last one closed. */
  readonly stats = { sockets: 0, lastClose: undefined as CloseAction | undefined, watchdogRestarts: 0 };

  constructor(private readonly options: BaileysConnectionOptions) {
    this.account = options.account ?? 'default';
    this.holder = options.holder ?? newHolderId();
    this.leaseTimes = { ...LEASE_DEFAULTS, ...options.lease };
    this.watch = { ...WATCHDOG_DEFAULTS, ...options.watchdog };
    this.lease = new Lease(options.db, this.account, this.holder, this.leaseTimes.ttlMs);
  }

  get status(): ConnectionState {
    return this.state;
  }

  /** Starts competing for the number; returns at once. */
  start(): void {
    if (this.state !== 'idle' && this.state !== 'stopped') return;
    this.state = 'standby';
    this.schedule(0, () => this.tryAcquire());
  }

  /** Closes the socket (without logging out) and lets another process take the number at once. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    this.clearTimers();
    await this.closeSocket();
    await this.auth?.flush();
    this.auth = undefined;
    await this.lease.release().catch(() => {});
  }

  /** Unlinks this device from the phone and forgets the session (the login command's `--logout`). */
  async logout(): Promise<void> {
    const socket = this.socket;
    this.state = 'stopped';
    this.clearTimers();
    this.generation += 1;
    if (socket) await Promise.resolve(socket.logout()).catch(() => {});
    await this.closeSocket();
    await clearAuthState(this.options.db, this.account);
    await this.lease.release().catch(() => {});
  }

  current(): WhatsAppSocket | undefined {
    return this.state === 'open' ? this.socket : undefined;
  }

  heldElsewhere(): Promise<boolean> {
    return this.lease.heldElsewhere();
  }

  private get log(): Logger {
    return this.options.logger;
  }

  private schedule(ms: number, task: () => Promise<void>): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      task().catch((error: unknown) => this.log.error({ err: errorSummary(error) }, 'whatsapp task failed'));
    }, ms);
  }

  private clearTimers(): void {
    for (const t of [this.timer, this.renewTimer, this.watchdogTimer]) if (t) clearTimeout(t);
    this.timer = this.renewTimer = this.watchdogTimer = undefined;
  }

  private async tryAcquire(): Promise<void> {
    if (this.state === 'stopped') return;
    let attempt: Awaited<ReturnType<Lease['acquire']>>;
    try {
      attempt = await this.lease.acquire();
    } catch (error) {
      this.log.warn({ err: errorSummary(error) }, 'whatsapp lease check failed; retrying');
      return this.schedule(this.leaseTimes.pollMs, () => this.tryAcquire());
    }
    if (!attempt.acquired) {
      if (attempt.stoppedReason && this.loggedStop !== attempt.stoppedReason) {
        this.loggedStop = attempt.stoppedReason;
        this.log.error(
          { account: this.account, reason: attempt.stoppedReason },
          'whatsapp is stopped for this number; run `npm run whatsapp:login` to pair again',
        );
      }
      this.state = 'standby';
      return this.schedule(this.leaseTimes.pollMs, () => this.tryAcquire());
    }
    this.loggedStop = undefined;
    this.lastRenewedAt = Date.now();
    this.log.info({ account: this.account }, 'whatsapp lease acquired');
    this.renewTimer = setInterval(() => void this.renew(), this.leaseTimes.renewMs);
    this.watchdogTimer = setInterval(() => this.checkWatchdog(), this.watch.intervalMs);
    // The session is read afresh: another process may have used and changed it.
    this.auth = await usePostgresAuthState(this.options.db, this.account, { holder: this.holder });
    await this.connect();
  }

  private async renew(): Promise<void> {
    if (this.state === 'stopped' || this.state === 'standby') return;
    let held: boolean;
    try {
      held = await this.lease.renew();
      if (held) this.lastRenewedAt = Date.now();
    } catch (error) {
      // The database is unreachable: keep going while the lease can still be ours.
      this.log.warn({ err: errorSummary(error) }, 'whatsapp lease renewal failed');
      held = Date.now() - this.lastRenewedAt < this.leaseTimes.ttlMs;
    }
    if (!held) await this.lostLease();
  }

  private async lostLease(): Promise<void> {
    this.log.warn({ account: this.account }, 'whatsapp lease lost to another process; standing by');
    this.clearTimers();
    this.state = 'standby';
    await this.closeSocket();
    this.auth = undefined;
    this.schedule(this.leaseTimes.pollMs, () => this.tryAcquire());
  }

  private async connect(): Promise<void> {
    if (this.state === 'stopped' || !this.auth) return;
    await this.auth.flush();
    const generation = ++this.generation;
    const auth = this.auth;
    const baileysLogger = this.log.child({ module: 'baileys' }, { level: 'error' });
    const socket = (this.options.makeSocket ?? makeWASocket)({
      auth: { creds: auth.state.creds, keys: makeCacheableSignalKeyStore(auth.state.keys, baileysLogger) },
      logger: baileysLogger,
      browser: Browsers.macOS('Chrome'),
      // The organisation's staff use the same number on their phone: keep its notifications on.
      markOnlineOnConnect: false,
      emitOwnEvents: false,
      syncFullHistory: false,
      shouldSyncHistoryMessage: () => false,
      generateHighQualityLinkPreview: false,
      shouldIgnoreJid: ignoredJid,
      getMessage: (key) => this.options.sent.get(key),
    });
    this.socket = socket;
    this.state = 'connecting';
    this.stats.sockets += 1;
    const now = Date.now();
    this.connectingSince = this.lastFrameAt = now;
    this.lastStanzaAt = this.lastUpsertAt = 0;
    let pairingRequested = false;

    socket.ev.on('creds.update', () => {
      auth.saveCreds().catch((error: unknown) => {
        this.log.error({ err: errorSummary(error) }, 'whatsapp credentials could not be saved');
      });
    });
    socket.ev.on('connection.update', (update) => {
      if (generation !== this.generation) return;
      if (update.qr) {
        const number = this.options.pairingNumber;
        if (number && !auth.state.creds.registered) {
          if (!pairingRequested) {
            pairingRequested = true;
            socket
              .requestPairingCode(number)
              .then((code) => (this.options.onPairingCode ?? printPairingCode)(code))
              .catch((error: unknown) =>
                this.log.error({ err: errorSummary(error) }, 'whatsapp pairing code request failed'),
              );
          }
        } else (this.options.onQr ?? printQr)(update.qr);
      }
      if (update.connection === 'open') {
        this.state = 'open';
        this.attempts = 0;
        this.log.info({ account: this.account }, 'whatsapp connected');
        if (Date.now() - this.lastPurgeAt > 86_400_000) {
          this.lastPurgeAt = Date.now();
          void purgeWhatsAppCopies(this.options.db).catch(() => {});
        }
      }
      if (update.connection === 'close')
        void this.closed(generation, boomStatus(update.lastDisconnect?.error));
    });
    socket.ev.on('messages.upsert', (upsert) => {
      if (generation !== this.generation) return;
      this.lastUpsertAt = Date.now();
      void this.options.onMessages?.(upsert);
    });
    socket.ev.on('lid-mapping.update', ({ pn, lid }) => {
      if (!isPnJid(pn) || !isLidJid(lid)) return;
      void linkContact(this.options.db, normalizeUserJid(pn), normalizeUserJid(lid)).catch((error: unknown) =>
        this.log.warn({ err: errorSummary(error) }, 'whatsapp LID mapping not stored'),
      );
    });
    socket.ws.on('frame', () => {
      this.lastFrameAt = Date.now();
    });
    socket.ws.on('CB:message', (node: { attrs?: { from?: string } }) => {
      if (!ignoredJid(node.attrs?.from ?? '')) this.lastStanzaAt = Date.now();
    });
  }

  private async closed(generation: number, statusCode: number | undefined): Promise<void> {
    if (generation !== this.generation || this.state === 'stopped') return;
    // Whatever else this socket still emits (a second close, a late update) is ignored from now on.
    this.generation += 1;
    this.socket = undefined;
    const decision = closeAction(statusCode);
    this.stats.lastClose = decision;
    this.log.warn(
      { account: this.account, statusCode, action: decision.action },
      'whatsapp connection closed',
    );
    switch (decision.action) {
      case 'stop': {
        // Every process keeps away (the lease row says why) until someone pairs again; this one stands
        // by, so it takes the number back by itself once the login command has run.
        this.clearTimers();
        this.state = 'standby';
        if (decision.forget) await clearAuthState(this.options.db, this.account);
        await this.lease.stop(decision.reason);
        this.auth = undefined;
        this.loggedStop = decision.reason;
        this.schedule(this.leaseTimes.pollMs, () => this.tryAcquire());
        this.log.error(
          { account: this.account, reason: decision.reason },
          decision.forget
            ? 'whatsapp stopped: this device was unlinked; pair again with `npm run whatsapp:login`'
            : 'whatsapp stopped: another session uses this number; close it, then run `npm run whatsapp:login`',
        );
        return;
      }
      case 'restart':
        this.state = 'connecting';
        return this.schedule(0, () => this.connect());
      case 'backoff': {
        const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
        const delay = backoffDelay(this.attempts, baseMs, maxMs, this.options.random);
        this.attempts += 1;
        this.state = 'waiting';
        return this.schedule(delay, () => this.connect());
      }
    }
  }

  /** Restarts a socket that looks alive but has stopped delivering. */
  private checkWatchdog(): void {
    const now = Date.now();
    const { stuckMs, silentMs, connectingMs } = this.watch;
    let reason: string | undefined;
    if (this.state === 'open') {
      if (this.lastStanzaAt > this.lastUpsertAt && now - this.lastStanzaAt > stuckMs) reason = 'stuck';
      else if (now - this.lastFrameAt > silentMs) reason = 'silent';
    } else if (this.state === 'connecting' && this.auth?.state.creds.registered) {
      if (now - this.connectingSince > connectingMs) reason = 'connecting too long';
    }
    if (!reason) return;
    this.stats.watchdogRestarts += 1;
    this.log.warn({ account: this.account, reason }, 'whatsapp watchdog restarts the socket');
    void this.closeSocket().then(() => this.connect());
  }

  private async closeSocket(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    this.generation += 1;
    if (socket) await Promise.resolve(socket.end(undefined)).catch(() => {});
  }
}

/** Chats the bot never reads (Baileys then does not even decrypt them). */
function ignoredJid(jid: string): boolean {
  return !!(isJidGroup(jid) || isJidBroadcast(jid) || isJidNewsletter(jid));
}

function printQr(qr: string): void {
  void import('qrcode-terminal').then(({ default: qrcode }) => {
    console.log('\nScan this QR code with WhatsApp → Linked devices → Link a device:\n');
    qrcode.generate(qr, { small: true });
  });
}

function printPairingCode(code: string): void {
  console.log(
    `\nWhatsApp pairing code: ${code}\nOn the phone: WhatsApp → Linked devices → Link a device → Link with phone number instead.\n`,
  );
}
