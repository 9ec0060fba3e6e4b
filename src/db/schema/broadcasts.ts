import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AudienceFilter, BroadcastText } from '../../shared/audience';
import type { Channel } from '../../shared/conversation';
import { users } from './core';
import { organisations } from './organisations';

/*
 * Subscriptions, broadcasts and their outcomes (issue #7). Broadcast messages themselves are rows of
 * `messages` (the outbox) with `broadcast_id` set: one per recipient.
 */

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/**
 * A person's opt-in to openings, per topic: kind, field and province, each null for "any". At least one
 * row = opted in (with `users.broadcasts_stopped` false). All-null row = everything.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind'),
    field: text('field'),
    province: text('province'),
    createdAt: at('created_at'),
  },
  (t) => [unique('subscriptions_topic_uq').on(t.userId, t.kind, t.field, t.province).nullsNotDistinct()],
);

/** The bot offered the subscription once (after the first search): never nag again. */
export const subscriptionPrompts = pgTable('subscription_prompts', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  askedAt: at('asked_at'),
});

export type BroadcastStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';

export const broadcasts = pgTable(
  'broadcasts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Short random code of the card link's start payload `b_<code>` (attributes opens). */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    status: text('status').$type<BroadcastStatus>().notNull().default('draft'),
    audience: jsonb('audience').$type<AudienceFilter>().notNull(),
    text: jsonb('text').$type<BroadcastText>().notNull(),
    programmeSlug: text('programme_slug'),
    /** Sent through quiet hours (21:00–07:00 WIB). */
    urgent: boolean('urgent').notNull().default(false),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** When its rows were written to the outbox, and how many. */
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }),
    recipients: integer('recipients'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    index('broadcasts_org_idx').on(t.organisationId, t.createdAt),
    index('broadcasts_due_idx').on(t.status, t.scheduledAt),
  ],
);

/**
 * What people did after a link or a message: opened a programme card, started an eligibility check.
 * `broadcast_id` / `referral_link_id` are set when the action came straight from that link.
 */
export const engagementEvents = pgTable(
  'engagement_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'card_opened' | 'eligibility_checked'>().notNull(),
    programmeSlug: text('programme_slug'),
    broadcastId: uuid('broadcast_id'),
    referralLinkId: uuid('referral_link_id'),
    createdAt: at('created_at'),
  },
  (t) => [
    index('engagement_events_user_idx').on(t.userId, t.createdAt),
    index('engagement_events_broadcast_idx').on(t.broadcastId),
  ],
);

/*
 * Outbox coordination between dispatcher processes (src/outbox/coordination.ts): the platform's rate
 * limit is per bot, so live workers share it, and a 429 seen by one pauses the channel for all.
 */
export const outboxWorkers = pgTable('outbox_workers', {
  workerId: text('worker_id').primaryKey(),
  seenAt: at('seen_at'),
});

export const outboxChannelPauses = pgTable('outbox_channel_pauses', {
  channel: text('channel').$type<Channel>().primaryKey(),
  pausedUntil: timestamp('paused_until', { withTimezone: true }).notNull(),
});
