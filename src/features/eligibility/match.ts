import { sql } from 'drizzle-orm';
import type { Programme } from '../../catalogue/schema';
import type { Field } from '../../catalogue/vocabulary';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { StoredProfile } from '../../db/schema';
import { completedYears, type Evaluation, jakartaDay, parseIsoDate, toIsoDate } from '../../eligibility';
import type { Locale } from '../../i18n';
import { evaluateFor } from './evaluate';

export interface Match {
  id: string;
  slug: string;
  title: Programme['title'];
  field: Field;
  kind: string;
  province: string | null;
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
}

interface Row {
  id: string;
  slug: string;
  kind: string;
  field: Field;
  province: string | null;
  regency: string | null;
  fee_idr: number | string;
  stipend_idr: number | string;
  registration_closes: string | null;
  title: Programme['title'];
  eligibility: Programme['eligibility'];
  dates: Programme['dates'];
}

/**
 * The open programmes this person qualifies for, best first. Postgres drops what clearly cannot fit
 * (age range, women-only for men, closed registration) with cheap column and jsonb tests; the full
 * rules engine then judges the rest exactly, so the answer never depends on the pre-filter.
 */
export async function findMatches(
  db: Queryable,
  profile: StoredProfile,
  options: MatchOptions,
): Promise<Match[]> {
  const today = options.today ?? toIsoDate(jakartaDay());
  const birth = profile.birthDate ? parseIsoDate(profile.birthDate) : undefined;
  const age = birth ? completedYears(birth, parseIsoDate(today)!) : undefined;
  const conditions = [
    sql`p.status = 'open'`,
    sql`(p.registration_closes is null or p.registration_closes >= ${today}::date)`,
  ];
  if (profile.gender === 'laki_laki') conditions.push(sql`not p.women_only`);
  if (age !== undefined) {
    // A reference date up to a year ahead can add one year: leave that slack to the exact check.
    conditions.push(sql`coalesce((p.record #>> '{eligibility,age,max}')::int, 200) >= ${age}`);
    conditions.push(sql`coalesce((p.record #>> '{eligibility,age,min}')::int, 0) <= ${age + 1}`);
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
  const result = await db.execute(sql`
    select p.id, p.slug, p.kind, p.field, p.province, p.regency, p.fee_idr, p.stipend_idr,
      p.registration_closes::text as registration_closes,
      p.record -> 'title' as title, p.record -> 'eligibility' as eligibility, p.record -> 'dates' as dates
    from programmes p
    where ${sql.join(conditions, sql` and `)}`);
  const exclude = new Set(options.excludeIds ?? []);
  const interests = new Set(options.interests ?? []);
  const matches: Match[] = [];
  for (const row of rowsOf<Row>(result)) {
    if (exclude.has(row.id)) continue;
    const evaluation = evaluateFor(
      { eligibility: row.eligibility, dates: row.dates },
      profile,
      options.locale,
      today,
    );
    if (evaluation.outcome !== 'eligible' && evaluation.outcome !== 'eligible_not_preferred') continue;
    const reasons: Match['reasons'] = [];
    let score = evaluation.outcome === 'eligible' ? 10 : 6;
    if (interests.has(row.field)) {
      score += 5;
      reasons.push('interest');
    }
    const near =
      (profile.domicileRegency && row.regency === profile.domicileRegency) ||
      (profile.domicileProvince && row.province === profile.domicileProvince);
    if (near) {
      score += row.regency === profile.domicileRegency ? 4 : 3;
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
    const days = row.registration_closes
      ? (Date.parse(row.registration_closes) - Date.parse(today)) / 86_400_000
      : undefined;
    if (days !== undefined && days <= 7) reasons.push('closingSoon');
    matches.push({
      id: row.id,
      slug: row.slug,
      title: row.title,
      field: row.field,
      kind: row.kind,
      province: row.province,
      evaluation,
      score,
      reasons,
    });
  }
  matches.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
  return matches.slice(0, options.limit ?? 5);
}
