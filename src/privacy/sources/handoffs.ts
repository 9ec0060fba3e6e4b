import { asc, eq, inArray } from 'drizzle-orm';
import { handoffNotes, handoffs } from '../../db/schema';
import type { PersonalDataSource } from '../registry';

/**
 * Conversations handed to staff, with the notes staff wrote about them: notes are personal data about
 * the person too (UU PDP access right), though they have no `user_id` of their own. Both go with the
 * person's row on erasure (cascade), so there is nothing extra to erase.
 */
export const handoffsSource: PersonalDataSource = {
  name: 'handoffs',
  tables: ['handoffs'],
  async export(db, userId) {
    const cases = await db
      .select({
        id: handoffs.id,
        organisation: handoffs.organisation,
        programme: handoffs.programmeSlug,
        status: handoffs.status,
        reason: handoffs.reason,
        openedAt: handoffs.createdAt,
        closedAt: handoffs.closedAt,
        rating: handoffs.rating,
      })
      .from(handoffs)
      .where(eq(handoffs.userId, userId))
      .orderBy(asc(handoffs.createdAt));
    if (!cases.length) return null;
    const notes = await db
      .select({
        handoffId: handoffNotes.handoffId,
        author: handoffNotes.authorName,
        note: handoffNotes.body,
        at: handoffNotes.createdAt,
      })
      .from(handoffNotes)
      .where(
        inArray(
          handoffNotes.handoffId,
          cases.map((c) => c.id),
        ),
      )
      .orderBy(asc(handoffNotes.createdAt));
    return cases.map((c) => ({
      ...c,
      staffNotes: notes.filter((n) => n.handoffId === c.id).map(({ handoffId: _, ...n }) => n),
    }));
  },
  async erase() {},
};
