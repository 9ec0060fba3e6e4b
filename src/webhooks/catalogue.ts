import { z } from 'zod';
import { APPLICATION_STATUSES } from '../shared/application-statuses';
import { CHANNELS } from '../shared/conversation';

/*
 * Every event an organisation's endpoint can receive: its `data` schema (zod: the OpenAPI document's
 * `webhooks` section is generated from it, and the tests check real payloads against it) and an
 * example. Data carries only the organisation's own records and a pseudonymous person id — never a
 * NIK, a name, a phone number or an address (docs/privacy.md, "Webhooks").
 *
 * The body of every delivery is `{ "type", "timestamp", "data" }` (Standard Webhooks); the headers
 * `webhook-id` (the event's id, the same on every retry and resend), `webhook-timestamp` and
 * `webhook-signature` (src/webhooks/signing.ts).
 */

/** Events an endpoint chooses to receive. */
export const SUBSCRIBABLE_EVENTS = [
  'application.submitted',
  'application.status_changed',
  'application.withdrawn',
  'handoff.waiting',
  'handoff.closed',
  'handoff.rated',
  'broadcast.finished',
  'programme.closing_soon',
  'subscriber.joined',
  'target.reached',
] as const;
export type SubscribableEvent = (typeof SUBSCRIBABLE_EVENTS)[number];

/** Sent whatever an endpoint chose: an erasure to mirror, and the dashboard's test. */
export const ALWAYS_SENT = ['person.erased', 'webhook.test'] as const;
export type EventType = SubscribableEvent | (typeof ALWAYS_SENT)[number];

export const isSubscribable = (value: string): value is SubscribableEvent =>
  (SUBSCRIBABLE_EVENTS as readonly string[]).includes(value);

/** How many days before registration closes `programme.closing_soon` fires. */
export const CLOSING_SOON_DAYS = 3;

const person = z
  .object({
    id: z
      .string()
      .describe(
        'Pseudonymous id of the person, stable within your organisation (psn_…): the same person in every event; never their name or number.',
      ),
  })
  .describe('The person the event is about.');
const organisation = z.string().describe('Your organisation’s slug.');
const programmeRef = z.object({ slug: z.string(), title: z.string().describe('Indonesian title.') });
const application = z.object({
  id: z.string().describe('The application’s id (as in GET /applications).'),
  reference: z.string().describe('JMB-<year>-<number>: what staff and the applicant quote.'),
  status: z.enum(APPLICATION_STATUSES),
  seat: z
    .enum(['women', 'general'])
    .nullable()
    .describe('null: on the waitlist, or no longer holding a seat.'),
  programme: programmeRef,
  submitted_at: z.string().nullable(),
});
const change = {
  organisation,
  application,
  previous_status: z.enum(APPLICATION_STATUSES),
  changed_by: z.enum(['staff', 'person', 'system']).describe('system: promoted from the waitlist.'),
  interview: z
    .object({ date: z.string().nullable(), place: z.string().nullable() })
    .nullable()
    .describe('For status wawancara: when and where (Jakarta time).'),
  person,
};
const handoff = z.object({
  id: z.string(),
  status: z.enum(['waiting', 'active', 'closed', 'cancelled']),
  reason: z
    .enum(['asked', 'misses'])
    .describe('asked: the person asked; misses: the bot failed to understand.'),
  programme: z.string().nullable().describe('The programme they were looking at, if any.'),
  opened_at: z.string(),
  closed_at: z.string().nullable(),
  first_response_seconds: z.number().nullable(),
});

