import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { jakartaDay, toIsoDate } from '../eligibility';
import { CLOSING_SOON_DAYS } from './catalogue';
import { emitEvent } from './emit';

/*
 * Time-driven webhook work, run from the dispatcher's loop (and the Workers cron): events that no single
 * change causes (a programme's registration closing soon) and the retention of the delivery log.
 */

/**
 * `programme.closing_soon` for open programmes whose registration closes within CLOSING_SOON_DAYS days
 * (Jakarta), once per programme and closing date (a moved deadline fires again). Only programmes whose
 * organisation has an endpoint that wants it are looked at. Returns how many events it wrote.
 */
export async function emitClosingSoon(db: Db, now: Date = new Date()): Promise<number> {
  const today = toIsoDate(jakartaDay(now));
  const due = rowsOf<{ id: string; closes: string }>(
    await db.execute(sql`
      select p.id, p.registration_closes::text as closes
      from programmes p join organisations o on o.slug = p.organisation
      where p.status = 'open'
        and p.registration_closes between ${today}::date and ${today}::date + ${CLOSING_SOON_DAYS}::int
        and exists (select 1 from webhook_endpoints ep where ep.organisation_id = o.id and ep.enabled
                    and 'programme.closing_soon' = any(ep.events))
        and not exists (select 1 from webhook_events e where e.organisation_id = o.id
                        and e.dedupe_key = 'programme.closing_soon:' || p.id || ':' || p.registration_closes::text)`),
  );
  let written = 0;
  for (const { id, closes } of due) {
    const n = await db.transaction((tx) =>
      emitEvent(tx, {
        type: 'programme.closing_soon',
        dedupeKey: `programme.closing_soon:${id}:${closes}`,
        source: sql`
          select o.id as organisation_id, null::uuid as user_id, jsonb_build_object('organisation', o.slug,
            'programme', jsonb_build_object('slug', p.slug, 'title', p.record #>> '{title,id}',
              'registration_closes', p.registration_closes::text,
              'days_left', p.registration_closes - ${today}::date,
              'applications', (select count(*) from applications a where a.programme_id = p.id
                               and a.status not in ('draft', 'mundur', 'ditolak')),
              'seats', p.seats_total)) as data
          from programmes p join organisations o on o.slug = p.organisation
          where p.id = ${id}::uuid`,
      }),
    );
    if (n > 0) written++;
  }
  return written;
}

/**
 * The delivery log is kept as long as the message history (MESSAGE_RETENTION_DAYS): older events go
 * with their deliveries. Returns how many events it deleted.
 */
export async function purgeOldEvents(db: Db, days: number, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = rowsOf(
    await db.execute(sql`
      delete from webhook_events where id in (
        select id from webhook_events where occurred_at < ${cutoff}::timestamptz limit 5000)
      returning 1`),
  );
  return rows.length;
}
