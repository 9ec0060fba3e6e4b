import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { programmes } from '../db/schema';
import type { ProgrammeStatus } from '../shared/vocabulary';

/** A programme of the organisation as a form offers it: slug, title per language, status. */
export interface ProgrammeChoice {
  slug: string;
  title: { id: string; en?: string | undefined };
  status: ProgrammeStatus;
}

/**
 * Every programme the organisation owns, for the dashboard's selects (targets, broadcasts). Small
 * organisations have tens of programmes; the cap keeps a select usable and the page light.
 */
export async function programmeChoices(db: Queryable, organisationSlug: string): Promise<ProgrammeChoice[]> {
  const rows = await db
    .select({ slug: programmes.slug, status: programmes.status, record: programmes.record })
    .from(programmes)
    .where(eq(programmes.organisation, organisationSlug))
    .orderBy(asc(programmes.slug))
    .limit(500);
  return rows.map((r) => ({ slug: r.slug, status: r.status, title: r.record.title }));
}

/** The programme's title in the page's language. */
export function choiceTitle(choice: ProgrammeChoice, locale: 'id' | 'en'): string {
  return (locale === 'en' && choice.title.en) || choice.title.id;
}
