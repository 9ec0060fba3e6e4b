import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { organisations } from '../db/schema';

import { type OfficeHours, parseOfficeHours } from '../shared/office-hours';

/** An organisation's own office hours, if its owners set them (a stored value that no longer parses is ignored). */
export async function officeHoursOf(
  db: Queryable,
  organisationSlug: string,
): Promise<OfficeHours | undefined> {
  const [row] = await db
    .select({ officeHours: organisations.officeHours })
    .from(organisations)
    .where(eq(organisations.slug, organisationSlug));
  if (!row?.officeHours) return undefined;
  try {
    return parseOfficeHours(row.officeHours);
  } catch {
    return undefined;
  }
}
