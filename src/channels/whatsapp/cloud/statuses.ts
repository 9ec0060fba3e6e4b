import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { pnJid } from '../jid';
import type { StatusUpdate } from './inbound';

/**
 * Delivery statuses from the webhook update the outbox row with that platform message id:
 * sent → delivered → read, or failed with WhatsApp's error. They may arrive out of order, so a status
 * only moves a row forward. The row is found through the person (identities → messages by user: both
 * indexed) rather than by scanning every message for the id.
 */
export async function applyStatuses(db: Db, statuses: StatusUpdate[]): Promise<void> {
  if (statuses.length === 0) return;
  // One webhook may carry several statuses of one message: keep the furthest (an UPDATE … FROM applies
  // only one joined row per message).
  const rank = { delivered: 1, read: 2, failed: 3 } as const;
  const furthest = new Map<string, StatusUpdate>();
  for (const s of statuses) {
    const seen = furthest.get(s.messageId);
    if (!seen || rank[s.status] > rank[seen.status]) furthest.set(s.messageId, s);
  }
  const rows = [...furthest.values()].map((s) => ({
    pid: s.messageId,
    ext: pnJid(s.recipient),
    status: s.status,
    error: s.error ?? null,
  }));
  await db.execute(sql`
    update messages m set status = v.status, error = coalesce(v.error, m.error)
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(pid text, ext text, status text, error text),
      identities i
    where i.channel = 'whatsapp' and i.external_id = v.ext and m.user_id = i.user_id
      and m.channel = 'whatsapp' and m.direction = 'out' and m.platform_message_id = v.pid
      and case v.status
        when 'delivered' then m.status in ('sending', 'sent')
        when 'read' then m.status in ('sending', 'sent', 'delivered')
        when 'failed' then m.status in ('sending', 'sent', 'delivered')
        else false end`);
}
