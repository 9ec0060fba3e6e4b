import { z } from 'zod';
import { StatusChangeError } from '../../applications/status';
import { subscriberCounts } from '../../broadcasts/subscriptions';
import {
  changeApplicationStatus,
  exportApplicationsCsv,
  listApplications,
} from '../../organisations/applications';
import { APPLICATION_STATUSES, STAFF_STATUSES } from '../../shared/application-statuses';
import { parseJakartaTime } from '../../shared/jakarta-time';
import type { ApiDeps } from '../context';
import { pageQuery, paginated } from '../context';
import { ApiError, type RouteDef, route } from '../route';

/* Applications to the organisation's programmes, and the people broadcasts can reach. */

const applicationOut = z.object({
  id: z.string(),
  reference: z.string().nullable().describe('JMB-<year>-<number>: what staff and the applicant quote.'),
  programme: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  seat: z.string().nullable().describe('women (a reserved seat), general, or null (waitlist, closed).'),
  submitted_at: z.string().nullable(),
  updated_at: z.string(),
  full_name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  gender: z.string().nullable(),
  education_level: z.string().nullable(),
  province: z.string().nullable(),
  age: z.number().nullable(),
  channel: z.string().nullable(),
  documents: z.array(z.string()).describe('Kinds of documents uploaded.'),
  referral: z
    .object({ code: z.string(), recruiter: z.string().nullable() })
    .nullable()
    .describe('The organisation’s referral link the person first arrived through.'),
  anonymised: z.boolean().describe('The person erased their data: only the coarse columns remain.'),
});

const timeQuery = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const at = parseJakartaTime(v.length === 10 ? `${v}T00:00` : v);
    if (!at)
      ctx.addIssue({ code: 'custom', message: 'a date (2026-12-01) or time; Jakarta time without offset' });
    return at;
  });

const filterQuery = {
  programme: z.string().optional().describe('A programme slug.'),
  status: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const list = v.split(',').map((s) => s.trim());
      const bad = list.filter((s) => !(APPLICATION_STATUSES as readonly string[]).includes(s));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `unknown status ${bad.join(', ')}` });
      return list as (typeof APPLICATION_STATUSES)[number][];
    })
    .describe(`Comma-separated: ${APPLICATION_STATUSES.filter((s) => s !== 'draft').join(', ')}.`),
  since: timeQuery.describe('Submitted at or after (date or time, Jakarta).'),
  until: timeQuery.describe('Submitted before.'),
  referral: z
    .string()
    .optional()
    .describe('A referral link code: applications of people who came through it.'),
};

const segment = z.array(z.object({ value: z.string().nullable(), count: z.number() }));

