import { z } from 'zod';
import {
  type Broadcast,
  BroadcastError,
  broadcastOutcomes,
  broadcastProgress,
  cancelBroadcast,
  createBroadcast,
  getBroadcast,
  listBroadcasts,
  previewBroadcast,
  scheduleBroadcast,
  sendBroadcastNow,
  updateBroadcast,
} from '../../broadcasts/service';
import { audienceSchema, broadcastTextSchema } from '../../shared/audience';
import { formatJakarta, parseJakartaTime } from '../../shared/jakarta-time';
import type { ApiDeps } from '../context';
import { idParam } from '../context';
import { ApiError, type RouteDef, route } from '../route';

const TAG = 'Broadcasts';
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a programme slug');

const broadcastIn = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('For the organisation’s own lists; never shown to people.'),
  text: broadcastTextSchema,
  audience: audienceSchema.default({}),
  programme: slug
    .nullable()
    .optional()
    .describe('A programme of the organisation: its card link and an apply hint are added to the text.'),
  urgent: z.boolean().optional().describe('Send through quiet hours (21:00–07:00 WIB). Default false.'),
});
const broadcastPatch = broadcastIn.extend({ audience: audienceSchema.optional() }).partial();
const previewIn = z.strictObject({
  audience: audienceSchema.default({}),
  programme: slug.nullable().optional(),
  text: broadcastTextSchema.optional(),
});
const scheduleIn = z.strictObject({
  at: z
    .string()
    .describe('When to send: ISO 8601; without an offset it is Jakarta time (e.g. "2026-12-01T09:00").'),
});

const progressOut = z.object({
  recipients: z.number(),
  queued: z.number(),
  sent: z.number(),
  failed: z.number(),
  blocked: z.number(),
  cancelled: z.number(),
  unknown: z
    .number()
    .describe('Sent, but the platform never answered: possibly delivered, never retried (no duplicates).'),
  rate_per_second: z.number().describe('Sent in the last minute, per second.'),
  next_at: z.string().nullable().describe('When the next queued message is due (pacing, quiet hours).'),
});
const broadcastOut = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['draft', 'scheduled', 'sending', 'sent', 'cancelled']),
  text: broadcastTextSchema,
  audience: audienceSchema,
  programme: z.string().nullable(),
  urgent: z.boolean(),
  scheduled_at: z.string().nullable().describe('UTC.'),
  scheduled_at_wib: z.string().nullable().describe('The same in Jakarta time.'),
  enqueued_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  recipients: z.number().nullable(),
  card_payload: z.string().describe('Start payload of the card link (`b_<code>`): opens are counted.'),
  created_at: z.string(),
});
const previewOut = z.object({
  recipients: z.number(),
  by_channel: z.record(z.string(), z.number()),
  incomplete: z
    .number()
    .optional()
    .describe('With eligible_for: left out because their profile lacks an answer.'),
  ineligible: z.number().optional().describe('With eligible_for: left out because they do not qualify.'),
  sample: z.object({ id: z.string(), en: z.string() }).describe('What people will read.'),
});
const statsOut = z.object({
  broadcast: broadcastOut,
  progress: progressOut,
  outcomes: z.object({
    opened_card: z.number().describe('People who opened the programme card through the broadcast’s link.'),
    checked_eligibility: z
      .number()
      .describe('Recipients who started an eligibility check within `attribution_days` of their message.'),
    applied: z.number().describe('Recipients who submitted an application within `attribution_days`.'),
    attribution_days: z.number(),
  }),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function broadcastJson(b: Broadcast) {
  return {
    id: b.id,
    name: b.name,
    status: b.status,
    text: b.text,
    audience: b.audience,
    programme: b.programmeSlug,
    urgent: b.urgent,
    scheduled_at: iso(b.scheduledAt),
    scheduled_at_wib: b.scheduledAt ? formatJakarta(b.scheduledAt) : null,
    enqueued_at: iso(b.enqueuedAt),
    completed_at: iso(b.completedAt),
    recipients: b.recipients,
    card_payload: `b_${b.code}`,
    created_at: b.createdAt.toISOString(),
  };
}

/** BroadcastError → the API's error. */
async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BroadcastError)
      throw new ApiError(
        error.code === 'not_found' ? 404 : error.code === 'conflict' ? 409 : 422,
        error.code === 'invalid' ? 'invalid_broadcast' : error.code,
        `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`,
      );
    throw error;
  }
}

