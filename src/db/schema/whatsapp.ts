import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { messages } from './core';

/*
 * WhatsApp (issue #6). Baileys keeps its whole session here instead of files, so any process can
 * resume it after a restart; the Cloud API needs only the re-engagement table. Values written by
 * Baileys are BufferJSON text (not jsonb: exact round trip, and jsonb rejects an escaped NUL).
 * `account` names one WhatsApp number (one socket); there is one, `default`, unless configured.
 */

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** Baileys credentials (noise keys, identity, registration …), one row per number. */
export const whatsappAuthCreds = pgTable('whatsapp_auth_creds', {
  account: text('account').primaryKey(),
  creds: text('creds').notNull(),
  updatedAt: at('updated_at'),
});

/** Every Signal key Baileys stores (pre-keys, sessions, sender keys, app-state keys, LID mappings …). */
export const whatsappAuthKeys = pgTable(
  'whatsapp_auth_keys',
  {
    account: text('account').notNull(),
    type: text('type').notNull(),
    id: text('id').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.account, t.type, t.id] })],
);

/**
 * Who may hold the socket of a number: one process at a time, renewed while it lives, taken over when
 * it expires. `stoppedReason` (logged out, replaced, forbidden) keeps every process away until someone
 * pairs again with the login command.
 */
export const whatsappLeases = pgTable('whatsapp_leases', {
  account: text('account').primaryKey(),
  holder: text('holder'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().defaultNow(),
  acquiredAt: timestamp('acquired_at', { withTimezone: true }),
  stoppedReason: text('stopped_reason'),
  /** When the holder's socket last opened, and with which WhatsApp Web version (`npm run whatsapp:login -- --status`). */
  openedAt: timestamp('opened_at', { withTimezone: true }),
  waVersion: text('wa_version'),
  /** Why the holder's socket last closed ("405 client version refused" …), for the status command. */
  lastClose: text('last_close'),
  lastCloseAt: timestamp('last_close_at', { withTimezone: true }),
  updatedAt: at('updated_at'),
});

/**
 * One person's WhatsApp addresses: the phone-number JID and the LID (v7's privacy id) point to one
 * `externalId` (the identity's key), chosen at first contact and never changed.
 */
export const whatsappContacts = pgTable('whatsapp_contacts', {
  externalId: text('external_id').primaryKey(),
  pnJid: text('pn_jid').unique(),
  lidJid: text('lid_jid').unique(),
  createdAt: at('created_at'),
  updatedAt: at('updated_at'),
});

/** What `downloadMediaMessage` needs for a received photo or document; `Inbound.fileRef` names a row. */
export const whatsappMedia = pgTable(
  'whatsapp_media',
  {
    messageId: text('message_id').primaryKey(),
    externalId: text('external_id').notNull(),
    /** BufferJSON of `{ key, message }`. */
    message: text('message').notNull(),
    createdAt: at('created_at'),
  },
  (t) => [
    index('whatsapp_media_external_idx').on(t.externalId),
    index('whatsapp_media_created_idx').on(t.createdAt),
  ],
);

/**
 * Messages the bot sent through Baileys: their content answers `getMessage` (a phone that could not
 * decrypt asks for a retry), and their ids tell the bot's own echoes from messages typed on the phone.
 */
export const whatsappSent = pgTable(
  'whatsapp_sent',
  {
    messageId: text('message_id').primaryKey(),
    remoteJid: text('remote_jid').notNull(),
    /** BufferJSON of the proto message; null until the send went out. */
    content: text('content'),
    createdAt: at('created_at'),
  },
  (t) => [
    index('whatsapp_sent_created_idx').on(t.createdAt),
    index('whatsapp_sent_remote_idx').on(t.remoteJid),
  ],
);

/**
 * A person at the organisation wrote in this chat from the phone itself: the bot keeps quiet here until
 * `pausedUntil` (each phone message extends it) or until staff hand the chat back.
 */
export const whatsappPhonePauses = pgTable('whatsapp_phone_pauses', {
  externalId: text('external_id').primaryKey(),
  pausedAt: at('paused_at'),
  pausedUntil: timestamp('paused_until', { withTimezone: true }).notNull(),
});

/** Sends per number and day (Asia/Jakarta): the daily cap, shared by every process. */
export const whatsappSendCounts = pgTable(
  'whatsapp_send_counts',
  {
    account: text('account').notNull(),
    day: date('day').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.account, t.day] })],
);

/** Cloud API: the last re-engagement template sent to an address (at most one per 24 hours). */
export const whatsappCloudNudges = pgTable('whatsapp_cloud_nudges', {
  address: text('address').primaryKey(),
  sentAt: at('sent_at'),
});

/**
 * Texts the phone sent by itself (WhatsApp Business greeting and away messages), as SHA-256 of the
 * normalised text: a later phone message with the same text is an automated reply too, not someone
 * taking over the chat. The organisation's own texts, not a person's.
 */
export const whatsappAutoReplies = pgTable(
  'whatsapp_auto_replies',
  {
    account: text('account').notNull(),
    textHash: text('text_hash').notNull(),
    seen: integer('seen').notNull().default(1),
    firstSeenAt: at('first_seen_at'),
    lastSeenAt: at('last_seen_at'),
  },
  (t) => [primaryKey({ columns: [t.account, t.textHash] })],
);

/**
 * Cloud API: outbox rows refused outside the 24-hour window that were queued again when the person
 * wrote: each only once.
 */
export const whatsappCloudRetries = pgTable('whatsapp_cloud_retries', {
  messageId: bigint('message_id', { mode: 'number' })
    .primaryKey()
    .references(() => messages.id, { onDelete: 'cascade' }),
  retriedAt: at('retried_at'),
});
