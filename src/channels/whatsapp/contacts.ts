import { eq, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { whatsappContacts } from '../../db/schema';

export interface ContactIds {
  /** Phone-number JID, normalised (no device). */
  pn?: string | undefined;
  /** LID JID, normalised. */
  lid?: string | undefined;
}

/**
 * The stable `externalId` of the person behind a phone JID and/or a LID. The first contact fixes it (the
 * phone JID when known, else the LID); later messages under either address find the same row, and what
 * was missing is filled in. So a chat that switches to LID addressing stays one person.
 */
export async function resolveContact(db: Queryable, ids: ContactIds): Promise<string> {
  const { pn, lid } = ids;
  if (!pn && !lid) throw new Error('resolveContact needs a phone JID or a LID');
  const rows = await db
    .select()
    .from(whatsappContacts)
    .where(
      or(pn ? eq(whatsappContacts.pnJid, pn) : undefined, lid ? eq(whatsappContacts.lidJid, lid) : undefined),
    );
  // Two rows: the two addresses were first seen apart. The phone-number row wins (it is the preferred
  // key); merging the two people's histories is left to staff.
  const row = rows.find((r) => pn && r.pnJid === pn) ?? rows[0];
  if (row) {
    const patch = {
      ...(pn && !row.pnJid && rows.length === 1 ? { pnJid: pn } : {}),
      ...(lid && !row.lidJid && rows.length === 1 ? { lidJid: lid } : {}),
    };
    if (Object.keys(patch).length)
      await db
        .update(whatsappContacts)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(whatsappContacts.externalId, row.externalId));
    return row.externalId;
  }
  const externalId = (pn ?? lid)!;
  await db
    .insert(whatsappContacts)
    .values({ externalId, pnJid: pn ?? null, lidJid: lid ?? null })
    .onConflictDoNothing();
  return externalId;
}

/** Records that a LID and a phone JID are one person (Baileys' `lid-mapping.update`). */
export async function linkContact(db: Queryable, pn: string, lid: string): Promise<void> {
  await resolveContact(db, { pn, lid });
}

/** The externalId for a phone number without recording anything (the Cloud API path). */
export async function externalIdForPhone(db: Queryable, pn: string): Promise<string> {
  const [row] = await db
    .select({ externalId: whatsappContacts.externalId })
    .from(whatsappContacts)
    .where(eq(whatsappContacts.pnJid, pn));
  return row?.externalId ?? pn;
}
