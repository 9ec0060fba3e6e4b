import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { errorSummary } from '../engine/engine';
import { authenticate } from '../organisations/service';
import { systemClock } from '../shared/clock';
import type { ApiDeps } from './context';
import {
  type ApiEnv,
  ApiError,
  errorBody,
  errorSchema,
  mountRoutes,
  type RouteDef,
  validationHook,
} from './route';
import { broadcastRoutes } from './routes/broadcasts';
import { peopleRoutes } from './routes/people';
import { programmeRoutes } from './routes/programmes';
import { recruitmentRoutes } from './routes/recruitment';
import { registerWebhookDocs, webhookRoutes } from './routes/webhooks';

export type { ApiDeps } from './context';

export function apiRoutes(deps: ApiDeps): RouteDef[] {
  return [
    ...recruitmentRoutes(deps).filter((r) => r.path === '/organisation'),
    ...programmeRoutes(deps),
    ...broadcastRoutes(deps),
    ...peopleRoutes(deps),
    ...recruitmentRoutes(deps).filter((r) => r.path !== '/organisation'),
    ...webhookRoutes(deps),
  ];
}

export const API_INFO = {
  title: 'Jembatan organisation API',
  version: '1.0.0',
  description:
    'For organisations that recruit through Jembatan: programmes, broadcasts, applications, subscribers, targets, referral links, handoffs and webhooks (signed events sent to your own system: see the `webhooks` section). Authenticate with `Authorization: Bearer <token>` (`npm run org -- token ORG`). A token only ever sees its own organisation: another organisation’s resources answer 404. Errors are JSON: `{ "error": { "code", "message" } }`. Rate limited per token (429 with Retry-After).',
};

/**
 * Requests per token: a token bucket in this process's memory (per process: with N server processes a
 * token gets up to N× the rate — enough to stop a runaway script, which is its purpose).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
  ) {}

  /** 0 when the request may go, else milliseconds to wait. */
  take(key: string, now: number): number {
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.buckets.clear();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / rate);
  }
}

/** Request bodies: JSON of a programme, a broadcast, a status change — a few hundred KB at most. */
export const API_BODY_MAX = 1024 * 1024;
/** A catalogue import (JSON or CSV of many programmes) has its own route and limit. */
export const API_IMPORT_MAX = 10 * 1024 * 1024;
const IMPORT_PATH = /\/programmes\/import\/?$/;

/** The JSON API for organisations, mounted at /api/v1 (src/app.ts). */
export function createApi(deps: ApiDeps): OpenAPIHono<ApiEnv> {
  const api = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  // Built by the library when first asked for, then kept: turning every zod schema into JSON Schema
  // took a large part of building the runtime, which happens at every start (issue #15).
  let document: ReturnType<typeof api.getOpenAPI31Document> | undefined;
  const limiter = new RateLimiter(deps.rateLimit.perMinute, deps.rateLimit.burst);

  api.get('/openapi.json', (c) => {
    document ??= api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: API_INFO,
      servers: [{ url: '/api/v1' }],
      security: [{ bearer: [] }],
    });
    return c.json(document);
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An organisation token: `npm run org -- token ORG`.',
  });
  api.openAPIRegistry.register('Error', errorSchema);
  registerWebhookDocs(api.openAPIRegistry);

  api.use('*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match)
      throw new ApiError(
        401,
        'unauthorized',
        'Send an organisation token: "Authorization: Bearer <token>".',
        undefined,
        'Sertakan token organisasi: "Authorization: Bearer <token>".',
      );
    const now = (deps.clock ?? systemClock)();
    const principal = await authenticate(deps.db, match[1]!, now);
    if (!principal)
      throw new ApiError(
        401,
        'unauthorized',
        'The token is unknown or revoked.',
        undefined,
        'Token tidak dikenal atau sudah dicabut.',
      );
    const wait = limiter.take(principal.tokenId, now.getTime());
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new ApiError(
        429,
        'rate_limited',
        `Too many requests for this token; retry in ${Math.ceil(wait / 1000)} s.`,
      );
    }
    c.set('principal', principal);
    await next();
  });

  // After authentication (nobody unknown makes us read anything), before any route reads the body: a
  // declared length over the limit is refused unread, an undeclared one as soon as it passes it.
  const tooLarge = (max: number) =>
    bodyLimit({
      maxSize: max,
      onError: (c) =>
        c.json(
          errorBody(new ApiError(413, 'too_large', `The body is larger than ${Math.round(max / 1024)} KB.`)),
          413,
        ),
    });
  const bodyMax = tooLarge(API_BODY_MAX);
  const importMax = tooLarge(API_IMPORT_MAX);
  api.use('*', (c, next) => (IMPORT_PATH.test(c.req.path) ? importMax : bodyMax)(c, next));

  mountRoutes(api, apiRoutes(deps));

  api.all('*', (c) =>
    c.json(errorBody(new ApiError(404, 'not_found', `No route ${c.req.method} ${c.req.path}.`)), 404),
  );
  api.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error), error.status);
    deps.logger.error({ err: errorSummary(error), path: c.req.path }, 'api request failed');
    return c.json(errorBody(new ApiError(500, 'internal_error', 'Something went wrong on our side.')), 500);
  });
  return api;
}
