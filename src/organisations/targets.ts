import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { pgTextArray } from '../broadcasts/audience';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import { organisations, recruitmentTargets } from '../db/schema';
import { type ApplicationStatus, STAFF_STATUSES, SUBMITTED_OPEN } from '../shared/application-statuses';
import { emitBuilt } from '../webhooks/events';
import { ownsProgramme } from './referrals';

/*
 * Recruitment targets: "≥ 100 participants, ≥ 50 % women, ≥ 5 % with disabilities" for one programme
 * of the organisation or all of them. Progress is counted from applications (the coarse columns the
 * applications keep for statistics, and the disability the person declared in their profile), never
 * listing anyone.
 */

/** Submitted applications still in the running: what counts as a participant unless the target says. */
export const DEFAULT_COUNTED: readonly ApplicationStatus[] = SUBMITTED_OPEN;

const COUNTABLE = ['diajukan', ...STAFF_STATUSES] as const;
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a programme slug');

export const targetFields = {
  name: z.string().trim().min(1).max(200),
  programme: slug
    .nullable()
    .optional()
    .describe('A programme of the organisation; omit or null for all of them.'),
  participants: z.number().int().min(1).max(1_000_000).nullable().optional().describe('At least this many.'),
  women_percent: z
    .number()
    .int()
    .min(0)
    .max(100)
    .nullable()
    .optional()
    .describe('At least this share of women.'),
  disability_percent: z
    .number()
    .int()
    .min(0)
    .max(100)
    .nullable()
    .optional()
    .describe('At least this share of people who declared a disability.'),
  statuses: z
    .array(z.enum(COUNTABLE))
    .min(1)
    .nullable()
    .optional()
    .describe(
      `Application statuses that count; default ${DEFAULT_COUNTED.join(', ')}. ["diterima"]: accepted only.`,
    ),
  deadline: z.iso.date().nullable().optional(),
};
export const targetInputSchema = z.strictObject(targetFields);
export const targetPatchSchema = z.strictObject({ ...targetFields, name: targetFields.name.optional() });
export type TargetInput = z.infer<typeof targetInputSchema>;

export type Target = typeof recruitmentTargets.$inferSelect;

export class TargetError extends Error {}

interface Org {
  id: string;
  slug: string;
}

function columns(input: Partial<TargetInput>) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.programme !== undefined ? { programmeSlug: input.programme } : {}),
    ...(input.participants !== undefined ? { participants: input.participants } : {}),
    ...(input.women_percent !== undefined ? { womenPercent: input.women_percent } : {}),
    ...(input.disability_percent !== undefined ? { disabilityPercent: input.disability_percent } : {}),
    ...(input.statuses !== undefined ? { statuses: input.statuses } : {}),
    ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
  };
}

export async function createTarget(db: Queryable, org: Org, input: TargetInput): Promise<Target> {
  if (input.programme && !(await ownsProgramme(db, org.slug, input.programme)))
    throw new TargetError(`programme "${input.programme}" is not one of this organisation's`);
  const [row] = await db
    .insert(recruitmentTargets)
    .values({ organisationId: org.id, name: input.name, ...columns(input) })
    .returning();
  await checkTargetsReached(db, { targetId: row!.id });
  return row!;
}

export async function listTargets(db: Queryable, org: Org): Promise<Target[]> {
  return db
    .select()
    .from(recruitmentTargets)
    .where(eq(recruitmentTargets.organisationId, org.id))
    .orderBy(asc(recruitmentTargets.createdAt));
}

export async function getTarget(db: Queryable, org: Org, id: string): Promise<Target | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db
    .select()
    .from(recruitmentTargets)
    .where(and(eq(recruitmentTargets.id, id), eq(recruitmentTargets.organisationId, org.id)));
  return row;
}

export async function updateTarget(
  db: Queryable,
  org: Org,
  id: string,
  patch: Partial<TargetInput>,
): Promise<Target | undefined> {
  if (patch.programme && !(await ownsProgramme(db, org.slug, patch.programme)))
    throw new TargetError(`programme "${patch.programme}" is not one of this organisation's`);
  if (!(await getTarget(db, org, id))) return undefined;
  // Edited goals are a new target to reach: `target.reached` may fire again.
  const [row] = await db
    .update(recruitmentTargets)
    .set({ ...columns(patch), reachedAt: null, updatedAt: sql`now()` })
    .where(and(eq(recruitmentTargets.id, id), eq(recruitmentTargets.organisationId, org.id)))
    .returning();
  if (row) await checkTargetsReached(db, { targetId: row.id });
  return row;
}

export async function deleteTarget(db: Queryable, org: Org, id: string): Promise<boolean> {
  if (!(await getTarget(db, org, id))) return false;
  await db
    .delete(recruitmentTargets)
    .where(and(eq(recruitmentTargets.id, id), eq(recruitmentTargets.organisationId, org.id)));
  return true;
}

export interface GoalProgress {
  count: number;
  /** Share of participants, in percent (one decimal). */
  percent?: number;
  goal: number | null;
  met: boolean | null;
  /** Disability: participants never asked, or who did not answer (the share counts them as "no"). */
  unknown?: number;
}

export interface TargetProgress {
  participants: GoalProgress;
  women: GoalProgress;
  disability: GoalProgress;
  /** Applications of the target's programme(s) per status (all statuses, for context). */
  byStatus: Record<string, number>;
  /** Counted participants who came through each referral link (code → count). */
  byReferral: Record<string, number>;
  /** Every set goal is met. */
  met: boolean;
}

