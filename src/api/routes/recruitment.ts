import { z } from 'zod';
import { conversationLog } from '../../handoff/log';
import {
  claimHandoff,
  closeHandoff,
  getHandoff,
  HandoffAccessError,
  listHandoffs,
  staffReply,
} from '../../handoff/service';
import { tFor } from '../../i18n';
import {
  createReferralLink,
  deactivateReferralLink,
  ReferralError,
  type ReferralStats,
  referralStats,
  referralUrls,
} from '../../organisations/referrals';
import {
  createTarget,
  deleteTarget,
  getTarget,
  listTargets,
  type Target,
  TargetError,
  type TargetProgress,
  targetInputSchema,
  targetPatchSchema,
  targetProgress,
  updateTarget,
} from '../../organisations/targets';
import type { ApiDeps } from '../context';
import { idParam } from '../context';
import { ApiError, type RouteDef, route } from '../route';

/* Targets, referral links, handoffs and the organisation itself. */

const goal = z.object({
  count: z.number(),
  percent: z.number().optional(),
  goal: z.number().nullable(),
  met: z.boolean().nullable().describe('null: no goal set.'),
});
const targetOut = z.object({
  id: z.string(),
  name: z.string(),
  programme: z.string().nullable(),
  participants: z.number().nullable(),
  women_percent: z.number().nullable(),
  disability_percent: z.number().nullable(),
  statuses: z.array(z.string()).nullable(),
  deadline: z.string().nullable(),
  progress: z.object({
    participants: goal,
    women: goal,
    disability: goal,
    by_status: z.record(z.string(), z.number()),
    by_referral: z.record(z.string(), z.number()).describe('Counted participants per referral code.'),
    met: z.boolean(),
  }),
});

function targetJson(t: Target, p: TargetProgress) {
  return {
    id: t.id,
    name: t.name,
    programme: t.programmeSlug,
    participants: t.participants,
    women_percent: t.womenPercent,
    disability_percent: t.disabilityPercent,
    statuses: t.statuses,
    deadline: t.deadline,
    progress: {
      participants: p.participants,
      women: p.women,
      disability: p.disability,
      by_status: p.byStatus,
      by_referral: p.byReferral,
      met: p.met,
    },
  };
}

const referralOut = z.object({
  id: z.string(),
  code: z.string(),
  payload: z.string().describe('`r_<code>`: the start payload, or the text a WhatsApp link pre-fills.'),
  links: z.object({ telegram: z.string().nullable(), whatsapp: z.string().nullable() }),
  label: z.string().nullable(),
  recruiter: z.string().nullable(),
  programme: z.string().nullable(),
  active: z.boolean(),
  people: z.number().describe('New people who arrived through the link (first touch).'),
  applications: z.number().describe('Their submitted applications to the organisation’s programmes.'),
  created_at: z.string(),
});

const handoffOut = z.object({
  id: z.string(),
  status: z.string(),
  reason: z.string(),
  programme: z.string().nullable(),
  assigned_to: z.string().nullable(),
  created_at: z.string(),
  claimed_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  rating: z.number().nullable(),
});

