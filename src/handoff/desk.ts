import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';

/*
 * The default desk (DEFAULT_ORGANISATION): the organisation whose staff answer when no programme's
 * organiser is in context. Nothing else created it on a real Postgres, so a person was told they were
 * queued in an inbox nobody could ever open. It is created at start (and, should it ever be missing,
 * when someone asks for staff), and the start says when nobody can read its queue yet.
 */

/** A readable name for a desk created from its slug: `jembatan` → "Jembatan", `meja-bantu` → "Meja Bantu". */
export function deskName(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** Creates the desk's organisation row if it is missing; true when it had to. */
export async function ensureDesk(db: Queryable, slug: string): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`
      insert into organisations (slug, name) values (${slug}, ${deskName(slug) || slug})
      on conflict (slug) do nothing returning 1`),
  );
  return rows.length > 0;
}

/** Whether an organisation with this slug exists. */
export async function organisationExists(db: Queryable, slug: string): Promise<boolean> {
  const rows = rowsOf(await db.execute(sql`select 1 from organisations where slug = ${slug} limit 1`));
  return rows.length > 0;
}

/**
 * Whether anyone can see the desk's queue: a member who can log in to the dashboard, or a Telegram
 * staff group.
 */
export async function deskIsStaffed(db: Queryable, slug: string): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`
      select 1 from organisations o
      where o.slug = ${slug} and (o.staff_group_chat_id is not null or exists (
        select 1 from organisation_members m where m.organisation_id = o.id and m.password_hash is not null))
      limit 1`),
  );
  return rows.length > 0;
}
