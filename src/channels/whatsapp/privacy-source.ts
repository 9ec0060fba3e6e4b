import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows';
import type { WhatsAppExport } from '../../privacy/channel-data';
import type { PersonalDataSource } from '../../privacy/registry';
import { forgetWhatsAppPerson } from './privacy';

/**
 * What the WhatsApp channel keeps outside the person's own rows (./privacy.ts), registered by
 * src/channels/index.ts:
 * the phone/LID mapping, a phone pause, media references and copies of sent messages.
 */
export const whatsappSource: PersonalDataSource = {
  name: 'whatsapp',
  async export(db, userId): Promise<WhatsAppExport | null> {
    const contacts = rowsOf<{ external_id: string; pn_jid: string | null; lid_jid: string | null }>(
      await db.execute(sql`
        select c.external_id, c.pn_jid, c.lid_jid from whatsapp_contacts c
        join identities i on i.external_id = c.external_id and i.channel = 'whatsapp'
        where i.user_id = ${userId}`),
    );
    const [pause] = rowsOf<{ paused_until: Date | string }>(
      await db.execute(sql`
        select p.paused_until from whatsapp_phone_pauses p
        join identities i on i.external_id = p.external_id and i.channel = 'whatsapp'
        where i.user_id = ${userId}`),
    );
    if (contacts.length === 0 && !pause) return null;
    return {
      contacts: contacts.map((c) => ({ externalId: c.external_id, pnJid: c.pn_jid, lidJid: c.lid_jid })),
      phonePausedUntil: pause ? new Date(pause.paused_until).toISOString() : null,
    };
  },
  // Before the account source detaches the identities: the mapping is found through them.
  erase: (db, userId) => forgetWhatsAppPerson(db, userId),
};
