import {
  type BaileysEventMap,
  Browsers,
  DisconnectReason,
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  makeWASocket,
  proto,
} from 'baileys';
import type { Db } from '../../../db/client';
import { errorSummary } from '../../../engine/engine';
import type { Logger } from '../../../logger';
import { linkContact } from '../contacts';
import { isLidJid, isPnJid, normalizeUserJid } from '../jid';
import { purgeWhatsAppCopies } from '../privacy';
import { clearAuthState, LeaseLostError, type PostgresAuthState, usePostgresAuthState } from './auth-state';
import { cachedSignalKeys } from './key-cache';
import { LEASE_DEFAULTS, Lease, type LeaseNote, newHolderId } from './lease';
import { baileysLogger } from './log';
import { boomStatus, type SocketSource } from './sender';
import type { SentMessages } from './sent-messages';
import type { SocketFactory, WhatsAppSocket } from './socket';
import { formatVersion, type VersionChoice, type VersionSource } from './version';

/*
 * Keeps one Baileys socket alive for one number, in at most one process (the lease), and decides what
 * to do when it closes (design.md §5: Baileys does not reconnect by itself).
 */

export type CloseAction =
  /** Logged out from the phone, or the session no longer matches: forget it, wait for a new pairing. */
  | { action: 'stop'; reason: string; forget: boolean }
  /** After pairing WhatsApp asks for a fresh connection: reconnect at once. */
  | { action: 'restart' }
  /**
   * Anything else (network, timeouts, server trouble): reconnect after a growing, jittered pause.
   * `refreshVersion`: WhatsApp refused the client version (405): fetch the current one first.
   */
  | { action: 'backoff'; refreshVersion?: true };

/** "Connection Failure" with reason 405: this WhatsApp Web version is too old. */
export const CLIENT_OUTDATED = 405;

/** A short sentence for the operator: why the socket closed (logs, /readyz, the status command). */
export function closeReason(statusCode: number | undefined): string {
  switch (statusCode) {
    case DisconnectReason.loggedOut:
      return 'logged out (401): the device was unlinked on the phone';
    case DisconnectReason.forbidden:
      return 'forbidden by WhatsApp (403): the number may be banned or restricted';
    case CLIENT_OUTDATED:
      return 'WhatsApp refused this client version (405); it is fetched again before the next try, or pin one with WHATSAPP_WA_VERSION';
    case DisconnectReason.connectionLost:
      return 'connection lost or timed out (408)';
    case DisconnectReason.multideviceMismatch:
      return 'multi-device mismatch (411)';
    case DisconnectReason.connectionClosed:
      return 'connection closed (428)';
    case DisconnectReason.connectionReplaced:
      return 'replaced by another session (440)';
    case DisconnectReason.badSession:
      return 'bad session (500)';
    case DisconnectReason.unavailableService:
      return 'WhatsApp unavailable (503)';
    case DisconnectReason.restartRequired:
      return 'restart required (515)';
    case undefined:
      return 'closed without a status code';
    default:
      return `closed (${statusCode})`;
  }
}

/**
 * History sync: every kind except the full history (months of old chats the bot never needs). Baileys 7
 * learns the initial phone-number ↔ LID mappings from it, and warns that switching all of it off
 * leads to session errors. Synced messages arrive as `messaging-history.set` and never reach the engine.
 */
export function shouldSyncHistory(notification: proto.Message.IHistorySyncNotification): boolean {
  return notification.syncType !== proto.Message.HistorySyncType.FULL;
}