export function broadcastRoutes(deps: ApiDeps): RouteDef[] {
  const { db } = deps;
  const own = async (org: { id: string; slug: string }, id: string) => {
    const b = await getBroadcast(db, org, id);
    if (!b) throw new ApiError(404, 'not_found', 'No such broadcast in this organisation.');
    return b;
  };
  return [
    route({
      method: 'get',
      path: '/broadcasts',
      operationId: 'listBroadcasts',
      summary: 'The organisation’s broadcasts, newest first (200 at most)',
      tag: TAG,
      responses: { 200: { description: 'Broadcasts.', schema: z.object({ items: z.array(broadcastOut) }) } },
      handler: async ({ c, principal }) =>
        c.json({ items: (await listBroadcasts(db, principal.organisation)).map(broadcastJson) }),
    }),
    route({
      method: 'post',
      path: '/broadcasts',
      operationId: 'createBroadcast',
      summary: 'Create a draft broadcast',
      tag: TAG,
      write: true,
      body: broadcastIn,
      responses: {
        201: { description: 'The draft.', schema: broadcastOut },
        422: { description: 'A programme named is not the organisation’s.' },
      },
      handler: async ({ c, principal, body }) => {
        const created = await guard(() =>
          createBroadcast(db, principal.organisation, {
            name: body.name,
            text: body.text,
            audience: body.audience,
            programme: body.programme ?? null,
            ...(body.urgent !== undefined ? { urgent: body.urgent } : {}),
          }),
        );
        return c.json(broadcastJson(created), 201);
      },
    }),
    route({
      method: 'post',
      path: '/broadcasts/preview',
      operationId: 'previewAudience',
      summary: 'Count an audience before creating a broadcast',
      tag: TAG,
      body: previewIn,
      responses: { 200: { description: 'How many people, per channel.', schema: previewOut } },
      handler: async ({ c, principal, body }) => {
        const preview = await guard(() =>
          previewBroadcast(
            db,
            principal.organisation,
            {
              audience: body.audience,
              programmeSlug: body.programme ?? null,
              text: body.text ?? { id: '…' },
              code: 'preview',
            },
            deps.deepLink,
          ),
        );
        return c.json(previewJson(preview));
      },
    }),
    route({
      method: 'get',
      path: '/broadcasts/{id}',
      operationId: 'getBroadcast',
      summary: 'One broadcast',
      tag: TAG,
      params: idParam,
      responses: { 200: { description: 'The broadcast.', schema: broadcastOut } },
      handler: async ({ c, principal, params }) =>
        c.json(broadcastJson(await own(principal.organisation, params.id))),
    }),
    route({
      method: 'patch',
      path: '/broadcasts/{id}',
      operationId: 'updateBroadcast',
      summary: 'Change a draft (a scheduled broadcast goes back to draft)',
      tag: TAG,
      write: true,
      params: idParam,
      body: broadcastPatch,
      responses: {
        200: { description: 'The draft.', schema: broadcastOut },
        409: { description: 'Already sending, sent or cancelled.' },
      },
      handler: async ({ c, principal, params, body }) => {
        await own(principal.organisation, params.id);
        const updated = await guard(() => updateBroadcast(db, principal.organisation, params.id, body));
        return c.json(broadcastJson(updated));
      },
    }),
    route({
      method: 'get',
      path: '/broadcasts/{id}/preview',
      operationId: 'previewBroadcast',
      summary: 'How many people the broadcast would reach now, and what they would read',
      tag: TAG,
      params: idParam,
      responses: { 200: { description: 'The preview.', schema: previewOut } },
      handler: async ({ c, principal, params }) => {
        const b = await own(principal.organisation, params.id);
        const preview = await guard(() => previewBroadcast(db, principal.organisation, b, deps.deepLink));
        return c.json(previewJson(preview));
      },
    }),
    route({
      method: 'post',
      path: '/broadcasts/{id}/schedule',
      operationId: 'scheduleBroadcast',
      summary: 'Send at a time (Asia/Jakarta unless an offset is given)',
      description:
        'The audience is computed at that time. Unless the broadcast is urgent, messages that would fall in quiet hours (21:00–07:00 WIB) wait for the morning.',
      tag: TAG,
      write: true,
      params: idParam,
      body: scheduleIn,
      responses: {
        200: { description: 'Scheduled.', schema: broadcastOut },
        409: { description: 'Not a draft, or the programme is not open.' },
        422: { description: 'Not a time, or a time in the past.' },
      },
      handler: async ({ c, principal, params, body }) => {
        await own(principal.organisation, params.id);
        const at = parseJakartaTime(body.at);
        if (!at)
          throw new ApiError(
            422,
            'invalid_time',
            'at: not a time; write e.g. "2026-12-01T09:00" (Jakarta time).',
          );
        return c.json(
          broadcastJson(await guard(() => scheduleBroadcast(db, principal.organisation, params.id, at))),
        );
      },
    }),
    route({
      method: 'post',
      path: '/broadcasts/{id}/send',
      operationId: 'sendBroadcast',
      summary: 'Send now',
      description:
        'Writes one outbox message per recipient and returns. Delivery follows at the platform’s pace (and after quiet hours unless urgent); watch it with /stats.',
      tag: TAG,
      write: true,
      params: idParam,
      responses: {
        200: { description: 'Sending (or sent, when nobody matched).', schema: broadcastOut },
        409: { description: 'Not a draft or scheduled broadcast, or the programme is not open.' },
      },
      handler: async ({ c, principal, params }) => {
        await own(principal.organisation, params.id);
        return c.json(
          broadcastJson(
            await guard(() => sendBroadcastNow(db, deps.broadcasts, principal.organisation, params.id)),
          ),
        );
      },
    }),
    route({
      method: 'post',
      path: '/broadcasts/{id}/cancel',
      operationId: 'cancelBroadcast',
      summary: 'Cancel (also mid-way: messages not yet sent are dropped)',
      tag: TAG,
      write: true,
      params: idParam,
      responses: {
        200: {
          description: 'Cancelled.',
          schema: z.object({ broadcast: broadcastOut, cancelled_messages: z.number() }),
        },
        409: { description: 'Already sent or cancelled.' },
      },
      handler: async ({ c, principal, params }) => {
        await own(principal.organisation, params.id);
        const result = await guard(() => cancelBroadcast(db, principal.organisation, params.id));
        return c.json({
          broadcast: broadcastJson(result.broadcast),
          cancelled_messages: result.cancelledMessages,
        });
      },
    }),
    route({
      method: 'get',
      path: '/broadcasts/{id}/stats',
      operationId: 'broadcastStats',
      summary: 'Live progress and outcomes',
      description:
        'Progress counts the outbox rows (queued/sent/failed/blocked/cancelled). Outcomes: card opens are counted exactly through the link; eligibility checks and applications of recipients within `attribution_days` after their message are attributed to the broadcast.',
      tag: TAG,
      params: idParam,
      responses: { 200: { description: 'Progress and outcomes.', schema: statsOut } },
      handler: async ({ c, principal, params }) => {
        const b = await own(principal.organisation, params.id);
        const [progress, outcomes] = [
          await broadcastProgress(db, b.id),
          await broadcastOutcomes(db, principal.organisation, b, deps.broadcasts.attributionDays),
        ];
        return c.json({
          broadcast: broadcastJson(b),
          progress: {
            recipients: progress.recipients,
            queued: progress.queued,
            sent: progress.sent,
            failed: progress.failed,
            blocked: progress.blocked,
            cancelled: progress.cancelled,
            unknown: progress.unknown,
            rate_per_second: Math.round(progress.ratePerSecond * 100) / 100,
            next_at: iso(progress.nextAt),
          },
          outcomes: {
            opened_card: outcomes.openedCard,
            checked_eligibility: outcomes.checkedEligibility,
            applied: outcomes.applied,
            attribution_days: outcomes.attributionDays,
          },
        });
      },
    }),
  ];
}

function previewJson(p: Awaited<ReturnType<typeof previewBroadcast>>) {
  return {
    recipients: p.recipients,
    by_channel: p.byChannel,
    ...(p.incomplete !== undefined ? { incomplete: p.incomplete } : {}),
    ...(p.ineligible !== undefined ? { ineligible: p.ineligible } : {}),
    sample: p.sample,
  };
}
