/**
 * The channel-agnostic contract. Adapters turn platform events into an `Inbound` and render
 * `Outbound` messages; flows never learn which platform they talk to.
 */
/** Every channel's id; each has its adapter and descriptor under src/channels/<id>/. */
export const CHANNELS = ['telegram', 'whatsapp', 'simulator'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface InboundUser {
  /** Stable id of the person on that channel: Telegram user id, WhatsApp phone JID / LID, simulator name. */
  externalId: string;
  /** Where replies go (Telegram chat id, WhatsApp JID); defaults to externalId. */
  address?: string;
  displayName?: string;
  /** The whole name where the platform has more than the first (Telegram's last name); staff views only. */
  fullName?: string;
  /** A public handle (Telegram @username, without the @); staff views only. */
  handle?: string;
  /** IETF language tag the platform reports (Telegram `language_code`). */
  languageCode?: string;
}

export type InboundPayload =
  | { type: 'text'; text: string }
  /** A button press: `token` names the screen the button belonged to, `index` the option. */
  | { type: 'choice'; token: string; index: number }
  | { type: 'contact'; phone: string; isOwn: boolean }
  | {
      type: 'media';
      mediaKind: 'photo' | 'document' | 'audio' | 'video' | 'sticker';
      fileRef: string;
      mimeType?: string;
      fileName?: string;
      size?: number;
      caption?: string;
    }
  | { type: 'location'; latitude: number; longitude: number }
  /** Anything the bot does not understand (polls, games, …): answered with a gentle hint. */
  | { type: 'unsupported'; what: string };

export interface Inbound {
  channel: Channel;
  /** Platform update / message id: the de-duplication key, recorded once per channel. */
  eventId: string;
  user: InboundUser;
  payload: InboundPayload;
  receivedAt?: Date;
}

export interface Choice {
  /** Flow-level id (e.g. `menu:discover`), never shown to the person. */
  id: string;
  label: string;
  /**
   * The message text already lists this option under its number (a result list): numbered renderers
   * don't repeat it, buttons show the short label.
   */
  listed?: boolean;
}

export type Outbound =
  | {
      type: 'text';
      text: string;
      choices?: Choice[];
      token?: string;
      requestContact?: boolean;
      /** The choices are only navigation; the person is expected to type an answer. */
      freeText?: boolean;
    }
  | { type: 'document'; fileName: string; mimeType: string; data: string /* base64 */; caption?: string }
  /**
   * A file kept in the document storage (what staff send from the inbox or the staff group): the row
   * holds only this reference, the sender reads the bytes at send time. A photo goes as a picture where
   * the platform can show one, anything else as a document.
   */
  | {
      type: 'file';
      media: 'photo' | 'document';
      /** DocumentStorage key (`staff-files/<userId>/<id>.<ext>`). */
      key: string;
      fileName: string;
      mimeType: string;
      size: number;
      caption?: string;
    };

/** A rendered outbound message bound to its recipient, as stored in the outbox. */
export interface Delivery {
  id: number;
  channel: Channel;
  address: string;
  message: Outbound;
  /** Part of a broadcast (the sender may pace or refuse those differently). */
  broadcast?: boolean;
}
