import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowsOf } from '../../../db/rows';
import { WINDOW_CLOSED_ERROR } from './sender';

/*
 * The 24-hour window. A notice, a staff reply or an alert that WhatsApp refused because the person had
 * not written for a day (the sender's check, or a `131047` that arrived later as a delivery status) is
 * not lost: when the person writes again, it goes back to the outbox and is sent — once. Replies of the
 * bot to an old screen and broadcasts are not resent (they would be out of place a day later), nor
 * anything older than a week.
 */

const RESEND_WITHIN_DAYS = 7;
const AT_MOST = 20;

/** Queues the person's window-refused messages again; returns how many. Call after their message. */
export async function resendRefusedByWindow(db: Db, externalId: string): Promise<number> {
  const rows = rowsOf(
    await db.execute(sql`
      with person as (
        select user_id from identities where channel = 'whatsapp' and external_id = ${externalId}
      ), refused as (
        select m.id from messages m join person p on m.user_id = p.user_id
        where m.channel = 'whatsapp' and m.direction = 'out' and m.status = 'failed'
          and m.origin <> 'bot' and m.broadcast_id is null
          and m.created_at > now() - make_interval(days => ${RESEND_WITHIN_DAYS})
          and (m.error like ${`${WINDOW_CLOSED_ERROR}%`} or m.error like '131047:%')
          and not exists (select 1 from whatsapp_cloud_retries r where r.message_id = m.id)
        order by m.id
        limit ${AT_MOST}
      ), marked as (
        insert into whatsapp_cloud_retries (message_id) select id from refused
        on conflict do nothing
        returning message_id
      )
      update messages m set status = 'pending', available_at = now(), error = null, attempts = 0
      from marked where m.id = marked.message_id and m.status = 'failed'
      returning m.id`),
  );
  return rows.length;
}
