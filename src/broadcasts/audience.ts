import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import type { StoredProfile } from '../db/schema';
import { jakartaDay, toIsoDate } from '../eligibility';
import { evaluateFor } from '../eligibility/for-profile';
import type { AudienceFilter } from '../shared/audience';
import type { Channel } from '../shared/conversation';
import { CHANNELS } from '../shared/conversation';
import type { Programme } from '../shared/programme';
import { EDUCATION_LEVELS } from '../shared/vocabulary';

/*
 * Who a broadcast reaches. Set-based: one SELECT finds the candidates — opted in (a subscription whose
 * topic fits the broadcast's programme), not stopped, reachable, each on the one channel they used last,
 * matching the filters on their profile. "Eligible for programme X" then runs the eligibility engine
 * over those candidates (in memory, on the profile only: programme-specific questions are asked when
 * the person checks).
 */

/** What a broadcast is about: its subscribers' topics are matched against it. */
export interface BroadcastTopic {
  kind: string;
  field: string;
  province: string | null;
}

export interface Candidate {
  user_id: string;
  identity_id: string;
  channel: Channel;
  locale: string;
}

export interface AudienceOptions {
  topic?: BroadcastTopic;
  /** The programme of `eligible_for`, loaded by the caller (it checked the organisation owns it). */
  eligibleFor?: Pick<Programme, 'eligibility' | 'dates'>;
  today?: string;
}

/** A Postgres array literal for a text[] parameter (drizzle would spread a JS array into a list). */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** YYYY-MM-DD `years` before `day` (string arithmetic: a 29 February stays comparable). */
function yearsBefore(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) - years;
  return `${String(y).padStart(4, '0')}${day.slice(4)}`;
}

/**
 * The candidates' SELECT: user_id, identity_id, channel, locale (and the profile, for eligibility).
 * Each person once, on their most recently used reachable identity among the allowed channels.
 */
export function candidatesSql(
  filter: AudienceFilter,
  options: AudienceOptions,
  withProfile: boolean,
  /** Instead of the place filters: the candidates who have no place at all (neither domicile nor a subscribed province). */
  placeless = false,
): SQL {
  const today = options.today ?? toIsoDate(jakartaDay());
  const where: SQL[] = [sql`not i.unreachable`, sql`not u.broadcasts_stopped`];
  const topic = options.topic;
  where.push(
    topic
      ? sql`exists (select 1 from subscriptions s where s.user_id = i.user_id
          and (s.kind is null or s.kind = ${topic.kind})
          and (s.field is null or s.field = ${topic.field})
          and (s.province is null or ${topic.province}::text is null or s.province = ${topic.province}))`
      : sql`exists (select 1 from subscriptions s where s.user_id = i.user_id)`,
  );
  const channels = filter.channels ?? CHANNELS;
  where.push(sql`i.channel = any(${pgTextArray(channels)}::text[])`);

  // A place is where the person lives (their profile) or a province they subscribed to news of: someone
  // in Bekasi who asked for "pelatihan di Jawa Timur" wants East Java's broadcasts too.
  const places: SQL[] = [];
  if (filter.provinces?.length) {
    const provinces = pgTextArray(filter.provinces);
    places.push(
      sql`coalesce(p.data ->> 'domicileProvince', split_part(p.data ->> 'domicileRegency', '.', 1)) = any(${provinces}::text[])`,
      sql`exists (select 1 from subscriptions s3 where s3.user_id = i.user_id and s3.province = any(${provinces}::text[]))`,
    );
  }
  if (filter.regencies?.length)
    places.push(sql`p.data ->> 'domicileRegency' = any(${pgTextArray(filter.regencies)}::text[])`);
  if (placeless)
    where.push(sql`p.data ->> 'domicileProvince' is null and p.data ->> 'domicileRegency' is null
      and not exists (select 1 from subscriptions s4 where s4.user_id = i.user_id and s4.province is not null)`);
  else if (places.length) where.push(sql`(${sql.join(places, sql` or `)})`);
  if (filter.gender) where.push(sql`p.data ->> 'gender' = ${filter.gender}`);
  if (filter.age?.min !== undefined)
    where.push(sql`p.data ->> 'birthDate' <= ${yearsBefore(today, filter.age.min)}`);
  if (filter.age?.max !== undefined)
    where.push(sql`p.data ->> 'birthDate' > ${yearsBefore(today, filter.age.max + 1)}`);
  if (filter.education) {
    const min = filter.education.min ? EDUCATION_LEVELS.indexOf(filter.education.min) : 0;
    const max = filter.education.max
      ? EDUCATION_LEVELS.indexOf(filter.education.max)
      : EDUCATION_LEVELS.length - 1;
    where.push(
      sql`p.data #>> '{education,level}' = any(${pgTextArray(EDUCATION_LEVELS.slice(min, max + 1))}::text[])`,
    );
  }
  if (filter.interests?.length) {
    const fields = pgTextArray(filter.interests);
    where.push(sql`(exists (select 1 from subscriptions s2 where s2.user_id = i.user_id and s2.field = any(${fields}::text[]))
      or jsonb_exists_any(coalesce(p.data #> '{interests,fieldsRecommended}', '[]'::jsonb), ${fields}::text[]))`);
  }
  return sql`
    select distinct on (i.user_id) i.user_id, i.id as identity_id, i.channel, u.locale
      ${withProfile ? sql`, p.data as profile` : sql``}
    from identities i
    join users u on u.id = i.user_id
    left join profiles p on p.user_id = i.user_id
    where ${sql.join(where, sql` and `)}
    order by i.user_id, i.last_seen_at desc`;
}

