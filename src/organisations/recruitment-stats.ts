import { sql } from 'drizzle-orm';
import { pgTextArray } from '../broadcasts/audience';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';

/*
 * The numbers behind the dashboard's recruitment charts (issue #8): a funnel of people and breakdowns
 * of applications, for the organisation or one of its programmes. Counts only — nobody is listed — and
 * every query is scoped to the organisation (its id for links and broadcasts, its slug for programmes).
 */

export interface StatsScope {
  organisation: { id: string; slug: string };
  /** One programme of the organisation; absent or null for all of them. */
  programme?: string | null;
}

/**
 * People at each stage; each stage counts everyone who got at least that far, so the funnel never
 * widens (someone who applied without a recorded check still checked: the chat asks first).
 */
export interface Funnel {
  /**
   * Touched by the organisation: arrived through one of its referral links, received one of its
   * broadcasts, opened, saved or showed interest in one of its programmes, checked eligibility for one,
   * or started an application to one.
   */
  reached: number;
  /** Checked their eligibility for one of its programmes (or applied). */
  checked: number;
  /** Submitted an application (any status after the draft). */
  applied: number;
  /** An application is `diterima`. */
  accepted: number;
}

/** An application without a person any more (anonymised) still counts as one, on its own. */
const PERSON = sql.raw(`coalesce(a.user_id::text, 'application:' || a.id::text)`);

export async function recruitmentFunnel(db: Queryable, scope: StatsScope): Promise<Funnel> {
  const { organisation, programme } = scope;
  const own = sql`select id, slug from programmes where organisation = ${organisation.slug}
    ${programme ? sql`and slug = ${programme}` : sql``}`;
  // A link or broadcast counts for a programme when it is about that programme.
  const linkScope = programme ? sql`and l.programme_slug = ${programme}` : sql``;
  const broadcastScope = programme ? sql`and b.programme_slug = ${programme}` : sql``;
  const [row] = rowsOf<Record<keyof Funnel, number | string>>(
    await db.execute(sql`
      with own as (${own}),
      touches (who, stage) as (
        select ra.user_id::text, 1 from referral_attributions ra
          join referral_links l on l.id = ra.referral_link_id
          where ra.organisation_id = ${organisation.id} ${linkScope}
        union all
        select m.user_id::text, 1 from messages m
          join broadcasts b on b.id = m.broadcast_id
          where b.organisation_id = ${organisation.id} ${broadcastScope}
            and m.status = 'sent' and m.user_id is not null
        union all
        select e.user_id::text, case when e.kind = 'eligibility_checked' then 2 else 1 end
          from engagement_events e join own on own.slug = e.programme_slug
        union all
        select s.user_id::text, 1 from saved_programmes s join own on own.id = s.programme_id
        union all
        select i.user_id::text, 1 from programme_interests i join own on own.id = i.programme_id
          where i.user_id is not null
        union all
        select ${PERSON}, case when a.status = 'diterima' then 4 when a.status <> 'draft' then 3 else 1 end
          from applications a join own on own.id = a.programme_id
      ),
      people as (select who, max(stage) as stage from touches group by who)
      select count(*) as reached,
        count(*) filter (where stage >= 2) as checked,
        count(*) filter (where stage >= 3) as applied,
        count(*) filter (where stage >= 4) as accepted
      from people`),
  );
  return {
    reached: Number(row?.reached ?? 0),
    checked: Number(row?.checked ?? 0),
    applied: Number(row?.applied ?? 0),
    accepted: Number(row?.accepted ?? 0),
  };
}

export interface ApplicantBreakdown {
  /** Applications counted. */
  total: number;
  gender: { perempuan: number; laki_laki: number; unknown: number };
  /** From the person's profile: declared a disability, said they have none, or not known (no answer, erased). */
  disability: { declared: number; none: number; unknown: number };
  /** Province code (null: not known) → applications, most first. */
  provinces: Array<{ code: string | null; count: number }>;
}

/**
 * Applications of the scope by gender, disability and province. `statuses`: which count (a target's
 * own list); default every submitted application.
 */
export async function applicantBreakdown(
  db: Queryable,
  scope: StatsScope,
  statuses?: readonly string[] | null,
): Promise<ApplicantBreakdown> {
  const where = sql`p.organisation = ${scope.organisation.slug}
    ${scope.programme ? sql`and p.slug = ${scope.programme}` : sql``}
    and ${statuses?.length ? sql`a.status = any(${pgTextArray(statuses)}::text[])` : sql`a.status <> 'draft'`}`;
  const [totals] = rowsOf<Record<string, number | string>>(
    await db.execute(sql`
      select count(*) as total,
        count(*) filter (where a.gender = 'perempuan') as perempuan,
        count(*) filter (where a.gender = 'laki_laki') as laki_laki,
        count(*) filter (where pr.data #>> '{disability,declared}' = 'true') as declared,
        count(*) filter (where pr.data #>> '{disability,declared}' = 'false') as none
      from applications a
      join programmes p on p.id = a.programme_id
      left join profiles pr on pr.user_id = a.user_id
      where ${where}`),
  );
  const provinces = rowsOf<{ code: string | null; n: number | string }>(
    await db.execute(sql`
      select a.province as code, count(*) as n from applications a
      join programmes p on p.id = a.programme_id
      where ${where}
      group by a.province order by count(*) desc, a.province`),
  );
  const n = (key: string) => Number(totals?.[key] ?? 0);
  const total = n('total');
  return {
    total,
    gender: {
      perempuan: n('perempuan'),
      laki_laki: n('laki_laki'),
      unknown: total - n('perempuan') - n('laki_laki'),
    },
    disability: { declared: n('declared'), none: n('none'), unknown: total - n('declared') - n('none') },
    provinces: provinces.map((r) => ({ code: r.code, count: Number(r.n) })),
  };
}