export const EVENT_DATA = {
  'application.submitted': z.object({
    organisation,
    application: application.extend({
      waitlist_position: z.number().nullable().describe('Place on the waitlist (status cadangan).'),
    }),
    person,
  }),
  'application.status_changed': z.object(change),
  'application.withdrawn': z.object(change),
  'handoff.waiting': z.object({ organisation, handoff, person }),
  'handoff.closed': z.object({
    organisation,
    handoff,
    closed_by: z
      .enum(['staff', 'person'])
      .describe('person: they went back to the bot before anyone answered.'),
    person,
  }),
  'handoff.rated': z.object({
    organisation,
    handoff,
    rating: z.number().int().min(1).max(5),
    person,
  }),
  'broadcast.finished': z.object({
    organisation,
    broadcast: z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(['sent', 'cancelled']),
      programme: z.string().nullable(),
      recipients: z.number(),
      started_at: z.string().nullable(),
      finished_at: z.string().nullable(),
      counts: z.object({
        sent: z.number(),
        failed: z.number(),
        blocked: z.number(),
        cancelled: z.number(),
        queued: z.number().describe('Still queued (a cancelled broadcast’s rows in flight).'),
      }),
    }),
  }),
  'programme.closing_soon': z.object({
    organisation,
    programme: programmeRef.extend({
      registration_closes: z.string().describe('Last day of registration (Jakarta), YYYY-MM-DD.'),
      days_left: z.number(),
      applications: z.number().describe('Submitted applications still in the running.'),
      seats: z.number().nullable(),
    }),
  }),
  'subscriber.joined': z.object({
    organisation,
    referral: z.object({ id: z.string(), code: z.string(), label: z.string().nullable() }),
    channel: z.enum(CHANNELS),
    person,
  }),
  'target.reached': z.object({
    organisation,
    target: z.object({
      id: z.string(),
      name: z.string(),
      programme: z.string().nullable(),
      goals: z.object({
        participants: z.number().nullable(),
        women_percent: z.number().nullable(),
        disability_percent: z.number().nullable(),
      }),
      progress: z.object({
        participants: z.number(),
        women_percent: z.number(),
        disability_percent: z.number(),
      }),
    }),
  }),
  'person.erased': z.object({
    organisation,
    person: person.describe('Erase what you keep about this person: they erased their data in Jembatan.'),
  }),
  'webhook.test': z.object({
    organisation,
    endpoint: z.object({ id: z.string() }),
    message: z.string(),
  }),
} satisfies Record<EventType, z.ZodType>;

export const EVENT_DESCRIPTIONS: Record<EventType, string> = {
  'application.submitted':
    'Someone submitted an application to one of your programmes (or joined its waitlist).',
  'application.status_changed':
    'An application changed status: by your staff (dashboard, API), or promoted from the waitlist.',
  'application.withdrawn': 'The applicant withdrew their application (status mundur).',
  'handoff.waiting': 'Someone asked for a person; they wait in your inbox.',
  'handoff.closed': 'A handoff ended: closed by your staff, or cancelled by the person while waiting.',
  'handoff.rated': 'The person rated the help they got (1–5), after your staff closed the case.',
  'broadcast.finished': 'A broadcast finished sending (or was cancelled), with its delivery counts.',
  'programme.closing_soon': `Registration for one of your open programmes closes within ${CLOSING_SOON_DAYS} days (once per closing date).`,
  'subscriber.joined': 'A new person arrived through one of your referral links.',
  'target.reached': 'Every goal of a recruitment target is met (once; again after the target is edited).',
  'person.erased':
    'A person erased their data: erase what you keep under this person id. Sent to every endpoint that received an event about them, whatever it subscribed to.',
  'webhook.test': 'A test sent from the dashboard or POST /webhooks/{id}/test.',
};

const PSN = 'psn_3f9a1c0d2b7e4a6f8c1d0e2f';
const APP = {
  id: '6c1f0a52-7d2e-4f7b-9a51-3e0c2b8d9f10',
  reference: 'JMB-2026-000123',
  seat: 'women',
  programme: { slug: 'magang-las-surabaya', title: 'Magang Las Surabaya' },
  submitted_at: '2026-12-03T02:15:07.412Z',
} as const;
const HANDOFF = {
  id: '0b8f3f0e-5b7a-4d7e-8a3c-9f1e2d3c4b5a',
  reason: 'asked',
  programme: 'magang-las-surabaya',
  opened_at: '2026-12-03T03:00:00.000Z',
} as const;

