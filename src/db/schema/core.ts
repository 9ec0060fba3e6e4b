import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Channel, Outbound } from '../../shared/conversation';

/** What a message that concerns one organisation is about (see `messages.organisation`). */
export type MessageTopic = 'form' | 'programme' | 'handoff' | 'broadcast';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A person. Everything personal hangs off this row so `/hapus_data` can erase it in one cascade. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  locale: text('locale').notNull().default('id'),
  /** The language was chosen by the person (not guessed from the platform). */
  localeChosen: boolean('locale_chosen').notNull().default(false),
  displayName: text('display_name'),
  /** Simple-text mode for screen readers: no emoji, numbered choices. */
  simpleText: boolean('simple_text').notNull().default(false),
  /** Broadcasts stopped with /berhenti. */
  broadcastsStopped: boolean('broadcasts_stopped').notNull().default(false),
  createdAt: createdAt(),
  lastActiveAt: timestamp('last_active_at', { withTimezone: true }).notNull().defaultNow(),
});

/** How a person is reached on one channel. The row is also the per-chat lock (see engine). */
export const identities = pgTable(
  'identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<Channel>().notNull(),
    externalId: text('external_id').notNull(),
    /** Where to send (chat id / JID); may differ from externalId (WhatsApp LID vs phone JID). */
    address: text('address').notNull(),
    unreachable: boolean('unreachable').notNull().default(false),
    /** The name as the platform shows it in full (Telegram: first and last name), for staff to tell people apart. */
    fullName: text('full_name'),
    /** The person's public handle on the platform (Telegram @username), without the @. */
    handle: text('handle'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('identities_channel_external_uq').on(t.channel, t.externalId),
    index('identities_user_idx').on(t.userId),
  ],
);

/** Consent records are evidence (UU PDP): append-only, with the notice version that was shown. */
export const consents = pgTable(
  'consents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `personal_data`, `specific_data` (health/disability), `guardian`, `broadcasts`. */
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    noticeVersion: text('notice_version').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('consents_user_idx').on(t.userId, t.purpose)],
);

export interface ChoiceScreen {
  /** Short random token put in Telegram callback_data; a button from an older screen won't match. */
  token: string;
  ids: string[];
  labels: string[];
  /** The question wants typed text (a date, a number): typed replies are answers, not option numbers. */
  freeText?: boolean;
}

export interface ConversationState {
  flow: string;
  step: string;
  data: Record<string, unknown>;
  screen?: ChoiceScreen;
  /** Consecutive inputs the current step could not understand (drives "offer a person"). */
  misses?: number;
  /**
   * The language the person last wrote in, when it differs from the language they chose in the
   * settings: replies follow it until they write in the other one or choose again (issue #14).
   */
  lang?: 'id' | 'en';
  /**
   * What the person said about themselves in this conversation ("umur 23", "aku di bekasi"), so it is
   * used at once and never asked again; kept across flows by the engine, for a day at most, and saved
   * to the profile only after consent. `null`: forgotten on purpose (consent refused).
   */
  heard?: { facts: Record<string, unknown>; at: string; offered?: boolean; applying?: string } | null;
}

/** One conversation per person; survives restarts and days of silence. */
export const conversations = pgTable('conversations', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  state: jsonb('state').$type<ConversationState>().notNull(),
  /** While set, a person (staff) handles the chat and the bot stays silent. */
  handoffId: uuid('handoff_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Platform update ids seen, written in the same transaction as their effects (exactly-once). */
export const processedEvents = pgTable(
  'processed_events',
  {
    channel: text('channel').$type<Channel>().notNull(),
    eventId: text('event_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.channel, t.eventId] }),
    index('processed_events_created_idx').on(t.createdAt),
  ],
);

/**
 * The message log *and* the outbox: inbound rows are history; outbound rows carry a delivery status,
 * so what staff read is exactly what was (or will be) sent. See README "Why one messages table".
 */
export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    identityId: uuid('identity_id').references(() => identities.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<Channel>().notNull(),
    direction: text('direction').$type<'in' | 'out'>().notNull(),
    /** Who wrote an outbound message: bot, staff, broadcast, notice. */
    origin: text('origin').notNull().default('bot'),
    body: jsonb('body').$type<Outbound | Record<string, unknown>>().notNull(),
    /** in: received · out: pending → sending → sent | failed | blocked */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Not before this time (retry_after, backoff, quiet hours) — and, while `sending`, the lease end. */
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    platformMessageId: text('platform_message_id'),
    error: text('error'),
    broadcastId: uuid('broadcast_id'),
    /**
     * The organisation (slug) this message concerns: its programme's organiser (a card, an eligibility
     * check, the application form, a status notice), the organisation whose staff had the chat (a
     * handoff), or whose broadcast it is. Null: the general conversation with the bot. Staff of another
     * organisation see such a message only as a one-line summary (src/handoff/log.ts).
     */
    organisation: text('organisation'),
    /** What about: `form` (an application form), `programme`, `handoff`, `broadcast`; null with `organisation`. */
    topic: text('topic').$type<MessageTopic>(),
    /**
     * The person's own words when the stored text had a NIK masked (AES-256-GCM, the field cipher):
     * the log and every staff view show only the mask; the person's export decrypts it.
     */
    originalCipher: text('original_cipher'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('messages_user_idx').on(t.userId, t.id),
    index('messages_outbox_idx').on(t.availableAt, t.id).where(sql`${t.status} in ('pending', 'sending')`),
  ],
);