export interface AudienceCount {
  recipients: number;
  byChannel: Partial<Record<Channel, number>>;
  /** With `eligible_for`: candidates left out because their profile misses something the programme needs. */
  incomplete?: number;
  /** With `eligible_for`: candidates who do not qualify. */
  ineligible?: number;
  /** With a province or regency filter: subscribers left out because nothing says where they are. */
  noPlace?: number;
}

/** Runs the eligibility engine over candidates; returns those who qualify (and the tallies). */
export function keepEligible(
  rows: Array<Candidate & { profile: StoredProfile | null }>,
  programme: Pick<Programme, 'eligibility' | 'dates'>,
  includeIncomplete: boolean,
  today?: string,
): { kept: Candidate[]; incomplete: number; ineligible: number } {
  // Programme-specific questions ("tinggi badan", "tato") are asked at the check, not known here.
  const { questions: _questions, ...profileRules } = programme.eligibility ?? {};
  const rulesOnly = { eligibility: profileRules, dates: programme.dates };
  const kept: Candidate[] = [];
  let incomplete = 0;
  let ineligible = 0;
  // The engine explains every check (≈ 0.2 ms a person); people with the same facts get the same outcome,
  // so each distinct profile is judged once. Interests, disability and answers are never rule inputs here.
  const outcomes = new Map<string, ReturnType<typeof evaluateFor>['outcome']>();
  for (const row of rows) {
    const { interests: _i, disability: _d, answers: _a, ...facts } = row.profile ?? {};
    const key = JSON.stringify(facts);
    let outcome = outcomes.get(key);
    if (outcome === undefined) {
      outcome = evaluateFor(rulesOnly as typeof programme, row.profile ?? {}, 'id', today).outcome;
      outcomes.set(key, outcome);
    }
    if (
      outcome === 'eligible' ||
      outcome === 'eligible_not_preferred' ||
      (includeIncomplete && outcome === 'incomplete')
    ) {
      const { profile: _p, ...candidate } = row;
      kept.push(candidate);
    } else if (outcome === 'incomplete') incomplete++;
    else ineligible++;
  }
  return { kept, incomplete, ineligible };
}

/** The eligible candidates in memory (only with `eligible_for`). */
export async function eligibleCandidates(
  db: Queryable,
  filter: AudienceFilter,
  options: AudienceOptions & { eligibleFor: Pick<Programme, 'eligibility' | 'dates'> },
): Promise<{ kept: Candidate[]; incomplete: number; ineligible: number }> {
  const rows = rowsOf<Candidate & { profile: StoredProfile | null }>(
    await db.execute(candidatesSql(filter, options, true)),
  );
  return keepEligible(rows, options.eligibleFor, filter.include_incomplete === true, options.today);
}

/** How many people a broadcast would reach now, per channel. */
export async function countAudience(
  db: Queryable,
  filter: AudienceFilter,
  options: AudienceOptions,
): Promise<AudienceCount> {
  const count = await countMatching(db, filter, options);
  if (!filter.provinces?.length && !filter.regencies?.length) return count;
  const [row] = rowsOf<{ n: number | string }>(
    await db.execute(sql`select count(*) as n from (${candidatesSql(filter, options, false, true)}) c`),
  );
  return { ...count, noPlace: Number(row?.n ?? 0) };
}

async function countMatching(
  db: Queryable,
  filter: AudienceFilter,
  options: AudienceOptions,
): Promise<AudienceCount> {
  if (options.eligibleFor) {
    const { kept, incomplete, ineligible } = await eligibleCandidates(db, filter, {
      ...options,
      eligibleFor: options.eligibleFor,
    });
    const byChannel: Partial<Record<Channel, number>> = {};
    for (const c of kept) byChannel[c.channel] = (byChannel[c.channel] ?? 0) + 1;
    return { recipients: kept.length, byChannel, incomplete, ineligible };
  }
  const rows = rowsOf<{ channel: Channel; n: number | string }>(
    await db.execute(
      sql`select c.channel, count(*) as n from (${candidatesSql(filter, options, false)}) c group by c.channel`,
    ),
  );
  const byChannel: Partial<Record<Channel, number>> = {};
  let recipients = 0;
  for (const row of rows) {
    byChannel[row.channel] = Number(row.n);
    recipients += Number(row.n);
  }
  return { recipients, byChannel };
}
