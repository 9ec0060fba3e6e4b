import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './core';
import { organisations } from './organisations';

/*
 * Outbound webhooks (issue #19): an organisation's endpoints, the events that happened to its data, and
 * one delivery per event and endpoint. Events are written in the transaction of the change that caused
 * them (src/webhooks/emit.ts) and delivered by the dispatcher (src/webhooks/deliver.ts).
 */

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Why an endpoint stopped: it failed for a day, the receiver answered 410 Gone, or an owner turned it off. */
export type EndpointDisabledReason = 'failing' | 'gone' | 'owner';

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description'),
    /** Event types it receives (`person.erased` always comes, see src/webhooks/catalogue.ts). */
    events: text('events').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** The signing secret `whsec_…`, encrypted with the field cipher (DATA_ENCRYPTION_KEY). */
    secretCipher: text('secret_cipher').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),

    /* Delivery state (the dispatcher's). */
    /** A dispatcher holds the endpoint until then: one sender per endpoint keeps its events in order. */
    leaseUntil: at('lease_until'),
    /** Backing off after a failure: no attempt before then. */
    retryAt: at('retry_at'),
    /** First failure of the current run of failures; a day of them disables the endpoint. */
    failingSince: at('failing_since'),
    failures: integer('failures').notNull().default(0),
    lastError: text('last_error'),
    lastSuccessAt: at('last_success_at'),
    disabledAt: at('disabled_at'),
    disabledReason: text('disabled_reason').$type<EndpointDisabledReason>(),
    /** Disabled by the dispatcher and no owner has seen why yet (a banner in the dashboard). */
    disabledNotice: boolean('disabled_notice').notNull().default(false),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.organisationId)],
);

export const webhookEvents = pgTable(
  'webhook_events',
  {
    /** The `webhook-id` header: stable across retries and resends, so receivers can de-duplicate. */
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** The payload's `data` (no NIK, no contact details; see docs/privacy.md). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** The person it is about: their data export lists it, their erasure redacts it. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Events that must happen once (a programme closing soon, a target reached). */
    dedupeKey: text('dedupe_key'),
    occurredAt: at('occurred_at').notNull().defaultNow(),
  },
  (t) => [
    index('webhook_events_user_idx').on(t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('webhook_events_dedupe_uq')
      .on(t.organisationId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
    index('webhook_events_occurred_idx').on(t.occurredAt),
  ],
);

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    /** The event's time, copied: an endpoint's queue is read in this order. */
    occurredAt: at('occurred_at').notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: at('last_attempt_at'),
    /** HTTP status of the last attempt (null: no answer — timeout or unreachable). */
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    lastDurationMs: integer('last_duration_ms'),
    deliveredAt: at('delivered_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_endpoint_uq').on(t.eventId, t.endpointId),
    index('webhook_deliveries_queue_idx')
      .on(t.endpointId, t.occurredAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_recent_idx').on(t.endpointId, t.id),
  ],
);
