import { and, eq, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { identities, whatsappPhonePauses } from '../../db/schema';

/*
 * "A person took over": when someone at the organisation writes in a chat from the WhatsApp phone
 * itself, the bot keeps quiet in that chat. These functions are the seam for the handoff feature:
 * `isPausedByPhone(tx, userId)` fits the router's `intercept`, `resumeFromPhone` is "hand it back".
 * Rows are keyed by the WhatsApp externalId because the organisation may write to a number that has
 * never written to the bot (no person row exists yet).
 */

/** Pauses the bot in one chat until `until` (a later phone message extends it, never shortens it). */
export async function pauseByPhone(db: Queryable, externalId: string, until: Date): Promise<void> {
  await db
    .insert(whatsappPhonePauses)
    .values({ externalId, pausedUntil: until })
    .onConflictDoUpdate({
      target: whatsappPhonePauses.externalId,
      set: { pausedUntil: sql`greatest(${whatsappPhonePauses.pausedUntil}, excluded.paused_until)` },
    });
}

/** Whether a person's WhatsApp chat is paused because the organisation is answering from the phone. */
export async function isPausedByPhone(q: Queryable, userId: string): Promise<boolean> {
  const result = await q.execute(sql`
    select 1 from ${whatsappPhonePauses} p
    join ${identities} i on i.external_id = p.external_id and i.channel = 'whatsapp'
    where i.user_id = ${userId} and p.paused_until > now()
    limit 1`);
  return rowsOf(result).length > 0;
}

/** The same check by WhatsApp externalId (before a person row exists). */
export async function isChatPausedByPhone(q: Queryable, externalId: string): Promise<boolean> {
  const rows = await q
    .select({ until: whatsappPhonePauses.pausedUntil })
    .from(whatsappPhonePauses)
    .where(
      and(eq(whatsappPhonePauses.externalId, externalId), gt(whatsappPhonePauses.pausedUntil, sql`now()`)),
    );
  return rows.length > 0;
}

/** Staff hand the chat back to the bot. */
export async function resumeFromPhone(q: Queryable, userId: string): Promise<void> {
  await q.execute(sql`
    delete from ${whatsappPhonePauses} p using ${identities} i
    where i.external_id = p.external_id and i.channel = 'whatsapp' and i.user_id = ${userId}`);
}
