import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { ProgrammeStatus } from '../../shared/vocabulary';

/*
 * The organisation's programmes for the dashboard list: the same scope as the API (`programmes.organisation`
 * is the organisation's slug, src/organisations/programmes.ts), with seats taken and application counts.
 */

export interface ProgrammeListItem {
  slug: string;
  status: ProgrammeStatus;
  kind: string;
  title: { id: string; en?: string };
  mode: string;
  province: string | null;
  regency: string | null;
  country: string | null;
  registrationCloses: string | null;
  /** Registration closed: the status, or the deadline (a day in Jakarta) has passed. */
  closed: boolean;
  seatsTotal: number | null;
  seatsWomen: number | null;
  takenGeneral: number;
  takenWomen: number;
  /** Submitted applications (drafts are the person's own). */
  applications: number;
  waitlist: number;
  accepted: number;
}

interface Row {
  slug: string;
  status: ProgrammeStatus;
  kind: string;
  title: { id: string; en?: string };
  mode: string;
  province: string | null;
  regency: string | null;
  country: string | null;
  registration_closes: string | null;
  closed: boolean;
  seats_total: number | null;
  seats_women: number | null;
  taken_general: number | string | null;
  taken_women: number | string | null;
  applications: number | string;
  waitlist: number | string;
  accepted: number | string;
}

export const PROGRAMME_PAGE_SIZE = 25;

export async function listProgrammesWithCounts(
  db: Queryable,
  organisation: string,
  options: { status?: ProgrammeStatus | undefined; page: number; perPage?: number },
): Promise<{ total: number; items: ProgrammeListItem[] }> {
  const perPage = options.perPage ?? PROGRAMME_PAGE_SIZE;
  const condition = options.status
    ? sql`p.organisation = ${organisation} and p.status = ${options.status}`
    : sql`p.organisation = ${organisation}`;
  const [count] = rowsOf<{ n: number | string }>(
    await db.execute(sql`select count(*) as n from programmes p where ${condition}`),
  );
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select p.slug, p.status, p.kind, p.record -> 'title' as title, p.mode, p.province, p.regency, p.country,
        p.registration_closes::text as registration_closes,
        (p.status = 'closed' or p.registration_closes < (now() at time zone 'Asia/Jakarta')::date) as closed,
        p.seats_total, p.seats_women, s.taken_general, s.taken_women,
        coalesce(a.applications, 0) as applications, coalesce(a.waitlist, 0) as waitlist,
        coalesce(a.accepted, 0) as accepted
      from programmes p
      left join programme_seats s on s.programme_id = p.id
      left join lateral (
        select count(*) filter (where status <> 'draft') as applications,
          count(*) filter (where status = 'cadangan') as waitlist,
          count(*) filter (where status = 'diterima') as accepted
        from applications where programme_id = p.id
      ) a on true
      where ${condition}
      order by (p.status = 'open') desc, p.registration_closes asc nulls last, p.slug
      limit ${perPage} offset ${(Math.max(1, options.page) - 1) * perPage}`),
  );
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      slug: r.slug,
      status: r.status,
      kind: r.kind,
      title: r.title,
      mode: r.mode,
      province: r.province,
      regency: r.regency,
      country: r.country,
      registrationCloses: r.registration_closes,
      closed: r.closed === true,
      seatsTotal: r.seats_total,
      seatsWomen: r.seats_women,
      takenGeneral: Number(r.taken_general ?? 0),
      takenWomen: Number(r.taken_women ?? 0),
      applications: Number(r.applications),
      waitlist: Number(r.waitlist),
      accepted: Number(r.accepted),
    })),
  };
}

/** Whose programme a slug is: `own`, `other` (another organisation's, or the shared catalogue's), or `none`. */
export async function programmeOwnership(
  db: Queryable,
  organisation: string,
  slug: string,
): Promise<'own' | 'other' | 'none'> {
  const [row] = rowsOf<{ organisation: string | null }>(
    await db.execute(sql`select organisation from programmes where slug = ${slug}`),
  );
  if (!row) return 'none';
  return row.organisation === organisation ? 'own' : 'other';
}

/** The organisation's programmes as choices for filters: slug and title, by title. */
export async function programmeChoices(
  db: Queryable,
  organisation: string,
): Promise<{ slug: string; title: { id: string; en?: string } }[]> {
  return rowsOf<{ slug: string; title: { id: string; en?: string } }>(
    await db.execute(sql`
      select slug, record -> 'title' as title from programmes
      where organisation = ${organisation} order by record #>> '{title,id}', slug`),
  );
}

/** Slugs of any organisation (or the shared catalogue) that are `base` or `base-<n>`. */
export async function slugsLike(db: Queryable, base: string): Promise<Set<string>> {
  const rows = rowsOf<{ slug: string }>(
    await db.execute(sql`select slug from programmes where slug = ${base} or slug ~ ${`^${base}-[0-9]+$`}`),
  );
  return new Set(rows.map((r) => r.slug));
}
