import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Principal } from '../organisations/service';

/*
 * Each route of the organisation API declares its path, its zod schemas (path parameters, query, body,
 * responses) and whether it writes. `@hono/zod-openapi` routes it, validates the request with those
 * schemas and generates the OpenAPI document from them, so the two cannot drift apart. What this file
 * adds is the API's own conventions, written once: the viewer guard on writes, the JSON body checks
 * (415, invalid_json), the error answers every route can give, and validation failures as our errors.
 */

export type ApiEnv = { Variables: { principal: Principal } };
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** An error the API answers with: `{ "error": { "code", "message", "message_id"?, "details"? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 501,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** The same message in Indonesian, for organisations' staff reading raw responses. */
    readonly messageId?: string,
  ) {
    super(message);
  }
}

export function errorBody(error: ApiError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.messageId ? { message_id: error.messageId } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
    },
  };
}

export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe('Machine-readable: unauthorized, forbidden, not_found, validation_failed …'),
    message: z.string().describe('What went wrong, in English.'),
    message_id: z.string().optional().describe('The same in Indonesian, where given.'),
    details: z.unknown().optional(),
  }),
});

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Default application/json. */
  contentType?: string;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<P, Q, B> {
  c: Context<ApiEnv>;
  principal: Principal;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
}

export interface RouteDef<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: Method;
  /** OpenAPI style: `/broadcasts/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Changes data: owner and staff tokens only (viewer tokens get 403). */
  write?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** A JSON body the handler reads and validates itself (documented with this schema). */
  bodyDoc?: z.ZodType;
  /** Other request body types accepted (the handler reads them itself). */
  rawBody?: Record<string, { description: string }>;
  responses: Record<number, ResponseSpec>;
  handler: (input: RouteInput<P, Q, B>) => Promise<Response>;
}

export function route<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(def: RouteDef<P, Q, B>): RouteDef {
  return def as unknown as RouteDef;
}

function validationError(where: string, error: z.ZodError): ApiError {
  return new ApiError(
    400,
    'validation_failed',
    `Invalid ${where}: ${error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
      .join('; ')}`,
    error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
    'Data yang dikirim tidak valid; lihat "details".',
  );
}

const TARGETS: Record<string, string> = { param: 'path parameters', query: 'query parameters', json: 'body' };

/** The library's validation hook: a failure is answered as `validation_failed`, like every error. */
export function validationHook(result: { success: boolean; target: string; error?: unknown }): void {
  if (!result.success)
    throw validationError(TARGETS[result.target] ?? result.target, result.error as z.ZodError);
}

const viewerGuard: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (c.get('principal').role === 'viewer')
    throw new ApiError(
      403,
      'forbidden',
      'This token is read-only (viewer); use an owner or staff token to change data.',
      undefined,
      'Token ini hanya untuk membaca (viewer).',
    );
  await next();
};

/** A JSON body: our 415 and invalid_json answers, before the library's validator reads the (cached) body. */
const jsonOnly: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (!(c.req.header('content-type') ?? '').includes('application/json'))
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  try {
    await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  await next();
};

const errorRef = { $ref: '#/components/schemas/Error' };

/** The library's route config of a declaration, with the error answers every route can give. */
export function openApiRoute(def: RouteDef): RouteConfig {
  const responses: RouteConfig['responses'] = {};
  for (const [status, spec] of Object.entries(def.responses))
    responses[status] = {
      description: spec.description,
      ...(spec.schema || spec.contentType
        ? {
            content: {
              [spec.contentType ?? 'application/json']: { schema: spec.schema ?? { type: 'string' } },
            },
          }
        : {}),
    };
  const standard: Array<[number, string]> = [
    [401, 'Missing, unknown or revoked token.'],
    [429, 'Too many requests for this token; see Retry-After.'],
  ];
  if (def.write) standard.push([403, 'The token is read-only (viewer).']);
  if (def.params || def.query || def.body || def.bodyDoc || def.rawBody)
    standard.push([400, 'Invalid parameters or body.']);
  if (def.body || def.bodyDoc || def.rawBody)
    standard.push([413, 'The body is larger than 1 MB (a catalogue import: 10 MB).']);
  for (const [status, description] of standard)
    responses[String(status)] ??= { description, content: { 'application/json': { schema: errorRef } } };
  // Bodies the handler reads itself (bodyDoc, rawBody) are documented as plain schemas, so the library
  // documents them without validating them.
  const content: Record<string, { schema: unknown }> = {};
  if (def.body) content['application/json'] = { schema: def.body };
  else if (def.bodyDoc)
    content['application/json'] = {
      schema: z.toJSONSchema(def.bodyDoc, { io: 'input', unrepresentable: 'any' }),
    };
  for (const [type, spec] of Object.entries(def.rawBody ?? {}))
    content[type] = { schema: { type: 'string', description: spec.description } };
  const middleware = [...(def.write ? [viewerGuard] : []), ...(def.body ? [jsonOnly] : [])];
  return createRoute({
    method: def.method,
    path: def.path,
    operationId: def.operationId,
    summary: def.summary,
    ...(def.description ? { description: def.description } : {}),
    tags: [def.tag],
    request: {
      ...(def.params ? { params: def.params as never } : {}),
      ...(def.query ? { query: def.query as never } : {}),
      ...(Object.keys(content).length ? { body: { required: true, content: content as never } } : {}),
    },
    ...(middleware.length ? { middleware: middleware as never } : {}),
    responses,
  });
}

/** Registers every route on `app` (paths relative to it) through the library. */
export function mountRoutes(app: OpenAPIHono<ApiEnv>, routes: RouteDef[]): void {
  for (const def of routes)
    app.openapi(openApiRoute(def), ((c: Context<ApiEnv>) =>
      def.handler({
        c,
        principal: c.get('principal'),
        params: def.params ? c.req.valid('param' as never) : undefined,
        query: def.query ? c.req.valid('query' as never) : undefined,
        body: def.body ? c.req.valid('json' as never) : undefined,
      } as RouteInput<z.ZodType, z.ZodType, z.ZodType>)) as never);
}