export function closeAction(statusCode: number | undefined): CloseAction {
  switch (statusCode) {
    case CLIENT_OUTDATED:
      return { action: 'backoff', refreshVersion: true };
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
  /** Time as the connection reads and waits on it (default the process's); tests pass their own. */
  clock?: ConnectionClock;
  /** The WhatsApp Web version to announce (pinned or fetched); absent: Baileys' own. */
  version?: VersionSource;
  /** /readyz: this process should hold the socket but it has not been open for this long. */
  notReadyAfterMs?: number;
  /** Baileys' own log lines from this level up (scrubbed of numbers); default warn. */
  baileysLogLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
}

/**
 * The clock and timers of a connection: the backoff, the lease polls and renewals and the watchdog. A
 * test on a loaded machine cannot tell a 40 ms pause from a 150 ms one by the wall clock; it reads the
 * delays asked for here, and moves `now()` itself.
 */
export interface ConnectionClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(timer: unknown): void;
}

const SYSTEM_CLOCK: ConnectionClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout),
};

/** What `/readyz` says about the socket (the shape of a readiness check). */
export interface ConnectionHealth {
  ok: boolean;
  status: string;
  reason?: string;
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
  private timer: unknown;
  private renewTimer: unknown;
  private watchdogTimer: unknown;
  private readonly clock: ConnectionClock;
  private lastRenewedAt = 0;
  private connectingSince = 0;
  private lastFrameAt = 0;
  private lastStanzaAt = 0;
  private lastUpsertAt = 0;
  private lastPurgeAt = 0;
  private loggedStop: string | undefined;
  /** Since when this process has wanted an open socket without having one (readiness). */
  private notOpenSince: number;
  /** Why the last socket closed, in words; cleared once open. */
  private lastCloseReason: string | undefined;
  /** Another live process holds the number (seen at the last lease attempt). */
  private heldBy: string | undefined;
  /** The number is stopped for every process (logged out, replaced, forbidden) until paired again. */
  private stoppedReason: string | undefined;
  private versionChoice: VersionChoice | undefined;
  private refreshVersion = false;
  private renewing = false;
  /** Open and close times for the status command, written with the next renewal. */
  private note: LeaseNote = {};
  /** Counts for tests and health: sockets made, and why the last one closed. */
  readonly stats = {
    sockets: 0,
    lastClose: undefined as CloseAction | undefined,
    watchdogRestarts: 0,
    /** History sync batches received (never passed to the engine), and the messages in them. */
    historySets: 0,
    historyMessages: 0,
    /** Times a failed signal-key write emptied the key cache. */
    keyCacheDrops: 0,
    lastOpenAt: undefined as number | undefined,
  };

  constructor(private readonly options: BaileysConnectionOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.notOpenSince = this.clock.now();
    this.account = options.account ?? 'default';
    this.holder = options.holder ?? newHolderId();
    this.leaseTimes = { ...LEASE_DEFAULTS, ...options.lease };
    this.watch = { ...WATCHDOG_DEFAULTS, ...options.watchdog };
    this.lease = new Lease(
      options.db,
      this.account,
      this.holder,
      this.leaseTimes.ttlMs,
      this.leaseTimes.queryTimeoutMs,
    );
  }

  /** The version the current (or next) socket announces, and where it came from. */
  get version(): { version: string; source: VersionChoice['source'] } {
    return {
      version: formatVersion(this.versionChoice?.version),
      source: this.versionChoice?.source ?? 'bundled',
    };
  }

  /**
   * For `/readyz`. Open: ready. Another live process holds the number: ready (it sends; this one stands
   * by). Stopped for every process: not ready, and why. Otherwise ready only while the socket has been
   * away for less than `notReadyAfterMs` — a socket that keeps failing (an outdated client version, a
   * network that never answers) must not look healthy.
   */
  health(now = this.clock.now()): ConnectionHealth {
    if (this.state === 'open') return { ok: true, status: 'open' };
    if (this.stoppedReason)
      return {
        ok: false,
        status: 'stopped',
        reason: `${this.stoppedReason}; pair again with \`npm run whatsapp:login\``,
      };
    if (this.state === 'standby' && this.heldBy)
      return { ok: true, status: 'standby', reason: 'another process holds the number' };
    if (this.state === 'stopped') return { ok: false, status: 'stopped', reason: 'shut down' };
    const late = now - this.notOpenSince >= (this.options.notReadyAfterMs ?? 5 * 60_000);
    const minutes = Math.round((now - this.notOpenSince) / 6_000) / 10;
    const why =
      this.lastCloseReason ??
      (this.state === 'connecting' && this.auth && !this.auth.state.creds.registered
        ? 'waiting for pairing: scan the QR code or enter the pairing code'
        : this.state === 'standby'
          ? 'waiting for the lease'
          : 'connecting');
    return { ok: !late, status: this.state, reason: `not open for ${minutes} min: ${why}` };
  }

