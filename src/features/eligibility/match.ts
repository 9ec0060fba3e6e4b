import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { StoredProfile } from '../../db/schema';
import { completedYears, type Evaluation, jakartaDay, parseIsoDate, toIsoDate } from '../../eligibility';
import { evaluateFor } from '../../eligibility/for-profile';
import type { Locale } from '../../i18n';
import type { Programme } from '../../shared/programme';
import type { Field } from '../../shared/vocabulary';

export interface Match {
  id: string;
  slug: string;
  title: Programme['title'];
  field: Field;
  kind: string;
  province: string | null;
  regency: string | null;
  country: string | null;
  mode: string;
  /** When registration closes (ISO date), for the list line. */
  registrationCloses: string | null;
  /**
   * How near it is to where the person lives: 0 their regency, 1 their province, 2 online or abroad
   * (reachable from anywhere, or a move they would make anyway), 3 somewhere else in Indonesia.
   */
  distance: number;
  evaluation: Evaluation;
  score: number;
  /** Why it fits, as keys for a one-line reason. */
  reasons: Array<'near' | 'interest' | 'closingSoon' | 'free' | 'stipend'>;
}

export interface MatchOptions {
  locale: Locale;
  limit?: number;
  /** Fields the person is interested in (quiz result, or what they searched for). */
  interests?: Field[];
  /** Only these kinds / fields (what the person asked about). */
  kinds?: string[];
  fields?: Field[];
  excludeIds?: string[];
  today?: string;
  /**
   * Nearest first (after a refusal: "what else is there for me here?"): the person's regency, then
   * province, then online and abroad, then the rest; the score orders within each. Without a known
   * domicile it changes nothing.
   */
  nearFirst?: boolean;
  /**
   * Also what may fit: nothing failed, but some rules need what the person has not said (for facts
   * stated in one message, "umur 29, di kab bekasi, lulusan sma"). Ranked below what surely fits.
   */
  mayFit?: boolean;
}

interface Row {
  id: string;
  slug: string;
  kind: string;
  field: Field;
  province: string | null;
  regency: string | null;
  country: string | null;
  mode: string;
  fee_idr: number | string;
  stipend_idr: number | string;
  registration_closes: string | null;
  title: Programme['title'];
  eligibility: Programme['eligibility'];
  dates: Programme['dates'];
}

const EDUCATION_RANK_SQL = sql.raw(`case p.record #>> '{eligibility,education,min}'
  when 'SD' then 0 when 'SMP' then 1 when 'SMA' then 2 when 'SMK' then 2 when 'MA' then 2
  when 'D1' then 3 when 'D2' then 4 when 'D3' then 5 when 'S1' then 6 when 'D4' then 6 when 'S2' then 7 when 'S3' then 8
  else 0 end`);
const EDUCATION_RANK: Record<string, number> = {
  SD: 0,
  SMP: 1,
  SMA: 2,
  D1: 3,
  D2: 4,
  D3: 5,
  S1: 6,
  S2: 7,
  S3: 8,
};

/** A rule the organisers marked "diutamakan" only: a miss does not disqualify, so no pre-filter on it. */
const preferred = (rule: string) =>
  sql.raw(`coalesce(p.record #> '{eligibility,preferred}', '[]'::jsonb) ? '${rule}'`);

/** Above any score a programme can reach: one step of distance outranks every score. */
const TIER = 100;

/** Programmes looked at per round trip, best possible score first. */
const PAGE = 100;

/**
 * The open programmes this person qualifies for, best first.
 *
 * Postgres drops what clearly cannot fit (closed, age range, education, women-only for men, another
 * region) with cheap column and jsonb tests that never exclude a possible match, and orders the rest by
 * the best score each could reach. The rules engine then judges them exactly, page by page, and stops
 * as soon as nothing further down could beat what it has — so a 10,000-programme catalogue costs a
 * page or two of evaluations, not ten thousand.
 */
