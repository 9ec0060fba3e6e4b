import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Principal } from '../organisations/service';

/*
 * A small route table for the organisation API: each route declares its path, its zod schemas (path
 * parameters, query, body, responses) and whether it writes; the same declaration validates requests
 * and produces the OpenAPI document, so the two cannot drift apart.
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

async function parse<T extends z.ZodType | undefined>(
  schema: T,
  value: unknown,
  where: string,
): Promise<Infer<T>> {
  if (!schema) return undefined as Infer<T>;
  const result = await schema.safeParseAsync(value);
  if (!result.success) throw validationError(where, result.error);
  return result.data as Infer<T>;
}

/** Mounts every route on `app` (paths relative to it), validating input and checking the role. */
export function mountRoutes(app: Hono<ApiEnv>, routes: RouteDef[]): void {
  for (const def of routes) {
    const honoPath = def.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(def.method.toUpperCase(), honoPath, async (c) => {
      const principal = c.get('principal');
      if (def.write && principal.role === 'viewer')
        throw new ApiError(
          403,
          'forbidden',
          'This token is read-only (viewer); use an owner or staff token to change data.',
          undefined,
          'Token ini hanya untuk membaca (viewer).',
        );
      const params = await parse(def.params, c.req.param(), 'path parameters');
      const query = await parse(def.query, c.req.query(), 'query parameters');
      let body: unknown;
      if (def.body) {
        const type = c.req.header('content-type') ?? '';
        if (!type.includes('application/json'))
          throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
        let raw: unknown;
        try {
          raw = await c.req.json();
        } catch {
          throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
        }
        body = await parse(def.body, raw, 'body');
      }
      return def.handler({ c, principal, params, query, body } as RouteInput<
        z.ZodType,
        z.ZodType,
        z.ZodType
      >);
    });
  }
}

const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, 'input') as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** The OpenAPI 3.1 document of the routes. */
export function openApiDocument(
  routes: RouteDef[],
  info: { title: string; version: string; description: string },
  /** OpenAPI 3.1 `webhooks`: the requests the API sends (src/api/routes/webhooks.ts), from zod schemas. */
  webhooks?: (jsonSchema: (schema: z.ZodType) => Record<string, unknown>) => Record<string, unknown>,
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(def.responses))
      responses[status] = {
        description: spec.description,
        ...(spec.schema || spec.contentType
          ? {
              content: {
                [spec.contentType ?? 'application/json']: spec.schema
                  ? { schema: jsonSchemaOf(spec.schema, 'output') }
                  : { schema: { type: 'string' } },
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
      responses[String(status)] ??= {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    const content: Record<string, unknown> = {};
    const jsonBody = def.body ?? def.bodyDoc;
    if (jsonBody) content['application/json'] = { schema: jsonSchemaOf(jsonBody, 'input') };
    for (const [type, spec] of Object.entries(def.rawBody ?? {}))
      content[type] = { schema: { type: 'string', description: spec.description } };
    paths[def.path] ??= {};
    paths[def.path]![def.method] = {
      operationId: def.operationId,
      summary: def.summary,
      ...(def.description ? { description: def.description } : {}),
      tags: [def.tag],
      parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
      ...(Object.keys(content).length ? { requestBody: { required: true, content } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An organisation token: `npm run org -- token ORG`.',
        },
      },
      schemas: { Error: jsonSchemaOf(errorSchema, 'output') },
    },
    paths,
    ...(webhooks ? { webhooks: webhooks((schema) => jsonSchemaOf(schema, 'output')) } : {}),
  };
}
