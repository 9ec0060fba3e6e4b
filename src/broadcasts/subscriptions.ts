import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import { subscriptions } from '../db/schema';
import { jakartaDay, toIsoDate } from '../eligibility';

/** One opt-in topic; null means "any". */
export interface Topic {
  kind: string | null;
  field: string | null;
  province: string | null;
}

export async function addSubscriptions(db: Queryable, userId: string, topics: Topic[]): Promise<void> {
  if (topics.length === 0) return;
  await db
    .insert(subscriptions)
    .values(topics.map((t) => ({ userId, kind: t.kind, field: t.field, province: t.province })))
    .onConflictDoNothing();
}

export async function listSubscriptions(db: Queryable, userId: string): Promise<Topic[]> {
  return db
    .select({ kind: subscriptions.kind, field: subscriptions.field, province: subscriptions.province })
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId));
}

export async function hasSubscription(db: Queryable, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .limit(1);
  return row !== undefined;
}

/**
 * True the first time it is asked for a person who has no subscription (and records that the offer was
 * made): the bot offers subscribing once, never again.
 */
export async function offerOnce(db: Queryable, userId: string): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`
      insert into subscription_prompts (user_id)
      select ${userId}::uuid where not exists (select 1 from subscriptions where user_id = ${userId}::uuid)
      on conflict (user_id) do nothing
      returning 1`),
  );
  return rows.length > 0;
}

export interface SegmentCount {
  value: string | null;
  count: number;
}

export interface SubscriberCounts {
  /** Opted in, not stopped, reachable on some channel. */
  total: number;
  byChannel: SegmentCount[];
  byProvince: SegmentCount[];
  byGender: SegmentCount[];
  byAgeBand: SegmentCount[];
  byEducation: SegmentCount[];
  byTopicKind: SegmentCount[];
  byTopicField: SegmentCount[];
}

/**
 * Counts of the people broadcasts can reach, one dimension at a time (never crossed, and only counts:
 * nothing here identifies anyone). Channel is the one each person used last; "null" is unknown/any.
 */
export async function subscriberCounts(
  db: Queryable,
  today = toIsoDate(jakartaDay()),
): Promise<SubscriberCounts> {
  const base = sql`
    with active as (
      select distinct on (i.user_id) i.user_id, i.channel, p.data as profile
      from identities i
      join users u on u.id = i.user_id
      left join profiles p on p.user_id = i.user_id
      where not i.unreachable and not u.broadcasts_stopped
        and exists (select 1 from subscriptions s where s.user_id = i.user_id)
      order by i.user_id, i.last_seen_at desc
    )`;
  const dimension = async (select: ReturnType<typeof sql>): Promise<SegmentCount[]> =>
    rowsOf<{ value: string | null; n: number | string }>(
      await db.execute(
        sql`${base} select value, count(*) as n from (${select}) d group by value order by count(*) desc, value`,
      ),
    ).map((r) => ({ value: r.value, count: Number(r.n) }));
  const age = sql`extract(year from age(${today}::date, (profile ->> 'birthDate')::date))`;
  const [byChannel, byProvince, byGender, byAgeBand, byEducation, byTopicKind, byTopicField] = [
    await dimension(sql`select channel as value from active`),
    await dimension(
      sql`select coalesce(profile ->> 'domicileProvince', split_part(profile ->> 'domicileRegency', '.', 1)) as value from active`,
    ),
    await dimension(sql`select profile ->> 'gender' as value from active`),
    await dimension(sql`
      select case
        when coalesce(profile ->> 'birthDate', '') !~ '^\\d{4}-\\d{2}-\\d{2}$' then null
        when ${age} < 18 then 'under 18'
        when ${age} < 25 then '18-24'
        when ${age} < 30 then '25-29'
        when ${age} < 36 then '30-35'
        else '36+' end as value from active`),
    await dimension(sql`select profile #>> '{education,level}' as value from active`),
    await dimension(
      sql`select s.kind as value from active a join subscriptions s on s.user_id = a.user_id group by a.user_id, s.kind`,
    ),
    await dimension(
      sql`select s.field as value from active a join subscriptions s on s.user_id = a.user_id group by a.user_id, s.field`,
    ),
  ];
  const total = byChannel.reduce((sum, c) => sum + c.count, 0);
  return { total, byChannel, byProvince, byGender, byAgeBand, byEducation, byTopicKind, byTopicField };
}