export async function findMatches(
  db: Queryable,
  profile: StoredProfile,
  options: MatchOptions,
): Promise<Match[]> {
  const today = options.today ?? toIsoDate(jakartaDay());
  const limit = options.limit ?? 5;
  const birth = profile.birthDate ? parseIsoDate(profile.birthDate) : undefined;
  const age = birth ? completedYears(birth, parseIsoDate(today)!) : undefined;
  const conditions = [
    sql`p.status = 'open'`,
    sql`(p.registration_closes is null or p.registration_closes >= ${today}::date)`,
  ];
  if (profile.gender === 'laki_laki') conditions.push(sql`(not p.women_only or ${preferred('gender')})`);
  if (age !== undefined) {
    // A reference date up to a year ahead can add one year: leave that slack to the exact check.
    conditions.push(
      sql`(coalesce((p.record #>> '{eligibility,age,max}')::int, 200) >= ${age} or ${preferred('age')})`,
    );
    conditions.push(
      sql`(coalesce((p.record #>> '{eligibility,age,min}')::int, 0) <= ${age + 1} or ${preferred('age')})`,
    );
  }
  if (profile.education) {
    const rank = EDUCATION_RANK[profile.education.level] ?? 8;
    conditions.push(sql`(${EDUCATION_RANK_SQL} <= ${rank} or ${preferred('education')})`);
  }
  if (profile.domicileProvince) {
    const places = [profile.domicileProvince, ...(profile.domicileRegency ? [profile.domicileRegency] : [])];
    conditions.push(sql`(jsonb_array_length(coalesce(p.record #> '{eligibility,domicile}', '[]'::jsonb)) = 0
      or (p.record #> '{eligibility,domicile}') ?| array[${sql.join(
        places.map((x) => sql`${x}`),
        sql`, `,
      )}]::text[]
      or ${preferred('domicile')})`);
  }
  if (options.kinds?.length)
    conditions.push(
      sql`p.kind in (${sql.join(
        options.kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`,
    );
  if (options.fields?.length)
    conditions.push(
      sql`p.field in (${sql.join(
        options.fields.map((f) => sql`${f}`),
        sql`, `,
      )})`,
    );
  if (options.excludeIds?.length)
    conditions.push(
      sql`p.id not in (${sql.join(
        options.excludeIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );

  // The most a programme could score (as if eligible); the exact score is computed below.
  const interests = [...new Set(options.interests ?? [])];
  const interestBonus = interests.length
    ? sql`case when p.field in (${sql.join(
        interests.map((f) => sql`${f}`),
        sql`, `,
      )}) then 5 else 0 end`
    : sql`0`;
  const nearBonus = profile.domicileRegency
    ? sql`case when p.regency = ${profile.domicileRegency} then 4 when p.province = ${profile.domicileProvince ?? ''} then 3 else 0 end`
    : profile.domicileProvince
      ? sql`case when p.province = ${profile.domicileProvince} then 3 else 0 end`
      : sql`0`;
  const best = sql`(10 + ${interestBonus} + ${nearBonus} + case when p.fee_idr = 0 then 1 else 0 end + case when p.stipend_idr > 0 then 1 else 0 end)`;
  // Nearest first: the distance outranks any score (scores stay below TIER), so pages come tier by tier.
  const nearFirst = Boolean(options.nearFirst && profile.domicileProvince);
  const distance = sql`case
    when ${profile.domicileRegency ?? ''} <> '' and p.regency = ${profile.domicileRegency ?? ''} then 0
    when p.province = ${profile.domicileProvince ?? ''} and p.country is null then 1
    when p.mode = 'daring' or p.country is not null then 2 else 3 end`;
  const bound = nearFirst ? sql`((3 - ${distance}) * ${TIER} + ${best})` : best;

  const interestSet = new Set(interests);
  const matches: Match[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const result = await db.execute(sql`
      select p.id, p.slug, p.kind, p.field, p.province, p.regency, p.country, p.mode, p.fee_idr, p.stipend_idr,
        p.registration_closes::text as registration_closes, ${bound} as bound,
        p.record -> 'title' as title, p.record -> 'eligibility' as eligibility, p.record -> 'dates' as dates
      from programmes p
      where ${sql.join(conditions, sql` and `)}
      order by bound desc, p.registration_closes asc nulls last, p.slug
      limit ${PAGE} offset ${offset}`);
    const rows = rowsOf<Row & { bound: number }>(result);
    const rank = (m: Match) => (nearFirst ? (3 - m.distance) * TIER : 0) + m.score;
    for (const row of rows) {
      const worstKept = matches.length >= limit ? rank(matches[limit - 1]!) : Number.NEGATIVE_INFINITY;
      if (Number(row.bound) < worstKept) return matches.slice(0, limit);
      const match = judge(row, profile, options.locale, today, interestSet, options.mayFit === true);
      if (!match) continue;
      matches.push(match);
      matches.sort((a, b) => rank(b) - rank(a) || a.slug.localeCompare(b.slug));
    }
    if (rows.length < PAGE) return matches.slice(0, limit);
  }
}

function judge(
  row: Row,
  profile: StoredProfile,
  locale: Locale,
  today: string,
  interests: Set<Field>,
  mayFit: boolean,
): Match | undefined {
  const evaluation = evaluateFor({ eligibility: row.eligibility, dates: row.dates }, profile, locale, today);
  const fits = evaluation.outcome === 'eligible' || evaluation.outcome === 'eligible_not_preferred';
  if (!fits && !(mayFit && evaluation.outcome === 'incomplete')) return undefined;
  const reasons: Match['reasons'] = [];
  let score = evaluation.outcome === 'eligible' ? 10 : evaluation.outcome === 'incomplete' ? 5 : 6;
  if (interests.has(row.field)) {
    score += 5;
    reasons.push('interest');
  }
  if (profile.domicileRegency && row.regency === profile.domicileRegency) {
    score += 4;
    reasons.push('near');
  } else if (profile.domicileProvince && row.province === profile.domicileProvince) {
    score += 3;
    reasons.push('near');
  }
  if (Number(row.fee_idr) === 0) {
    score += 1;
    reasons.push('free');
  }
  if (Number(row.stipend_idr) > 0) {
    score += 1;
    reasons.push('stipend');
  }
  const distance =
    profile.domicileRegency && row.regency === profile.domicileRegency
      ? 0
      : profile.domicileProvince && row.province === profile.domicileProvince && !row.country
        ? 1
        : row.mode === 'daring' || row.country
          ? 2
          : 3;
  const days = row.registration_closes
    ? (Date.parse(row.registration_closes) - Date.parse(today)) / 86_400_000
    : undefined;
  if (days !== undefined && days <= 7) reasons.push('closingSoon');
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    field: row.field,
    kind: row.kind,
    province: row.province,
    regency: row.regency,
    country: row.country,
    mode: row.mode,
    registrationCloses: row.registration_closes,
    distance,
    evaluation,
    score,
    reasons,
  };
}
