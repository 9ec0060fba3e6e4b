import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';

/**
 * Erases what the WhatsApp channel keeps about a person outside the user's own rows (the LID/phone
 * mapping, a phone pause, media references, copies of sent messages). For `/hapus_data` (issue #5):
 * call it in the erasure transaction before the person's identities are deleted.
 */
export async function forgetWhatsAppPerson(q: Queryable, userId: string): Promise<void> {
  await q.execute(sql`
    with idents as (
      select external_id, address from identities where channel = 'whatsapp' and user_id = ${userId}
    ), contacts as (
      delete from whatsapp_contacts where external_id in (select external_id from idents)
      returning pn_jid, lid_jid
    ), jids as (
      select address as jid from idents union select pn_jid from contacts union select lid_jid from contacts
    ), pauses as (
      delete from whatsapp_phone_pauses where external_id in (select external_id from idents)
    ), media as (
      delete from whatsapp_media where external_id in (select external_id from idents)
    ), nudges as (
      delete from whatsapp_cloud_nudges where address in (select address from idents)
    )
    delete from whatsapp_sent where remote_jid in (select jid from jids where jid is not null)`);
}

/**
 * Drops copies kept only for a while: sent messages (retries), media references, and the hashes of
 * automated replies the phone has not sent for 90 days.
 */
export async function purgeWhatsAppCopies(q: Queryable, sentDays = 7, mediaDays = 30): Promise<void> {
  await q.execute(sql`delete from whatsapp_auto_replies where last_seen_at < now() - interval '90 days'`);
  await q.execute(
    sql`delete from whatsapp_sent where created_at < now() - make_interval(days => ${sentDays})`,
  );
  await q.execute(
    sql`delete from whatsapp_media where created_at < now() - make_interval(days => ${mediaDays})`,
  );
}