export function peopleRoutes(deps: ApiDeps): RouteDef[] {
  const { db } = deps;
  const filterOf = (q: {
    programme?: string | undefined;
    status?: (typeof APPLICATION_STATUSES)[number][] | undefined;
    since?: Date | undefined;
    until?: Date | undefined;
    referral?: string | undefined;
  }) => ({
    ...(q.programme ? { programme: q.programme } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.since ? { since: q.since } : {}),
    ...(q.until ? { until: q.until } : {}),
    ...(q.referral ? { referral: q.referral } : {}),
  });
  return [
    route({
      method: 'get',
      path: '/applications',
      operationId: 'listApplications',
      summary: 'Applications to the organisation’s programmes',
      description:
        'Newest first. Drafts (forms still being filled in) are the person’s own and never listed.',
      tag: 'Applications',
      query: z.object({ ...filterQuery, ...pageQuery }),
      responses: { 200: { description: 'A page of applications.', schema: paginated(applicationOut) } },
      handler: async ({ c, principal, query }) => {
        const { total, items } = await listApplications(db, principal.organisation, {
          ...filterOf(query),
          page: query.page,
          perPage: query.per_page,
        });
        return c.json({ page: query.page, per_page: query.per_page, total, items });
      },
    }),
    route({
      method: 'get',
      path: '/applications/export.csv',
      operationId: 'exportApplications',
      summary: 'The same as CSV (UTF-8), for spreadsheets',
      tag: 'Applications',
      query: z.object(filterQuery),
      responses: { 200: { description: 'CSV, one application per row.', contentType: 'text/csv' } },
      handler: async ({ c, principal, query }) => {
        const csv = await exportApplicationsCsv(db, principal.organisation, filterOf(query));
        return c.body(csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="applications-${principal.organisation.slug}.csv"`,
        });
      },
    }),
    route({
      method: 'post',
      path: '/applications/{reference}/status',
      operationId: 'changeApplicationStatus',
      summary: 'Move an application to a new status (the person is notified)',
      description:
        'Checked against the allowed transitions; seats are taken or freed (a freed seat goes to the first on the waitlist); the person gets a message with the next steps in their language. An interview (`wawancara`) needs `date` and `place`.',
      tag: 'Applications',
      write: true,
      params: z.object({ reference: z.string().min(3).max(40) }),
      body: z.strictObject({
        status: z.enum(STAFF_STATUSES),
        date: z.string().optional().describe('Interview time, Jakarta time unless an offset is given.'),
        place: z.string().trim().min(1).max(300).optional(),
        reason: z.string().trim().min(1).max(500).optional(),
      }),
      responses: {
        200: {
          description: 'Changed.',
          schema: z.object({
            reference: z.string(),
            from: z.string(),
            to: z.string(),
            notified: z.boolean(),
            promoted: z
              .array(z.string())
              .describe('References promoted from the waitlist into the freed seat.'),
          }),
        },
        404: { description: 'No such application to this organisation’s programmes.' },
        409: { description: 'Not an allowed change, or no seat left.' },
        422: { description: 'An interview without date and place.' },
      },
      handler: async ({ c, principal, params, body }) => {
        let date: string | undefined;
        if (body.date) {
          const at = parseJakartaTime(body.date);
          if (!at)
            throw new ApiError(422, 'invalid_time', 'date: not a time; write e.g. "2026-12-07T09:00".');
          date = at.toISOString();
        }
        try {
          const result = await changeApplicationStatus(
            db,
            principal.organisation,
            params.reference,
            body.status,
            {
              ...(date ? { date } : {}),
              ...(body.place ? { place: body.place } : {}),
              ...(body.reason ? { reason: body.reason } : {}),
            },
            `staff:api:${principal.tokenId.slice(0, 8)}`,
          );
          return c.json(result);
        } catch (error) {
          if (error instanceof StatusChangeError) {
            const status = error.code === 'not_found' ? 404 : error.code === 'needs_details' ? 422 : 409;
            throw new ApiError(status, error.code, error.message);
          }
          throw error;
        }
      },
    }),
    route({
      method: 'get',
      path: '/subscribers',
      operationId: 'subscriberCounts',
      summary: 'How many people broadcasts can reach, by segment',
      description:
        'People who opted in, did not say /berhenti and can be reached, counted one dimension at a time (channel is the one each used last; null is unknown or “any”). Counts only: nobody is listed.',
      tag: 'Audience',
      responses: {
        200: {
          description: 'Counts.',
          schema: z.object({
            total: z.number(),
            by_channel: segment,
            by_province: segment,
            by_gender: segment,
            by_age_band: segment,
            by_education: segment,
            by_topic_kind: segment,
            by_topic_field: segment,
          }),
        },
      },
      handler: async ({ c }) => {
        const counts = await subscriberCounts(db);
        return c.json({
          total: counts.total,
          by_channel: counts.byChannel,
          by_province: counts.byProvince,
          by_gender: counts.byGender,
          by_age_band: counts.byAgeBand,
          by_education: counts.byEducation,
          by_topic_kind: counts.byTopicKind,
          by_topic_field: counts.byTopicField,
        });
      },
    }),
  ];
}