export function recruitmentRoutes(deps: ApiDeps): RouteDef[] {
  const { db } = deps;
  const referralJson = (l: ReferralStats) => {
    const urls = referralUrls(l.code, deps.deepLink);
    return {
      id: l.id,
      code: l.code,
      payload: urls.payload,
      links: { telegram: urls.telegram, whatsapp: urls.whatsapp },
      label: l.label,
      recruiter: l.recruiter,
      programme: l.programmeSlug,
      active: l.active,
      people: l.people,
      applications: l.applications,
      created_at: l.createdAt.toISOString(),
    };
  };
  const targetErrors = async <T>(work: () => Promise<T>) => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TargetError) throw new ApiError(422, 'invalid_target', error.message);
      throw error;
    }
  };
  const handoffErrors = async <T>(work: () => Promise<T>) => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof HandoffAccessError)
        throw new ApiError(error.message.includes('no such') ? 404 : 409, 'handoff', error.message);
      throw error;
    }
  };
  const staffId = (tokenId: string) => `api:${tokenId.slice(0, 8)}`;

  return [
    route({
      method: 'get',
      path: '/organisation',
      operationId: 'getOrganisation',
      summary: 'The organisation this token belongs to',
      tag: 'Organisation',
      responses: {
        200: {
          description: 'The organisation and the token’s role.',
          schema: z.object({ id: z.string(), slug: z.string(), name: z.string(), role: z.string() }),
        },
      },
      handler: async ({ c, principal }) => c.json({ ...principal.organisation, role: principal.role }),
    }),
    route({
      method: 'get',
      path: '/targets',
      operationId: 'listTargets',
      summary: 'Recruitment targets with their progress',
      tag: 'Targets',
      responses: { 200: { description: 'Targets.', schema: z.object({ items: z.array(targetOut) }) } },
      handler: async ({ c, principal }) => {
        const items = [];
        for (const t of await listTargets(db, principal.organisation))
          items.push(targetJson(t, await targetProgress(db, principal.organisation, t)));
        return c.json({ items });
      },
    }),
    route({
      method: 'post',
      path: '/targets',
      operationId: 'createTarget',
      summary: 'Set a target (e.g. ≥ 100 participants, ≥ 50 % women, ≥ 5 % with disabilities)',
      tag: 'Targets',
      write: true,
      body: targetInputSchema,
      responses: { 201: { description: 'The target with its progress.', schema: targetOut } },
      handler: async ({ c, principal, body }) => {
        const t = await targetErrors(() => createTarget(db, principal.organisation, body));
        return c.json(targetJson(t, await targetProgress(db, principal.organisation, t)), 201);
      },
    }),
    route({
      method: 'get',
      path: '/targets/{id}',
      operationId: 'getTarget',
      summary: 'One target and its progress',
      tag: 'Targets',
      params: idParam,
      responses: { 200: { description: 'The target.', schema: targetOut } },
      handler: async ({ c, principal, params }) => {
        const t = await getTarget(db, principal.organisation, params.id);
        if (!t) throw new ApiError(404, 'not_found', 'No such target in this organisation.');
        return c.json(targetJson(t, await targetProgress(db, principal.organisation, t)));
      },
    }),
    route({
      method: 'patch',
      path: '/targets/{id}',
      operationId: 'updateTarget',
      summary: 'Change a target',
      tag: 'Targets',
      write: true,
      params: idParam,
      body: targetPatchSchema,
      responses: { 200: { description: 'The target.', schema: targetOut } },
      handler: async ({ c, principal, params, body }) => {
        const t = await targetErrors(() => updateTarget(db, principal.organisation, params.id, body));
        if (!t) throw new ApiError(404, 'not_found', 'No such target in this organisation.');
        return c.json(targetJson(t, await targetProgress(db, principal.organisation, t)));
      },
    }),
    route({
      method: 'delete',
      path: '/targets/{id}',
      operationId: 'deleteTarget',
      summary: 'Remove a target',
      tag: 'Targets',
      write: true,
      params: idParam,
      responses: { 204: { description: 'Removed.' } },
      handler: async ({ c, principal, params }) => {
        if (!(await deleteTarget(db, principal.organisation, params.id)))
          throw new ApiError(404, 'not_found', 'No such target in this organisation.');
        return c.body(null, 204);
      },
    }),
    route({
      method: 'get',
      path: '/referral-links',
      operationId: 'listReferralLinks',
      summary: 'Referral links with the people and applications attributed to each',
      tag: 'Referral links',
      responses: {
        200: { description: 'Links, newest first.', schema: z.object({ items: z.array(referralOut) }) },
      },
      handler: async ({ c, principal }) =>
        c.json({ items: (await referralStats(db, principal.organisation)).map(referralJson) }),
    }),
    route({
      method: 'post',
      path: '/referral-links',
      operationId: 'createReferralLink',
      summary: 'Create a referral link (for the organisation, or one recruiter)',
      description:
        'People who arrive through it for the first time are attributed to it (first touch), and so are their applications. With `programme`, the link opens that programme’s card.',
      tag: 'Referral links',
      write: true,
      body: z.strictObject({
        code: z
          .string()
          .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
          .min(3)
          .max(40)
          .optional()
          .describe('Your own code (a-z, 0-9, -); random when left out.'),
        label: z.string().trim().min(1).max(200).optional(),
        recruiter: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .optional()
          .describe('The recruiter this link belongs to.'),
        programme: z.string().optional().describe('Open this programme’s card.'),
      }),
      responses: {
        201: { description: 'The link.', schema: referralOut },
        409: { description: 'The code is taken.' },
        422: { description: 'The programme is not the organisation’s.' },
      },
      handler: async ({ c, principal, body }) => {
        try {
          const link = await createReferralLink(db, principal.organisation, body);
          const [stats] = await referralStats(db, principal.organisation, link.id);
          return c.json(referralJson(stats!), 201);
        } catch (error) {
          if (error instanceof ReferralError)
            throw new ApiError(error.code === 'exists' ? 409 : 422, `referral_${error.code}`, error.message);
          throw error;
        }
      },
    }),
    route({
      method: 'get',
      path: '/referral-links/{id}',
      operationId: 'getReferralLink',
      summary: 'One referral link and its attribution',
      tag: 'Referral links',
      params: idParam,
      responses: { 200: { description: 'The link.', schema: referralOut } },
      handler: async ({ c, principal, params }) => {
        const [stats] = await referralStats(db, principal.organisation, params.id);
        if (!stats) throw new ApiError(404, 'not_found', 'No such referral link in this organisation.');
        return c.json(referralJson(stats));
      },
    }),
    route({
      method: 'delete',
      path: '/referral-links/{id}',
      operationId: 'deactivateReferralLink',
      summary: 'Deactivate a link (attributions stay)',
      tag: 'Referral links',
      write: true,
      params: idParam,
      responses: { 204: { description: 'Deactivated.' } },
      handler: async ({ c, principal, params }) => {
        if (!(await deactivateReferralLink(db, principal.organisation.id, params.id)))
          throw new ApiError(404, 'not_found', 'No such referral link in this organisation.');
        return c.body(null, 204);
      },
    }),
    route({
      method: 'get',
      path: '/handoffs',
      operationId: 'listHandoffs',
      summary: 'Conversations handed to the organisation’s staff',
      tag: 'Handoffs',
      query: z.object({
        status: z.enum(['open', 'closed', 'all']).default('open').describe('open: waiting or active.'),
      }),
      responses: { 200: { description: 'Oldest first.', schema: z.object({ items: z.array(handoffOut) }) } },
      handler: async ({ c, principal, query }) => {
        const statuses =
          query.status === 'open'
            ? (['waiting', 'active'] as const)
            : query.status === 'closed'
              ? (['closed', 'cancelled'] as const)
              : (['waiting', 'active', 'closed', 'cancelled'] as const);
        const items = await listHandoffs(db, principal.organisation.slug, [...statuses]);
        return c.json({
          items: items.map((h) => ({
            id: h.id,
            status: h.status,
            reason: h.reason,
            programme: h.programmeSlug,
            assigned_to: h.assignedTo,
            created_at: h.createdAt.toISOString(),
            claimed_at: h.claimedAt?.toISOString() ?? null,
            closed_at: h.closedAt?.toISOString() ?? null,
            rating: h.rating,
          })),
        });
      },
    }),
    route({
      method: 'get',
      path: '/handoffs/{id}/messages',
      operationId: 'handoffMessages',
      summary: 'The conversation of a handoff (the last 50 messages)',
      description:
        'What concerns this organisation and the general conversation with the bot. Messages about another organisation (its application form, its programme, its staff, its broadcast) are folded into one item per run whose `text` only says what it was ("mengisi formulir program lain") and whose `elsewhere` names the kind. A NIK typed as text appears masked.',
      tag: 'Handoffs',
      params: idParam,
      responses: {
        200: {
          description: 'Oldest first.',
          schema: z.object({
            items: z.array(
              z.object({
                direction: z.string(),
                origin: z.string().describe('person, bot, staff, notice or broadcast.'),
                text: z.string().nullable(),
                at: z.string(),
                elsewhere: z
                  .enum(['form', 'programme', 'handoff', 'broadcast'])
                  .nullable()
                  .describe('Set on an item standing for messages that concern another organisation.'),
              }),
            ),
          }),
        },
      },
      handler: async ({ c, principal, params }) => {
        const handoff = await getHandoff(db, params.id);
        if (!handoff || handoff.organisation !== principal.organisation.slug)
          throw new ApiError(404, 'not_found', 'No such handoff for this organisation.');
        const log = await conversationLog(db, handoff.userId, principal.organisation.slug, 50);
        const t = tFor('id');
        return c.json({
          items: log.entries.map((entry) => ({
            direction: entry.direction,
            origin: entry.origin,
            text:
              entry.content.kind === 'text'
                ? entry.content.text
                : entry.content.kind === 'elsewhere'
                  ? t(`inbox:conversation.elsewhere.${entry.content.topic}`)
                  : null,
            at: entry.at.toISOString(),
            elsewhere: entry.content.kind === 'elsewhere' ? entry.content.topic : null,
          })),
        });
      },
    }),
    route({
      method: 'post',
      path: '/handoffs/{id}/claim',
      operationId: 'claimHandoff',
      summary: 'Take a waiting handoff',
      tag: 'Handoffs',
      write: true,
      params: idParam,
      responses: {
        200: { description: 'Claimed.', schema: z.object({ id: z.string(), status: z.string() }) },
      },
      handler: async ({ c, principal, params }) => {
        const h = await handoffErrors(() =>
          claimHandoff(db, params.id, principal.organisation.slug, staffId(principal.tokenId)),
        );
        return c.json({ id: h.id, status: h.status });
      },
    }),
    route({
      method: 'post',
      path: '/handoffs/{id}/reply',
      operationId: 'replyHandoff',
      summary: 'Answer the person (sent through the outbox on their channel)',
      tag: 'Handoffs',
      write: true,
      params: idParam,
      body: z.strictObject({ text: z.string().trim().min(1).max(3500) }),
      responses: { 202: { description: 'Queued.' } },
      handler: async ({ c, principal, params, body }) => {
        await handoffErrors(() =>
          staffReply(db, params.id, principal.organisation.slug, staffId(principal.tokenId), body.text),
        );
        return c.body(null, 202);
      },
    }),
    route({
      method: 'post',
      path: '/handoffs/{id}/close',
      operationId: 'closeHandoff',
      summary: 'Close: the bot takes the chat back and asks for a rating',
      tag: 'Handoffs',
      write: true,
      params: idParam,
      responses: { 204: { description: 'Closed.' } },
      handler: async ({ c, principal, params }) => {
        await handoffErrors(() => closeHandoff(db, params.id, principal.organisation.slug));
        return c.body(null, 204);
      },
    }),
  ];
}
