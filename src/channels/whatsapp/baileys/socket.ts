import type { EventEmitter } from 'node:events';
import type { BaileysEventEmitter, UserFacingSocketConfig, WASocket } from 'baileys';

/**
 * The part of a Baileys socket this channel uses. The real `makeWASocket` result fits it; the tests'
 * fake socket implements it with the same event shapes.
 */
export interface WhatsAppSocket {
  ev: BaileysEventEmitter;
  /** The websocket client: emits `frame` for every frame and `CB:message` for every message stanza. */
  ws: Pick<EventEmitter, 'on'>;
  user: WASocket['user'];
  sendMessage: WASocket['sendMessage'];
  requestPairingCode(phoneNumber: string): Promise<string>;
  updateMediaMessage: WASocket['updateMediaMessage'];
  /** "typing…", online / offline. */
  sendPresenceUpdate: WASocket['sendPresenceUpdate'];
  /** Read receipts (blue ticks). */
  readMessages: WASocket['readMessages'];
  logout(msg?: string): Promise<void>;
  end(error: Error | undefined): unknown;
}

export type SocketFactory = (config: UserFacingSocketConfig) => WhatsAppSocket;