export async function targetProgress(db: Queryable, org: Org, target: Target): Promise<TargetProgress> {
  const counted = target.statuses?.length ? target.statuses : [...DEFAULT_COUNTED];
  const scope = sql`p.organisation = ${org.slug} ${target.programmeSlug ? sql`and p.slug = ${target.programmeSlug}` : sql``}`;
  const statuses = pgTextArray(counted);
  const [totals] = rowsOf<{
    participants: number | string;
    women: number | string;
    disability: number | string;
    disability_unknown: number | string;
  }>(
    await db.execute(sql`
      select count(*) as participants,
        count(*) filter (where a.gender = 'perempuan') as women,
        count(*) filter (where pr.data #>> '{disability,declared}' = 'true') as disability,
        count(*) filter (where pr.data #>> '{disability,declared}' is null) as disability_unknown
      from applications a
      join programmes p on p.id = a.programme_id
      left join profiles pr on pr.user_id = a.user_id
      where ${scope} and a.status = any(${statuses}::text[])`),
  );
  const byStatus = Object.fromEntries(
    rowsOf<{ status: string; n: number | string }>(
      await db.execute(sql`
        select a.status, count(*) as n from applications a join programmes p on p.id = a.programme_id
        where ${scope} and a.status <> 'draft' group by a.status`),
    ).map((r) => [r.status, Number(r.n)]),
  );
  const byReferral = Object.fromEntries(
    rowsOf<{ code: string; n: number | string }>(
      await db.execute(sql`
        select l.code, count(*) as n from applications a
        join programmes p on p.id = a.programme_id
        join referral_attributions ra on ra.user_id = a.user_id
        join referral_links l on l.id = ra.referral_link_id and l.organisation_id = ${org.id}
        where ${scope} and a.status = any(${statuses}::text[]) group by l.code`),
    ).map((r) => [r.code, Number(r.n)]),
  );
  const participants = Number(totals?.participants ?? 0);
  const share = (n: number) => (participants ? Math.round((n / participants) * 1000) / 10 : 0);
  const women = Number(totals?.women ?? 0);
  const disability = Number(totals?.disability ?? 0);
  const result: TargetProgress = {
    participants: {
      count: participants,
      goal: target.participants,
      met: target.participants === null ? null : participants >= target.participants,
    },
    women: {
      count: women,
      percent: share(women),
      goal: target.womenPercent,
      met:
        target.womenPercent === null
          ? null
          : participants > 0 && women * 100 >= target.womenPercent * participants,
    },
    disability: {
      count: disability,
      unknown: Number(totals?.disability_unknown ?? 0),
      percent: share(disability),
      goal: target.disabilityPercent,
      met:
        target.disabilityPercent === null
          ? null
          : participants > 0 && disability * 100 >= target.disabilityPercent * participants,
    },
    byStatus,
    byReferral,
    met: false,
  };
  result.met = [result.participants.met, result.women.met, result.disability.met].every((m) => m !== false);
  return result;
}

/**
 * `target.reached` (outbound webhooks): after a change that can move progress — an application
 * submitted or changing status in a programme, a target created or edited — every target it concerns
 * that has goals, is not reached yet and whose organisation has an endpoint listening is measured; one
 * whose every goal is met is marked reached (once, until it is edited) and the event written, in the
 * caller's transaction. Without a listening endpoint this is one indexed query.
 */
export async function checkTargetsReached(
  db: Queryable,
  scope: { programmeId: string } | { targetId: string },
): Promise<number> {
  const where =
    'targetId' in scope
      ? sql`${recruitmentTargets.id} = ${scope.targetId}::uuid`
      : sql`${organisations.slug} = (select organisation from programmes where id = ${scope.programmeId}::uuid)
          and (${recruitmentTargets.programmeSlug} is null
               or ${recruitmentTargets.programmeSlug} = (select slug from programmes where id = ${scope.programmeId}::uuid))`;
  const candidates = await db
    .select({ target: recruitmentTargets, slug: organisations.slug })
    .from(recruitmentTargets)
    .innerJoin(organisations, eq(organisations.id, recruitmentTargets.organisationId))
    .where(
      and(
        isNull(recruitmentTargets.reachedAt),
        where,
        sql`exists (select 1 from webhook_endpoints ep where ep.organisation_id = ${organisations.id}
              and ep.enabled and 'target.reached' = any(ep.events))`,
      ),
    );
  let reached = 0;
  for (const { target, slug } of candidates) {
    const hasGoal = [target.participants, target.womenPercent, target.disabilityPercent].some(
      (g) => g !== null,
    );
    if (!hasGoal) continue;
    const progress = await targetProgress(db, { id: target.organisationId, slug }, target);
    if (!progress.met) continue;
    const marked = await db
      .update(recruitmentTargets)
      .set({ reachedAt: sql`now()` })
      .where(and(eq(recruitmentTargets.id, target.id), isNull(recruitmentTargets.reachedAt)))
      .returning({ id: recruitmentTargets.id });
    if (!marked.length) continue;
    await emitBuilt(db, {
      type: 'target.reached',
      organisationId: target.organisationId,
      data: {
        target: {
          id: target.id,
          name: target.name,
          programme: target.programmeSlug,
          goals: {
            participants: target.participants,
            women_percent: target.womenPercent,
            disability_percent: target.disabilityPercent,
          },
          progress: {
            participants: progress.participants.count,
            women_percent: progress.women.percent ?? 0,
            disability_percent: progress.disability.percent ?? 0,
          },
        },
      },
    });
    reached++;
  }
  return reached;
}
