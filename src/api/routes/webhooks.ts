import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { tFor } from '../../i18n';
import type { Principal } from '../../organisations/service';
import {
  ALWAYS_SENT,
  EVENT_DATA,
  EVENT_DESCRIPTIONS,
  EVENT_EXAMPLES,
  type EventType,
  SUBSCRIBABLE_EVENTS,
} from '../../webhooks/catalogue';
import { type DeliveryRow, listDeliveries, resendDelivery } from '../../webhooks/deliveries';
import {
  createEndpoint,
  deleteEndpoint,
  type Endpoint,
  EndpointError,
  getEndpoint,
  listEndpoints,
  MAX_ENDPOINTS,
  rotateSecret,
  setEnabled,
  updateEndpoint,
} from '../../webhooks/endpoints';
import type { ApiDeps } from '../context';
import { idParam } from '../context';
import { ApiError, type RouteDef, route } from '../route';

/*
 * /webhooks (issue #19): an organisation's endpoints for outbound events, their deliveries, resend and
 * test — the same services as Pengaturan → Integrasi. Owner tokens only (an endpoint receives the
 * organisation's events, and its secret is shown once). The events themselves are described in the
 * document's `webhooks` section (webhookDocs below).
 */

const TAG = 'Webhooks';
const eventEnum = z.enum(SUBSCRIBABLE_EVENTS);

const endpointOut = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabled_reason: z
    .enum(['failing', 'gone', 'owner'])
    .nullable()
    .describe('failing: a day of failed deliveries; gone: the receiver answered 410; owner: turned off.'),
  failing_since: z.string().nullable(),
  retry_at: z.string().nullable().describe('Backing off after a failure: the next attempt.'),
  last_error: z.string().nullable(),
  last_success_at: z.string().nullable(),
  created_at: z.string(),
});
const withSecret = endpointOut.extend({
  secret: z.string().describe('The signing secret (whsec_…). Shown only in this answer: store it now.'),
});
const deliveryOut = z.object({
  id: z.number(),
  event_id: z.string().describe('The webhook-id header: the same on every attempt and resend.'),
  type: z.string(),
  occurred_at: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
  attempts: z.number(),
  last_attempt_at: z.string().nullable(),
  last_status: z.number().nullable().describe('HTTP status of the last attempt; null: no answer.'),
  last_error: z.string().nullable(),
  last_duration_ms: z.number().nullable(),
  delivered_at: z.string().nullable(),
});
const testOut = z.object({
  ok: z.boolean(),
  event_id: z.string(),
  status: z.number().nullable(),
  duration_ms: z.number(),
  error: z.string().nullable(),
});

const endpointIn = z.strictObject({
  url: z.string().max(2000).describe('HTTPS in production; never a private or loopback address there.'),
  events: z.array(eventEnum).min(1).describe('Event types to receive (person.erased is always sent).'),
  description: z.string().max(200).nullable().optional(),
});
const endpointPatch = z.strictObject({
  url: endpointIn.shape.url.optional(),
  events: endpointIn.shape.events.optional(),
  description: endpointIn.shape.description,
  enabled: z
    .boolean()
    .optional()
    .describe('false pauses it (its queue waits); true also forgets past failures.'),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
function endpointJson(e: Endpoint) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    enabled: e.enabled,
    disabled_reason: e.disabledReason,
    failing_since: iso(e.failingSince),
    retry_at: iso(e.retryAt),
    last_error: e.lastError,
    last_success_at: iso(e.lastSuccessAt),
    created_at: e.createdAt.toISOString(),
  };
}
function deliveryJson(d: DeliveryRow) {
  return {
    id: d.id,
    event_id: d.eventId,
    type: d.type,
    occurred_at: d.occurredAt.toISOString(),
    status: d.status,
    attempts: d.attempts,
    last_attempt_at: iso(d.lastAttemptAt),
    last_status: d.lastStatus,
    last_error: d.lastError,
    last_duration_ms: d.lastDurationMs,
    delivered_at: iso(d.deliveredAt),
  };
}

function endpointError(error: unknown): never {
  if (!(error instanceof EndpointError)) throw error;
  switch (error.code) {
    case 'not_found':
      throw new ApiError(404, 'not_found', 'No such webhook endpoint.');
    case 'url':
      throw new ApiError(422, 'invalid_url', `url: ${urlProblem(error.detail)}`);
    case 'events':
      throw new ApiError(422, 'invalid_events', 'events: at least one known event type.');
    case 'too_many':
      throw new ApiError(409, 'too_many', `At most ${MAX_ENDPOINTS} endpoints per organisation.`);
    case 'disabled':
      throw new ApiError(409, 'disabled', 'The endpoint is off: turn it on (PATCH enabled: true) to resend.');
    case 'redacted':
      throw new ApiError(409, 'redacted', 'The event’s person erased their data: it cannot be sent again.');
  }
}

