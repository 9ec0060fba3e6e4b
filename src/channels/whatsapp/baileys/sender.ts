import { type AnyMessageContent, generateMessageIDV2, type WASocket } from 'baileys';
import { type ChannelSender, SendError, type SendOk } from '../../../outbox/sender';
import type { Outbound } from '../../../shared/conversation';
import { readStoredFile, STORED_FILE_MISSING, type StoredFileReader } from '../../../storage/stored-files';
import { isLidJid, isPnJid, pnJid } from '../jid';
import type { SentMessages } from './sent-messages';

/** WhatsApp accepts far more, but one screen is the aim (design.md §3); a caption is shorter. */
const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

export type SendingSocket = Pick<WASocket, 'sendMessage' | 'user'> &
  Partial<Pick<WASocket, 'sendPresenceUpdate'>>;

/** What the sender needs from the connection: the socket while it is open, and whose number it is. */
export interface SocketSource {
  /** The open socket, or undefined (connecting, stopped, or another process holds the number). */
  current(): SendingSocket | undefined;
  /** Another live process holds the number: leave the message to its dispatcher. */
  heldElsewhere(): Promise<boolean>;
}

/** How long after the last message the number shows itself offline again (the phone's notifications resume). */
const OFFLINE_AFTER_MS = 10_000;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** The JID to send to: addresses are JIDs; bare digits (a number typed by staff) are a phone JID. */
export function recipientJid(address: string): string {
  if (isPnJid(address) || isLidJid(address)) return address;
  if (/^\+?\d{6,20}$/.test(address)) return pnJid(address.replace('+', ''));
  throw new SendError({ kind: 'permanent' }, 'not a WhatsApp address');
}

/**
 * Outbound → Baileys. Choices arrive already numbered in the text (src/engine/presentation.ts): buttons
 * and lists do not reach phones through Baileys. WhatsApp renders *bold* and _italic_ itself, so text
 * goes as written. Wrap it in a PacedSender: this class sends at once.
 */
export class BaileysSender implements ChannelSender {
  readonly channel = 'whatsapp' as const;
  /** The socket this process announced itself online on (a new socket starts offline). */
  private onlineOn: SendingSocket | undefined;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly sockets: SocketSource,
    private readonly sent: SentMessages,
    /** Where files staff send are kept (`Outbound` type `file`). */
    private readonly files?: StoredFileReader,
  ) {}

  /** Only the process holding an open socket sends (the dispatcher claims nothing elsewhere). */
  available(): boolean {
    return this.sockets.current() !== undefined;
  }

  /**
   * Shows "typing…" in the chat, as a person on WhatsApp Web would: online, composing. Never throws
   * (a presence that did not go out changes nothing).
   */
  async typing(address: string): Promise<void> {
    const socket = this.sockets.current();
    if (!socket?.sendPresenceUpdate) return;
    try {
      const jid = recipientJid(address);
      if (this.offlineTimer) clearTimeout(this.offlineTimer);
      if (this.onlineOn !== socket) await socket.sendPresenceUpdate('available');
      this.onlineOn = socket;
      await socket.sendPresenceUpdate('composing', jid);
    } catch {
      // presence is a courtesy
    }
  }

  /** After a message: stop "typing", and go offline again a little later so the phone notifies. */
  private doneTyping(socket: SendingSocket, jid: string): void {
    if (this.onlineOn !== socket || !socket.sendPresenceUpdate) return;
    void socket.sendPresenceUpdate('paused', jid).catch(() => {});
    if (this.offlineTimer) clearTimeout(this.offlineTimer);
    this.offlineTimer = setTimeout(() => {
      this.onlineOn = undefined;
      void socket.sendPresenceUpdate?.('unavailable').catch(() => {});
    }, OFFLINE_AFTER_MS);
    this.offlineTimer.unref?.();
  }

  async send(address: string, message: Outbound, signal?: AbortSignal): Promise<SendOk> {
    const jid = recipientJid(address);
    const socket = this.sockets.current();
    if (!socket) {
      // Another process has the socket: it sends the message. Back to the queue without spending an
      // attempt, and without pausing the channel (that would stop the holder too).
      if (await this.sockets.heldElsewhere())
        throw new SendError({ kind: 'deferred', retryAfterMs: 5_000 }, 'whatsapp socket held elsewhere');
      throw new SendError({ kind: 'transient' }, 'whatsapp socket not connected');
    }
    if (signal?.aborted) throw new SendError({ kind: 'transient' }, 'send deadline passed');
    const content = await this.contentOf(message);
    // The id is chosen and recorded first, so the echo of this message is never taken for a person
    // typing on the phone, and a retry request finds it.
    const id = generateMessageIDV2(socket.user?.id);
    await this.sent.reserve(id, jid);
    try {
      const result = await socket.sendMessage(jid, content, { messageId: id });
      await this.sent.record(id, result?.message);
      return { platformMessageId: result?.key.id ?? id };
    } catch (error) {
      throw toSendError(error);
    } finally {
      this.doneTyping(socket, jid);
    }
  }

  private async contentOf(message: Outbound): Promise<AnyMessageContent> {
    if (message.type === 'text') return { text: clip(message.text, TEXT_LIMIT) };
    const caption = message.caption ? clip(message.caption, CAPTION_LIMIT) : undefined;
    if (message.type === 'document')
      return {
        document: Buffer.from(message.data, 'base64'),
        mimetype: message.mimeType,
        fileName: message.fileName,
        ...(caption ? { caption } : {}),
      };
    const data = await readStoredFile(this.files, message.key);
    if (!data) throw new SendError({ kind: 'permanent' }, STORED_FILE_MISSING);
    // WhatsApp shows JPEG and PNG as pictures; a WebP would arrive as a sticker, so it goes as a document.
    if (message.media === 'photo' && WHATSAPP_IMAGES.has(message.mimeType))
      return { image: Buffer.from(data), mimetype: message.mimeType, ...(caption ? { caption } : {}) };
    return {
      document: Buffer.from(data),
      mimetype: message.mimeType,
      fileName: message.fileName,
      ...(caption ? { caption } : {}),
    };
  }
}

/** Image types WhatsApp shows as photos (the same two the Cloud API takes as `image`). */
const WHATSAPP_IMAGES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png']);

/** Maps Baileys (Boom) failures onto what the outbox does next. */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const status = boomStatus(error);
  const message = error instanceof Error ? error.message : String(error);
  if (status === 429) return new SendError({ kind: 'rate_limited', retryAfterMs: 60_000 }, message);
  // 400 bad request, 404 no such number, 406 not acceptable: sending again will not help.
  if (status === 400 || status === 404 || status === 406)
    return new SendError({ kind: 'permanent' }, message);
  // Connection closed or lost, timeouts, logged out: the connection manager deals with the socket.
  return new SendError({ kind: 'transient' }, message);
}

/** The status code of a Boom error (what Baileys throws), without depending on @hapi/boom. */
export function boomStatus(error: unknown): number | undefined {
  const boom = error as { isBoom?: boolean; output?: { statusCode?: number } } | undefined;
  return boom?.isBoom ? boom.output?.statusCode : undefined;
}
