/** An organisation's own knowledge-base entries: list, read, write, import (the dashboard uses these). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { knowledgeEntries } from '../db/schema';
import { slugify } from '../shared/text/normalise';
import type { EntryInput } from './format';
import { KEY_PATTERN } from './format';

export type KnowledgeEntryRow = typeof knowledgeEntries.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listEntries(db: Queryable, organisationId: string): Promise<KnowledgeEntryRow[]> {
  return db
    .select()
    .from(knowledgeEntries)
    .where(eq(knowledgeEntries.organisationId, organisationId))
    .orderBy(asc(knowledgeEntries.topic), asc(knowledgeEntries.questionId));
}

/** One of this organisation's entries; another organisation's is treated as not existing. */
export async function getEntry(
  db: Queryable,
  organisationId: string,
  id: string | undefined,
): Promise<KnowledgeEntryRow | undefined> {
  if (!id || !UUID.test(id)) return undefined;
  const [row] = await db
    .select()
    .from(knowledgeEntries)
    .where(and(eq(knowledgeEntries.id, id), eq(knowledgeEntries.organisationId, organisationId)));
  return row;
}

/** A key from the question: "Apakah LPK X resmi?" → "apakah-lpk-x-resmi" (made unique by the caller). */
export function keyFromQuestion(question: string): string {
  const base = slugify(question, 48);
  return KEY_PATTERN.test(base) ? base : 'entry';
}

function values(input: EntryInput) {
  return {
    topic: input.topic,
    questionId: input.question.id,
    questionEn: input.question.en ?? null,
    answerId: input.answer.id,
    answerEn: input.answer.en ?? null,
    keywords: input.keywords.join(', '),
    sourceLabel: input.source.label,
    sourceUrl: input.source.url ?? null,
    checkedOn: input.checked_on,
  };
}

async function freeKey(db: Queryable, organisationId: string, wanted: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ key: knowledgeEntries.key })
        .from(knowledgeEntries)
        .where(
          and(
            eq(knowledgeEntries.organisationId, organisationId),
            sql`${knowledgeEntries.key} like ${`${wanted}%`}`,
          ),
        )
    ).map((r) => r.key),
  );
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}

export async function createEntry(
  db: Queryable,
  organisationId: string,
  input: EntryInput,
): Promise<KnowledgeEntryRow> {
  const key = await freeKey(db, organisationId, input.key ?? keyFromQuestion(input.question.id));
  const [row] = await db
    .insert(knowledgeEntries)
    .values({ organisationId, key, ...values(input) })
    .returning();
  return row!;
}

/** Returns false when the id is not this organisation's. */
export async function updateEntry(
  db: Queryable,
  organisationId: string,
  id: string,
  input: EntryInput,
): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const rows = await db
    .update(knowledgeEntries)
    .set({ ...values(input), updatedAt: sql`now()` })
    .where(and(eq(knowledgeEntries.id, id), eq(knowledgeEntries.organisationId, organisationId)))
    .returning({ id: knowledgeEntries.id });
  return rows.length > 0;
}

export async function deleteEntry(db: Queryable, organisationId: string, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const rows = await db
    .delete(knowledgeEntries)
    .where(and(eq(knowledgeEntries.id, id), eq(knowledgeEntries.organisationId, organisationId)))
    .returning({ id: knowledgeEntries.id });
  return rows.length > 0;
}

/**
 * Imports entries: an entry with a key updates this organisation's entry with that key (or creates it);
 * one without a key is added. Importing the same file twice changes nothing.
 */
export async function importEntries(
  db: Queryable,
  organisationId: string,
  entries: EntryInput[],
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (const input of entries) {
    const key = input.key ?? keyFromQuestion(input.question.id);
    const [existing] = await db
      .select({ id: knowledgeEntries.id })
      .from(knowledgeEntries)
      .where(and(eq(knowledgeEntries.organisationId, organisationId), eq(knowledgeEntries.key, key)));
    if (existing) {
      await updateEntry(db, organisationId, existing.id, input);
      updated++;
    } else {
      await db.insert(knowledgeEntries).values({ organisationId, key, ...values(input) });
      created++;
    }
  }
  return { created, updated };
}
