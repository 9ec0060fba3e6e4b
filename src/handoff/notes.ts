import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { handoffNotes } from '../db/schema';

/* Internal notes on a handoff: staff write them for each other; they are never sent to the person. */

export const NOTE_MAX = 2000;

export type HandoffNote = typeof handoffNotes.$inferSelect;

export type NoteProblem = { key: 'required' } | { key: 'tooLong'; length: number; max: number };

/** Trims the note and says what is wrong with it, if anything. */
export function checkNote(raw: string): { body: string; problem?: NoteProblem } {
  const body = raw.trim();
  if (!body) return { body, problem: { key: 'required' } };
  if (body.length > NOTE_MAX)
    return { body, problem: { key: 'tooLong', length: body.length, max: NOTE_MAX } };
  return { body };
}

/** The caller has checked that the handoff belongs to the author's organisation. */
export async function addNote(
  db: Queryable,
  input: { handoffId: string; memberId: string; authorName: string; body: string },
): Promise<HandoffNote> {
  const [row] = await db
    .insert(handoffNotes)
    .values({
      handoffId: input.handoffId,
      memberId: input.memberId,
      authorName: input.authorName,
      body: input.body,
    })
    .returning();
  return row!;
}

export async function listNotes(db: Queryable, handoffId: string): Promise<HandoffNote[]> {
  return db
    .select()
    .from(handoffNotes)
    .where(eq(handoffNotes.handoffId, handoffId))
    .orderBy(asc(handoffNotes.createdAt), asc(handoffNotes.id));
}
