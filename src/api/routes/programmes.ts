import { z } from 'zod';
import {
  getOwnProgramme,
  importOwnProgrammes,
  listOwnProgrammes,
  type OwnImportResult,
  type OwnProgrammeRow,
  setProgrammeStatus,
} from '../../organisations/programmes';
import { createProgrammeSchema } from '../../shared/programme';
import { PROGRAMME_STATUSES } from '../../shared/vocabulary';
import type { ApiDeps } from '../context';
import { pageQuery, paginated, slugParam } from '../context';
import { ApiError, type RouteDef, route } from '../route';

const TAG = 'Programmes';

/**
 * The catalogue record's schema, for the OpenAPI document only: requests are validated by the
 * catalogue parser (which checks region codes and explains each problem).
 */
const recordSchema = createProgrammeSchema({
  isProvince: () => true,
  isRegency: () => true,
  name: () => undefined,
}).describe(
  'A programme in the catalogue format (catalogue-format.md); `application.organisation` defaults to yours.',
);

const programmeOut = z.object({
  slug: z.string(),
  status: z.enum(PROGRAMME_STATUSES),
  record: z.record(z.string(), z.unknown()).describe('The stored catalogue record.'),
  created_at: z.string(),
  updated_at: z.string(),
});

const importOut = z.object({
  records: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  invalid: z.number(),
  aborted: z.boolean(),
  errors: z.array(
    z.object({ position: z.unknown(), field: z.string().nullable(), code: z.string(), message: z.string() }),
  ),
  rejected: z.array(
    z.object({ slug: z.string(), index: z.number().optional(), code: z.string(), message: z.string() }),
  ),
  alerts_queued: z.number(),
});

async function jsonBody(request: Request): Promise<unknown> {
  if (!(request.headers.get('content-type') ?? '').includes('application/json'))
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  try {
    const value: unknown = await request.json();
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value;
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body must be one JSON object (a programme record).');
  }
}