function urlProblem(detail: string | undefined): string {
  switch (detail) {
    case 'https':
      return 'use https:// in production';
    case 'private':
      return 'a private or loopback address is not reachable from here';
    case 'credentials':
      return 'no user name or password in the URL; verify the signature instead';
    case 'scheme':
      return 'http(s) only';
    default:
      return 'not a valid URL';
  }
}

function ownerOnly(principal: Principal): void {
  if (principal.role !== 'owner')
    throw new ApiError(
      403,
      'forbidden',
      'Webhooks are managed with an owner token.',
      undefined,
      'Webhook hanya dapat diatur dengan token pemilik (owner).',
    );
}

const deliveryParams = idParam.extend({ delivery_id: z.coerce.number().int().positive() });

export function webhookRoutes(deps: ApiDeps): RouteDef[] {
  const { db } = deps;
  const service = () => {
    if (!deps.webhooks)
      throw new ApiError(501, 'not_available', 'Webhooks are not available on this server.');
    return deps.webhooks;
  };
  const orgId = (p: Principal) => p.organisation.id;

  return [
    route({
      method: 'get',
      path: '/webhooks/events',
      operationId: 'listWebhookEvents',
      summary: 'The events an endpoint can receive, with an example of each',
      description:
        'Each delivery is a POST of `{ "type", "timestamp", "data" }` signed as Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The `webhooks` section of this document has every event’s schema.',
      tag: TAG,
      responses: {
        200: {
          description: 'Event types.',
          schema: z.object({
            items: z.array(
              z.object({
                type: z.string(),
                subscribable: z.boolean(),
                description: z.string(),
                example: z.unknown(),
              }),
            ),
          }),
        },
      },
      handler: async ({ c }) =>
        c.json({
          items: [...SUBSCRIBABLE_EVENTS, ...ALWAYS_SENT].map((type) => ({
            type,
            subscribable: (SUBSCRIBABLE_EVENTS as readonly string[]).includes(type),
            description: EVENT_DESCRIPTIONS[type],
            example: { type, timestamp: '2026-12-03T02:15:07.412Z', data: EVENT_EXAMPLES[type] },
          })),
        }),
    }),
    route({
      method: 'get',
      path: '/webhooks',
      operationId: 'listWebhooks',
      summary: 'The organisation’s webhook endpoints',
      tag: TAG,
      responses: { 200: { description: 'Endpoints.', schema: z.object({ items: z.array(endpointOut) }) } },
      handler: async ({ c, principal }) => {
        ownerOnly(principal);
        service();
        return c.json({ items: (await listEndpoints(db, orgId(principal))).map(endpointJson) });
      },
    }),
    route({
      method: 'post',
      path: '/webhooks',
      operationId: 'createWebhook',
      summary: 'Add an endpoint; the answer holds its signing secret, shown this once',
      tag: TAG,
      write: true,
      body: endpointIn,
      responses: {
        201: { description: 'The endpoint and its secret.', schema: withSecret },
        409: { description: 'Too many endpoints.' },
        422: { description: 'The URL or the events are not acceptable.' },
      },
      handler: async ({ c, principal, body }) => {
        ownerOnly(principal);
        const webhooks = service();
        const { endpoint, secret } = await createEndpoint(
          db,
          webhooks.cipher,
          orgId(principal),
          body,
          webhooks.policy,
        ).catch(endpointError);
        c.header('Cache-Control', 'no-store');
        return c.json({ ...endpointJson(endpoint), secret }, 201);
      },
    }),
    route({
      method: 'get',
      path: '/webhooks/{id}',
      operationId: 'getWebhook',
      summary: 'One endpoint and its delivery state',
      tag: TAG,
      params: idParam,
      responses: {
        200: { description: 'The endpoint.', schema: endpointOut },
        404: { description: 'Not found.' },
      },
      handler: async ({ c, principal, params }) => {
        ownerOnly(principal);
        service();
        const endpoint = await getEndpoint(db, orgId(principal), params.id);
        if (!endpoint) endpointError(new EndpointError('not_found'));
        return c.json(endpointJson(endpoint));
      },
    }),
    route({
      method: 'patch',
      path: '/webhooks/{id}',
      operationId: 'updateWebhook',
      summary: 'Change the URL, the events or the description; turn it off or on',
      tag: TAG,
      write: true,
      params: idParam,
      body: endpointPatch,
      responses: {
        200: { description: 'The endpoint.', schema: endpointOut },
        404: { description: 'Not found.' },
      },
      handler: async ({ c, principal, params, body }) => {
        ownerOnly(principal);
        const webhooks = service();
        const { enabled, ...patch } = body;
        let endpoint = await updateEndpoint(db, orgId(principal), params.id, patch, webhooks.policy).catch(
          endpointError,
        );
        if (enabled !== undefined && enabled !== endpoint.enabled)
          endpoint = await setEnabled(db, orgId(principal), params.id, enabled);
        return c.json(endpointJson(endpoint));
      },
    }),
    route({
      method: 'delete',
      path: '/webhooks/{id}',
      operationId: 'deleteWebhook',
      summary: 'Delete an endpoint with its queue and delivery history',
      tag: TAG,
      write: true,
      params: idParam,
      responses: { 204: { description: 'Deleted.' }, 404: { description: 'Not found.' } },
      handler: async ({ c, principal, params }) => {
        ownerOnly(principal);
        service();
        if (!(await deleteEndpoint(db, orgId(principal), params.id)))
          endpointError(new EndpointError('not_found'));
        return c.body(null, 204);
      },
    }),
    route({
      method: 'post',
      path: '/webhooks/{id}/rotate-secret',
      operationId: 'rotateWebhookSecret',
      summary: 'A new signing secret (the old one stops at once), shown this once',
      tag: TAG,
      write: true,
      params: idParam,
      responses: {
        200: { description: 'The new secret.', schema: z.object({ secret: z.string() }) },
        404: { description: 'Not found.' },
      },
      handler: async ({ c, principal, params }) => {
        ownerOnly(principal);
        const webhooks = service();
        const secret = await rotateSecret(db, webhooks.cipher, orgId(principal), params.id).catch(
          endpointError,
        );
        c.header('Cache-Control', 'no-store');
        return c.json({ secret });
      },
    }),
    route({
      method: 'post',
      path: '/webhooks/{id}/test',
      operationId: 'testWebhook',
      summary: 'Send a webhook.test event now and report what the endpoint answered',
      tag: TAG,
      write: true,
      params: idParam,
      responses: {
        200: { description: 'The attempt.', schema: testOut },
        404: { description: 'Not found.' },
      },
      handler: async ({ c, principal, params }) => {
        ownerOnly(principal);
        const result = await service()
          .deliverer.sendTest(principal.organisation, params.id, tFor('id')('integrations:testMessage'))
          .catch(endpointError);
        return c.json({
          ok: result.ok,
          event_id: result.eventId,
          status: result.status,
          duration_ms: result.ms,
          error: result.error,
        });
      },
    }),
    route({
      method: 'get',
      path: '/webhooks/{id}/deliveries',
      operationId: 'listWebhookDeliveries',
      summary: 'The endpoint’s deliveries, newest first',
      tag: TAG,
      params: idParam,
      query: z.object({
        status: z.enum(['pending', 'delivered', 'failed', 'cancelled']).optional(),
        before: z.coerce
          .number()
          .int()
          .positive()
          .optional()
          .describe('Deliveries older than this id (paging).'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      responses: {
        200: { description: 'Deliveries.', schema: z.object({ items: z.array(deliveryOut) }) },
        404: { description: 'Not found.' },
      },
      handler: async ({ c, principal, params, query }) => {
        ownerOnly(principal);
        service();
        const rows = await listDeliveries(db, orgId(principal), params.id, query).catch(endpointError);
        return c.json({ items: rows.map(deliveryJson) });
      },
    }),
    route({
      method: 'post',
      path: '/webhooks/{id}/deliveries/{delivery_id}/resend',
      operationId: 'resendWebhookDelivery',
      summary: 'Send a delivery again (next in the endpoint’s queue, same webhook-id)',
      tag: TAG,
      write: true,
      params: deliveryParams,
      responses: {
        202: { description: 'Queued again.' },
        404: { description: 'Not found.' },
        409: { description: 'The endpoint is off, or the event was erased.' },
      },
      handler: async ({ c, principal, params }) => {
        ownerOnly(principal);
        service();
        await resendDelivery(db, orgId(principal), params.id, params.delivery_id).catch(endpointError);
        return c.json({ ok: true }, 202);
      },
    }),
  ];
}

/**
 * The OpenAPI 3.1 `webhooks` section: each event as the request Jembatan sends, with its schema, the
 * signature headers and an example — generated by the library from the same schemas the tests check
 * payloads against.
 */
export function registerWebhookDocs(registry: OpenAPIHono['openAPIRegistry']): void {
  const headers = z.object({
    'webhook-id': z
      .string()
      .describe('The event’s id: the same on every attempt and resend (de-duplicate on it).'),
    'webhook-timestamp': z
      .string()
      .describe('Unix seconds of this attempt (refuse one older than 5 minutes).'),
    'webhook-signature': z
      .string()
      .describe('`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the endpoint’s secret.'),
  });
  for (const type of [...SUBSCRIBABLE_EVENTS, ...ALWAYS_SENT] as EventType[]) {
    const body = z.object({
      type: z.literal(type),
      timestamp: z.string().describe('When it happened (ISO 8601, UTC).'),
      data: EVENT_DATA[type],
    });
    registry.registerWebhook({
      method: 'post',
      path: type,
      summary: type,
      description: EVENT_DESCRIPTIONS[type],
      operationId: `webhook_${type.replace('.', '_')}`,
      tags: [TAG],
      request: {
        headers,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: body,
              example: { type, timestamp: '2026-12-03T02:15:07.412Z', data: EVENT_EXAMPLES[type] },
            },
          },
        },
      },
      responses: {
        '200': { description: 'Any 2xx: received. Anything else, a timeout or no answer: retried.' },
        '410': { description: 'Gone: the endpoint is turned off at once.' },
      },
    });
  }
}