/** One example per event type (the OpenAPI document and README show them; a test validates them). */
export const EVENT_EXAMPLES: { [K in EventType]: z.input<(typeof EVENT_DATA)[K]> } = {
  'application.submitted': {
    organisation: 'kopri-pb-pmii',
    application: { ...APP, status: 'diajukan', waitlist_position: null },
    person: { id: PSN },
  },
  'application.status_changed': {
    organisation: 'kopri-pb-pmii',
    application: { ...APP, status: 'wawancara' },
    previous_status: 'diajukan',
    changed_by: 'staff',
    interview: { date: '2026-12-07T09:00', place: 'BLK Surabaya' },
    person: { id: PSN },
  },
  'application.withdrawn': {
    organisation: 'kopri-pb-pmii',
    application: { ...APP, status: 'mundur', seat: null },
    previous_status: 'diajukan',
    changed_by: 'person',
    interview: null,
    person: { id: PSN },
  },
  'handoff.waiting': {
    organisation: 'kopri-pb-pmii',
    handoff: { ...HANDOFF, status: 'waiting', closed_at: null, first_response_seconds: null },
    person: { id: PSN },
  },
  'handoff.closed': {
    organisation: 'kopri-pb-pmii',
    handoff: {
      ...HANDOFF,
      status: 'closed',
      closed_at: '2026-12-03T03:20:00.000Z',
      first_response_seconds: 240,
    },
    closed_by: 'staff',
    person: { id: PSN },
  },
  'handoff.rated': {
    organisation: 'kopri-pb-pmii',
    handoff: {
      ...HANDOFF,
      status: 'closed',
      closed_at: '2026-12-03T03:20:00.000Z',
      first_response_seconds: 240,
    },
    rating: 5,
    person: { id: PSN },
  },
  'broadcast.finished': {
    organisation: 'kopri-pb-pmii',
    broadcast: {
      id: '9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
      name: 'Magang las Desember',
      status: 'sent',
      programme: 'magang-las-surabaya',
      recipients: 1200,
      started_at: '2026-12-03T01:00:00.000Z',
      finished_at: '2026-12-03T01:01:02.000Z',
      counts: { sent: 1187, failed: 3, blocked: 10, cancelled: 0, queued: 0 },
    },
  },
  'programme.closing_soon': {
    organisation: 'kopri-pb-pmii',
    programme: {
      slug: 'magang-las-surabaya',
      title: 'Magang Las Surabaya',
      registration_closes: '2026-12-06',
      days_left: 3,
      applications: 41,
      seats: 30,
    },
  },
  'subscriber.joined': {
    organisation: 'kopri-pb-pmii',
    referral: { id: '2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7a8b', code: 'kopri-sby', label: 'KOPRI Surabaya' },
    channel: 'telegram',
    person: { id: PSN },
  },
  'target.reached': {
    organisation: 'kopri-pb-pmii',
    target: {
      id: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
      name: 'Angkatan Desember',
      programme: 'magang-las-surabaya',
      goals: { participants: 30, women_percent: 50, disability_percent: null },
      progress: { participants: 30, women_percent: 53.3, disability_percent: 3.3 },
    },
  },
  'person.erased': { organisation: 'kopri-pb-pmii', person: { id: PSN } },
  'webhook.test': {
    organisation: 'kopri-pb-pmii',
    endpoint: { id: '7f8e9d0c-1b2a-4c3d-9e4f-5a6b7c8d9e0f' },
    message: 'Tes dari Jembatan: endpoint ini menerima dan memverifikasi webhook.',
  },
};

/** The body of a delivery, as Standard Webhooks describes it. */
export function eventBody(type: string, occurredAt: Date | string, data: unknown): string {
  const timestamp = typeof occurredAt === 'string' ? new Date(occurredAt) : occurredAt;
  return JSON.stringify({ type, timestamp: timestamp.toISOString(), data });
}