function programmeJson(row: OwnProgrammeRow) {
  return {
    slug: row.slug,
    status: row.status,
    record: row.record,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

function importJson(result: OwnImportResult) {
  return {
    records: result.records,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    invalid: result.invalid,
    aborted: result.aborted,
    errors: result.errors.map((e) => ({
      position: e.position,
      field: e.field,
      code: e.code,
      message: e.message,
    })),
    rejected: result.rejected,
    alerts_queued: result.alertsQueued,
  };
}

export function programmeRoutes(deps: ApiDeps): RouteDef[] {
  const single = async (
    org: string,
    body: unknown,
    mode: 'create' | 'update',
  ): Promise<{ result: OwnImportResult; slug: string | undefined }> => {
    const result = await importOwnProgrammes(deps.db, org, [body], { mode, strict: true });
    const rejected = result.rejected[0];
    if (rejected) {
      const status = rejected.code === 'not_found' ? 404 : rejected.code === 'other_organisation' ? 403 : 409;
      throw new ApiError(status, rejected.code, rejected.message);
    }
    if (result.errors.length)
      throw new ApiError(
        422,
        'invalid_programme',
        `The programme is not valid: ${result.errors
          .slice(0, 3)
          .map((e) => e.detail)
          .join(' ')}`,
        result.errors.map((e) => ({ field: e.field, code: e.code, message: e.detail })),
      );
    const slug = (body as { slug?: unknown } | null)?.slug;
    return { result, slug: typeof slug === 'string' ? slug.trim() : undefined };
  };

  return [
    route({
      method: 'get',
      path: '/programmes',
      operationId: 'listProgrammes',
      summary: "The organisation's programmes",
      tag: TAG,
      query: z.object({ status: z.enum(PROGRAMME_STATUSES).optional(), ...pageQuery }),
      responses: { 200: { description: 'A page of programmes, by slug.', schema: paginated(programmeOut) } },
      handler: async ({ c, principal, query }) => {
        const { total, items } = await listOwnProgrammes(deps.db, principal.organisation.slug, {
          ...(query.status ? { status: query.status } : {}),
          page: query.page,
          perPage: query.per_page,
        });
        return c.json({ page: query.page, per_page: query.per_page, total, items: items.map(programmeJson) });
      },
    }),
    route({
      method: 'get',
      path: '/programmes/{slug}',
      operationId: 'getProgramme',
      summary: 'One programme (drafts included)',
      tag: TAG,
      params: slugParam,
      responses: {
        200: { description: 'The programme.', schema: programmeOut },
        404: { description: 'Not one of the organisation’s programmes.' },
      },
      handler: async ({ c, principal, params }) => {
        const row = await getOwnProgramme(deps.db, principal.organisation.slug, params.slug);
        if (!row) throw new ApiError(404, 'not_found', `No programme "${params.slug}" in this organisation.`);
        return c.json(programmeJson(row));
      },
    }),
    route({
      method: 'post',
      path: '/programmes',
      operationId: 'createProgramme',
      summary: 'Create a programme',
      description:
        'The body is one record of the catalogue format. Its `application.organisation` must be the organisation’s slug (filled in when left out).',
      tag: TAG,
      write: true,
      bodyDoc: recordSchema,
      responses: {
        201: { description: 'Created.', schema: programmeOut },
        403: { description: 'The record names another organisation.' },
        409: { description: 'The slug exists (yours: use PUT; another’s: choose another slug).' },
        422: { description: 'The record is not valid; `details` lists each problem.' },
      },
      handler: async ({ c, principal }) => {
        const body = await jsonBody(c.req.raw);
        const { slug } = await single(principal.organisation.slug, body, 'create');
        const row = await getOwnProgramme(deps.db, principal.organisation.slug, slug ?? '');
        return c.json(programmeJson(row!), 201);
      },
    }),
    route({
      method: 'put',
      path: '/programmes/{slug}',
      operationId: 'updateProgramme',
      summary: 'Replace a programme',
      description: 'The whole record, as for create; its slug must be the one in the path (or left out).',
      tag: TAG,
      write: true,
      params: slugParam,
      bodyDoc: recordSchema,
      responses: {
        200: { description: 'Updated (or unchanged).', schema: programmeOut },
        404: { description: 'Not one of the organisation’s programmes.' },
        422: { description: 'The record is not valid.' },
      },
      handler: async ({ c, principal, params }) => {
        const body = (await jsonBody(c.req.raw)) as Record<string, unknown>;
        if (body && typeof body === 'object' && body.slug === undefined) body.slug = params.slug;
        if (body?.slug !== params.slug)
          throw new ApiError(
            409,
            'slug_mismatch',
            'The body’s slug differs from the path; slugs never change.',
          );
        const own = await getOwnProgramme(deps.db, principal.organisation.slug, params.slug);
        if (!own) throw new ApiError(404, 'not_found', `No programme "${params.slug}" in this organisation.`);
        await single(principal.organisation.slug, body, 'update');
        const row = await getOwnProgramme(deps.db, principal.organisation.slug, params.slug);
        return c.json(programmeJson(row!));
      },
    }),
    route({
      method: 'post',
      path: '/programmes/import',
      operationId: 'importProgrammes',
      summary: 'Import programmes (JSON or CSV)',
      description:
        'A JSON array (or `{ "programmes": [...] }`) as application/json, or a CSV file as text/csv (columns as in docs/catalogue-csv.md; CSV rows must carry `application_organisation`). Upsert by slug: importing the same file twice changes nothing. Records of other organisations, and slugs used by programmes that are not yours, are rejected; valid records still load unless `strict=true`.',
      tag: TAG,
      write: true,
      query: z.object({
        strict: z
          .enum(['true', 'false'])
          .optional()
          .transform((v) => v === 'true')
          .describe('Load nothing if any record is invalid or rejected.'),
      }),
      rawBody: {
        'application/json': { description: 'A JSON array of catalogue records.' },
        'text/csv': { description: 'CSV, one programme per row.' },
      },
      responses: {
        200: { description: 'What was loaded, and every error with its record.', schema: importOut },
        413: { description: 'More than 10 MB.' },
        415: { description: 'Neither JSON nor CSV.' },
      },
      handler: async ({ c, principal, query }) => {
        const type = c.req.header('content-type') ?? '';
        const format = type.includes('json') ? 'json' : type.includes('csv') ? 'csv' : undefined;
        if (!format) throw new ApiError(415, 'unsupported_media_type', 'Send application/json or text/csv.');
        const text = await c.req.text();
        if (text.length > 10 * 1024 * 1024) throw new ApiError(413, 'too_large', 'At most 10 MB per import.');
        const result = await importOwnProgrammes(deps.db, principal.organisation.slug, text, {
          format,
          strict: query.strict === true,
        });
        return c.json(importJson(result));
      },
    }),
    route({
      method: 'post',
      path: '/programmes/{slug}/close',
      operationId: 'closeProgramme',
      summary: 'Close a programme',
      description: 'No more applications; it stays visible as closed.',
      tag: TAG,
      write: true,
      params: slugParam,
      responses: {
        200: { description: 'Closed.', schema: programmeOut },
        404: { description: 'Not one of the organisation’s programmes.' },
      },
      handler: async ({ c, principal, params }) => {
        const row = await setProgrammeStatus(deps.db, principal.organisation.slug, params.slug, 'closed');
        if (!row) throw new ApiError(404, 'not_found', `No programme "${params.slug}" in this organisation.`);
        return c.json(programmeJson(row));
      },
    }),
  ];
}
