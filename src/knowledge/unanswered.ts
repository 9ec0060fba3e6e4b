/**
 * Questions nobody could answer, collected so staff can answer them into the knowledge base. They are
 * grouped by normalised text and counted; no person is linked to them, and NIK-, phone- and email-shaped
 * text is masked (docs/privacy.md).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { unansweredQuestions } from '../db/schema';
import type { Locale } from '../i18n';
import { normalize } from '../nlu';
import { maskPersonal } from './mask';

export type UnansweredRow = typeof unansweredQuestions.$inferSelect;
export type UnansweredStatus = UnansweredRow['status'];

const EXAMPLE_MAX = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The grouping key: normalised words, personal numbers masked, at most 200 characters. */
export function groupKey(text: string): string {
  return normalize(maskPersonal(text))
    .replace(/^\/\S+\s*/, '')
    .slice(0, 200)
    .trim();
}

export async function recordUnanswered(
  db: Queryable,
  input: { organisation: string; text: string; locale: Locale },
): Promise<void> {
  const normalized = groupKey(input.text);
  if (!normalized) return;
  const example = maskPersonal(input.text).trim().slice(0, EXAMPLE_MAX);
  await db
    .insert(unansweredQuestions)
    .values({ organisation: input.organisation, normalized, example, locale: input.locale })
    .onConflictDoUpdate({
      target: [unansweredQuestions.organisation, unansweredQuestions.normalized],
      set: {
        count: sql`${unansweredQuestions.count} + 1`,
        example,
        lastAskedAt: sql`now()`,
        // Asked again after it was dismissed or answered elsewhere: it is open again.
        status: sql`case when ${unansweredQuestions.status} = 'dismissed' then 'open' else ${unansweredQuestions.status} end`,
      },
    });
}

export async function listUnanswered(
  db: Queryable,
  organisation: string,
  status: UnansweredStatus = 'open',
  limit = 100,
): Promise<UnansweredRow[]> {
  return db
    .select()
    .from(unansweredQuestions)
    .where(and(eq(unansweredQuestions.organisation, organisation), eq(unansweredQuestions.status, status)))
    .orderBy(desc(unansweredQuestions.count), desc(unansweredQuestions.lastAskedAt))
    .limit(limit);
}

export async function countOpen(db: Queryable, organisation: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(unansweredQuestions)
    .where(and(eq(unansweredQuestions.organisation, organisation), eq(unansweredQuestions.status, 'open')));
  return row?.n ?? 0;
}

export async function getUnanswered(
  db: Queryable,
  organisation: string,
  id: string | undefined,
): Promise<UnansweredRow | undefined> {
  if (!id || !UUID.test(id)) return undefined;
  const [row] = await db
    .select()
    .from(unansweredQuestions)
    .where(and(eq(unansweredQuestions.id, id), eq(unansweredQuestions.organisation, organisation)));
  return row;
}

export async function setUnansweredStatus(
  db: Queryable,
  organisation: string,
  id: string,
  status: UnansweredStatus,
  entryId?: string,
): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const rows = await db
    .update(unansweredQuestions)
    .set({ status, ...(entryId ? { entryId } : {}) })
    .where(and(eq(unansweredQuestions.id, id), eq(unansweredQuestions.organisation, organisation)))
    .returning({ id: unansweredQuestions.id });
  return rows.length > 0;
}
