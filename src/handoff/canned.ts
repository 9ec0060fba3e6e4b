import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { cannedResponses } from '../db/schema';
import { isUuid } from './inbox';
import { REPLY_MAX } from './reply';

/* Canned responses: an organisation's ready answers, picked in the inbox's reply box. */

export const CANNED_TITLE_MAX = 80;
export const CANNED_BODY_MAX = REPLY_MAX;

export type CannedResponse = typeof cannedResponses.$inferSelect;

export interface CannedInput {
  title: string;
  body: string;
}

export type CannedProblem =
  | { field: 'title'; key: 'required' }
  | { field: 'title'; key: 'tooLong'; length: number; max: number }
  | { field: 'body'; key: 'required' }
  | { field: 'body'; key: 'tooLong'; length: number; max: number };

/** Trims both fields and lists every problem (the form shows them all at once). */
export function checkCanned(raw: { title: string; body: string }): {
  value: CannedInput;
  problems: CannedProblem[];
} {
  const value = { title: raw.title.trim(), body: raw.body.trim() };
  const problems: CannedProblem[] = [];
  if (!value.title) problems.push({ field: 'title', key: 'required' });
  else if (value.title.length > CANNED_TITLE_MAX)
    problems.push({ field: 'title', key: 'tooLong', length: value.title.length, max: CANNED_TITLE_MAX });
  if (!value.body) problems.push({ field: 'body', key: 'required' });
  else if (value.body.length > CANNED_BODY_MAX)
    problems.push({ field: 'body', key: 'tooLong', length: value.body.length, max: CANNED_BODY_MAX });
  return { value, problems };
}

export async function listCanned(db: Queryable, organisationId: string): Promise<CannedResponse[]> {
  return db
    .select()
    .from(cannedResponses)
    .where(eq(cannedResponses.organisationId, organisationId))
    .orderBy(asc(cannedResponses.title), asc(cannedResponses.id));
}

/** One of this organisation's canned responses; another organisation's is treated as not existing. */
export async function getCanned(
  db: Queryable,
  organisationId: string,
  id: string | undefined,
): Promise<CannedResponse | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(cannedResponses)
    .where(and(eq(cannedResponses.id, id), eq(cannedResponses.organisationId, organisationId)));
  return row;
}

export async function createCanned(
  db: Queryable,
  organisationId: string,
  input: CannedInput,
): Promise<CannedResponse> {
  const [row] = await db
    .insert(cannedResponses)
    .values({ organisationId, title: input.title, body: input.body })
    .returning();
  return row!;
}

/** Returns false when the id is not this organisation's. */
export async function updateCanned(
  db: Queryable,
  organisationId: string,
  id: string,
  input: CannedInput,
): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db
    .update(cannedResponses)
    .set({ title: input.title, body: input.body, updatedAt: sql`now()` })
    .where(and(eq(cannedResponses.id, id), eq(cannedResponses.organisationId, organisationId)))
    .returning({ id: cannedResponses.id });
  return rows.length > 0;
}

export async function deleteCanned(db: Queryable, organisationId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db
    .delete(cannedResponses)
    .where(and(eq(cannedResponses.id, id), eq(cannedResponses.organisationId, organisationId)))
    .returning({ id: cannedResponses.id });
  return rows.length > 0;
}
