import { EventEmitter } from 'node:events';
import type {
  AnyMessageContent,
  BaileysEventEmitter,
  BaileysEventMap,
  MiscMessageGenerationOptions,
  proto,
  UserFacingSocketConfig,
  WAMessage,
  WAMessageKey,
  WAPresence,
} from 'baileys';
import type { ConnectionClock } from '../../src/channels/whatsapp/baileys/connection';
import type { SocketFactory, WhatsAppSocket } from '../../src/channels/whatsapp/baileys/socket';

/** The error Baileys puts in `lastDisconnect`: a Boom with the DisconnectReason as status code. */
export function boom(statusCode: number): Error {
  return Object.assign(new Error(`Connection Failure (${statusCode})`), {
    isBoom: true,
    output: { statusCode, payload: { statusCode, error: 'closed', message: 'closed' }, headers: {} },
  });
}

export interface SentCall {
  jid: string;
  content: AnyMessageContent;
  options: MiscMessageGenerationOptions | undefined;
  at: number;
}

/**
 * A stand-in for a Baileys socket: the same `ev` events with the same shapes (`connection.update`,
 * `creds.update`, `messages.upsert`, `lid-mapping.update`), a `ws` emitter for frames, and a
 * `sendMessage` that records what the bot sent.
 */
export class FakeSocket implements WhatsAppSocket {
  readonly ev = new EventEmitter() as unknown as BaileysEventEmitter;
  readonly ws = new EventEmitter();
  user = { id: '6281100000001:7@s.whatsapp.net', name: 'Jembatan' };
  readonly sent: SentCall[] = [];
  /** Presence updates in order: `available`, `composing@<jid>`, `paused@<jid>`, `unavailable` … */
  readonly presences: Array<{ presence: string; jid: string | undefined; at: number }> = [];
  /** Message ids marked read. */
  readonly read: string[] = [];
  readonly pairingRequests: string[] = [];
  ended = false;
  loggedOut = false;
  /** Throw from here to make a send fail. */
  onSend: ((jid: string, content: AnyMessageContent) => void | Promise<void>) | undefined;

  constructor(readonly config: UserFacingSocketConfig) {}

  sendMessage = async (jid: string, content: AnyMessageContent, options?: MiscMessageGenerationOptions) => {
    await this.onSend?.(jid, content);
    this.sent.push({ jid, content, options, at: Date.now() });
    const id = options?.messageId ?? `BAE5${this.sent.length}`;
    const message: proto.IMessage =
      'text' in content ? { extendedTextMessage: { text: content.text } } : { documentMessage: {} };
    return { key: { remoteJid: jid, fromMe: true, id }, message } as WAMessage;
  };

  sendPresenceUpdate = async (presence: WAPresence, jid?: string) => {
    this.presences.push({ presence, jid, at: Date.now() });
  };

  readMessages = async (keys: WAMessageKey[]) => {
    for (const key of keys) if (key.id) this.read.push(key.id);
  };

  requestPairingCode = async (phoneNumber: string) => {
    this.pairingRequests.push(phoneNumber);
    return 'ABCD-1234';
  };

  updateMediaMessage = async (message: WAMessage) => message;

  logout = async () => {
    this.loggedOut = true;
    this.close(401);
  };

  end = (error: Error | undefined) => {
    this.ended = true;
    this.emit('connection.update', {
      connection: 'close',
      lastDisconnect: { error: error ?? boom(428), date: new Date() },
    });
  };

  emit<T extends keyof BaileysEventMap>(event: T, data: BaileysEventMap[T]): void {
    this.ev.emit(event, data);
  }

  open(): void {
    this.emit('connection.update', { connection: 'open' });
  }

  close(statusCode: number): void {
    this.emit('connection.update', {
      connection: 'close',
      lastDisconnect: { error: boom(statusCode), date: new Date() },
    });
  }

  receive(messages: WAMessage[], type: 'notify' | 'append' = 'notify'): void {
    this.emit('messages.upsert', { messages, type });
  }

  /** What WhatsApp does after a QR scan: new credentials, then "restart required". */
  pair(): void {
    Object.assign(this.config.auth.creds, {
      registered: true,
      me: { id: '6281100000001:7@s.whatsapp.net', name: 'Jembatan' },
    });
    this.emit('creds.update', { registered: true, me: this.config.auth.creds.me! });
  }

  /** Texts sent to a JID, in order. */
  texts(jid?: string): string[] {
    return this.sent
      .filter((c) => jid === undefined || c.jid === jid)
      .map((c) => ('text' in c.content ? String(c.content.text) : ''));
  }
}

/** The socket factory handed to the connection: every socket it made, in order. */
export class FakeSockets {
  readonly all: FakeSocket[] = [];

  make: SocketFactory = (config) => {
    const socket = new FakeSocket(config);
    this.all.push(socket);
    return socket;
  };

  get last(): FakeSocket {
    const socket = this.all.at(-1);
    if (!socket) throw new Error('no socket made yet');
    return socket;
  }

  /** Every text sent to a JID, across reconnects. */
  texts(jid?: string): string[] {
    return this.all.flatMap((s) => s.texts(jid));
  }
}

export async function waitUntil(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A connection's clock for tests (BaileysConnection `clock`): `now()` moves only when the test says
 * (`advance`), and timers are real but every delay asked for is recorded — on a loaded machine the
 * wall clock cannot tell a 40 ms backoff from a 150 ms one, the recorded delays can.
 */
export class TestClock implements ConnectionClock {
  private time = Date.now();
  /** The delay of every `setTimeout`, in order (the backoff, lease polls, an immediate restart). */
  readonly delays: number[] = [];

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }

  setTimeout(run: () => void, ms: number): unknown {
    this.delays.push(ms);
    return setTimeout(run, ms);
  }

  clearTimeout(timer: unknown): void {
    clearTimeout(timer as NodeJS.Timeout);
  }

  setInterval(run: () => void, ms: number): unknown {
    return setInterval(run, ms);
  }

  clearInterval(timer: unknown): void {
    clearInterval(timer as NodeJS.Timeout);
  }
}