  get status(): ConnectionState {
    return this.state;
  }

  /** Starts competing for the number; returns at once. */
  start(): void {
    if (this.state !== 'idle' && this.state !== 'stopped') return;
    this.state = 'standby';
    this.notOpenSince = this.clock.now();
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

  /** Whether this process can send now (it holds the number and its socket is open). */
  available(): boolean {
    return this.current() !== undefined;
  }

  heldElsewhere(): Promise<boolean> {
    return this.lease.heldElsewhere();
  }

  /** Holds the number (connecting, open or waiting to reconnect): not standing by, not stopped. */
  private holding(): boolean {
    return this.state !== 'standby' && this.state !== 'stopped' && this.state !== 'idle';
  }

  private get log(): Logger {
    return this.options.logger;
  }

  private schedule(ms: number, task: () => Promise<void>): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      task().catch((error: unknown) => this.log.error({ err: errorSummary(error) }, 'whatsapp task failed'));
    }, ms);
  }

  private clearTimers(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    for (const t of [this.renewTimer, this.watchdogTimer]) if (t) this.clock.clearInterval(t);
    this.timer = this.renewTimer = this.watchdogTimer = undefined;
  }

  private async tryAcquire(): Promise<void> {
    if (this.state === 'stopped') return;
    let attempt: Awaited<ReturnType<Lease['acquire']>>;
    const askedAt = this.clock.now();
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
      this.stoppedReason = attempt.stoppedReason ?? undefined;
      this.heldBy = attempt.stoppedReason ? undefined : (attempt.holder ?? undefined);
      this.state = 'standby';
      return this.schedule(this.leaseTimes.pollMs, () => this.tryAcquire());
    }
    this.loggedStop = this.stoppedReason = this.heldBy = undefined;
    // From standby to holder: the time to open starts now.
    this.state = 'connecting';
    this.notOpenSince = this.clock.now();
    this.lastRenewedAt = askedAt;
    this.log.info({ account: this.account }, 'whatsapp lease acquired');
    this.renewTimer = this.clock.setInterval(() => void this.renew(), this.leaseTimes.renewMs);
    this.watchdogTimer = this.clock.setInterval(() => this.checkWatchdog(), this.watch.intervalMs);
    try {
      // The session is read afresh: another process may have used and changed it.
      this.auth = await usePostgresAuthState(this.options.db, this.account, { holder: this.holder });
    } catch (error) {
      // Hand the number back and try again later, rather than hold it without a socket.
      this.log.warn({ err: errorSummary(error) }, 'whatsapp session could not be read; retrying');
      this.clearTimers();
      this.state = 'standby';
      await this.lease.release().catch(() => {});
      return this.schedule(this.leaseTimes.pollMs, () => this.tryAcquire());
    }
    await this.connect();
  }

  private async renew(): Promise<void> {
    if (this.state === 'stopped' || this.state === 'standby' || this.renewing) return;
    this.renewing = true;
    // The lease runs from when the database ran the renewal, which is after this moment: counting from
    // here errs on the safe side.
    const sentAt = this.clock.now();
    const note = this.note;
    let held: boolean;
    try {
      held = await this.lease.renew(note);
      if (held) this.lastRenewedAt = sentAt;
      if (held && this.note === note) this.note = {};
    } catch (error) {
      // The database is unreachable or slow: keep going only while the lease is surely still ours
      // (a margin of one renewal interval before it could expire and be taken).
      this.log.warn({ err: errorSummary(error) }, 'whatsapp lease renewal failed');
      held = this.clock.now() - this.lastRenewedAt < this.leaseTimes.ttlMs - this.leaseTimes.renewMs;
    } finally {
      this.renewing = false;
    }
    if (!held && this.holding()) await this.lostLease();
  }

  private async lostLease(): Promise<void> {
    this.log.warn({ account: this.account }, 'whatsapp lease lost to another process; standing by');
    this.clearTimers();
    this.state = 'standby';
    this.notOpenSince = this.clock.now();
    await this.closeSocket();
    this.auth = undefined;
    this.schedule(this.leaseTimes.pollMs, () => this.tryAcquire());
  }

  /** A signal-key or credentials write failed: the cache is already empty; a fenced write means the lease is gone. */
  private writeFailed(generation: number, what: string, error: unknown): void {
    const fenced = error instanceof LeaseLostError;
    if (what === 'keys') this.stats.keyCacheDrops += 1;
    this.log.error(
      { err: errorSummary(error), account: this.account, fenced },
      fenced
        ? `whatsapp ${what} not written: another process holds the number; closing this socket`
        : `whatsapp ${what} not written; the key cache was emptied so memory matches the database`,
    );
    if (fenced && generation === this.generation && this.holding()) void this.lostLease();
  }

  private async connect(): Promise<void> {
    if (this.state === 'stopped' || !this.auth) return;
    // The current WhatsApp Web version: once per process, and again after WhatsApp refused it (405).
    if (this.options.version && (!this.versionChoice || this.refreshVersion)) {
      this.refreshVersion = false;
      this.versionChoice = await this.options.version();
      this.log.info(
        {
          account: this.account,
          ...this.version,
          ...(this.versionChoice.error ? { err: this.versionChoice.error } : {}),
        },
        'whatsapp web version',
      );
      if (!this.holding() || !this.auth) return;
    }
    await this.auth.flush();
    const generation = ++this.generation;
    const auth = this.auth;
    const baileysLog = baileysLogger(this.log, this.options.baileysLogLevel ?? 'warn');
    const { keys } = cachedSignalKeys(auth.state.keys, baileysLog, (error) =>
      this.writeFailed(generation, 'keys', error),
    );
    const version = this.versionChoice?.version;
    const socket = (this.options.makeSocket ?? makeWASocket)({
      auth: { creds: auth.state.creds, keys },
      logger: baileysLog,
      browser: Browsers.macOS('Chrome'),
      ...(version ? { version } : {}),
      // The organisation's staff use the same number on their phone: keep its notifications on.
      markOnlineOnConnect: false,
      emitOwnEvents: false,
      syncFullHistory: false,
      shouldSyncHistoryMessage: shouldSyncHistory,
      generateHighQualityLinkPreview: false,
      shouldIgnoreJid: ignoredJid,
      getMessage: (key) => this.options.sent.get(key),
    });
    this.socket = socket;
    this.state = 'connecting';
    this.stats.sockets += 1;
    const now = this.clock.now();
    this.connectingSince = this.lastFrameAt = now;
    this.lastStanzaAt = this.lastUpsertAt = 0;
    let pairingRequested = false;

    socket.ev.on('creds.update', () => {
      auth.saveCreds().catch((error: unknown) => this.writeFailed(generation, 'credentials', error));
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
        this.lastCloseReason = undefined;
        this.stats.lastOpenAt = this.clock.now();
        this.log.info({ account: this.account, version: this.version.version }, 'whatsapp connected');
        this.note = { ...this.note, openedAt: new Date(), version: this.version.version };
        if (this.clock.now() - this.lastPurgeAt > 86_400_000) {
          this.lastPurgeAt = this.clock.now();
          void purgeWhatsAppCopies(this.options.db).catch(() => {});
        }
      }
      if (update.connection === 'close')
        void this.closed(generation, boomStatus(update.lastDisconnect?.error));
    });
    socket.ev.on('messages.upsert', (upsert) => {
      if (generation !== this.generation) return;
      this.lastUpsertAt = this.clock.now();
      void this.options.onMessages?.(upsert);
    });
    // Old chats synced from the phone: Baileys takes the LID mappings from them itself. Their messages
    // were answered (or not) long ago, and are never handed to the engine.
    socket.ev.on('messaging-history.set', ({ messages, syncType }) => {
      if (generation !== this.generation) return;
      this.lastUpsertAt = this.clock.now();
      this.stats.historySets += 1;
      this.stats.historyMessages += messages.length;
      this.log.debug(
        { account: this.account, syncType, messages: messages.length },
        'whatsapp history synced',
      );
    });
    socket.ev.on('lid-mapping.update', ({ pn, lid }) => {
      if (!isPnJid(pn) || !isLidJid(lid)) return;
      void linkContact(this.options.db, normalizeUserJid(pn), normalizeUserJid(lid)).catch((error: unknown) =>
        this.log.warn({ err: errorSummary(error) }, 'whatsapp LID mapping not stored'),
      );
    });
    socket.ws.on('frame', () => {
      this.lastFrameAt = this.clock.now();
    });
    socket.ws.on('CB:message', (node: { attrs?: { from?: string } }) => {
      if (!ignoredJid(node.attrs?.from ?? '')) this.lastStanzaAt = this.clock.now();
    });
  }

  private async closed(generation: number, statusCode: number | undefined): Promise<void> {
    if (generation !== this.generation || this.state === 'stopped') return;
    // Whatever else this socket still emits (a second close, a late update) is ignored from now on.
    this.generation += 1;
    this.socket = undefined;
    const decision = closeAction(statusCode);
    const why = closeReason(statusCode);
    this.stats.lastClose = decision;
    if (this.state === 'open') this.notOpenSince = this.clock.now();
    this.lastCloseReason = why;
    this.log.warn(
      { account: this.account, statusCode, action: decision.action, reason: why },
      'whatsapp connection closed',
    );
    this.note = { ...this.note, lastClose: why, lastCloseAt: new Date() };
    switch (decision.action) {
      case 'stop': {
        // Every process keeps away (the lease row says why) until someone pairs again; this one stands
        // by, so it takes the number back by itself once the login command has run.
        this.clearTimers();
        this.state = 'standby';
        this.auth = undefined;
        const applied = await this.lease
          .stop(decision.reason, why, { forgetSession: decision.forget })
          .catch((error: unknown) => {
            // Not recorded (the database): the next socket will be refused the same way and try again.
            this.log.warn({ err: errorSummary(error) }, 'whatsapp stop not recorded');
            return undefined;
          });
        this.schedule(this.leaseTimes.pollMs, () => this.tryAcquire());
        if (applied === undefined) return;
        if (!applied) {
          // Another process of ours took the lease over meanwhile (this one was paused past its lease):
          // its socket replaced ours. It is the healthy one; leave it alone.
          this.lastCloseReason = undefined;
          this.log.warn(
            { account: this.account, reason: decision.reason },
            'whatsapp socket closed after another process took the number over; standing by',
          );
          return;
        }
        this.loggedStop = this.stoppedReason = decision.reason;
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
        if (decision.refreshVersion) this.refreshVersion = true;
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
    const now = this.clock.now();
    const { stuckMs, silentMs, connectingMs } = this.watch;
    let reason: string | undefined;
    if (this.state === 'open') {
      if (this.lastStanzaAt > this.lastUpsertAt && now - this.lastStanzaAt > stuckMs) reason = 'stuck';
      else if (now - this.lastFrameAt > silentMs) reason = 'silent';
    } else if (this.state === 'connecting' && this.auth?.state.creds.registered) {
      if (now - this.connectingSince > connectingMs) reason = 'connecting too long';
    }
    if (!reason) return;
    if (this.state === 'open') this.notOpenSince = now;
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
