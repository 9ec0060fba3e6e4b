import { createHash } from 'node:crypto';
import type { Queryable } from '../db/client';
import { type PersonalDataAction, personalDataLog } from '../db/schema';

export type { PersonalDataAction } from '../db/schema';

/** `user` (the person themself), `system` (jobs) or `staff:<id>` (dashboard, API). */
export type Actor = 'user' | 'system' | `staff:${string}`;

export interface AccessEntry {
  actor: Actor;
  action: PersonalDataAction;
  /** The person whose data it is; absent for bulk operations (a message-history purge). */
  userId?: string | null;
  /** Counts, source names, a reason — never personal data (the log outlives the person). */
  detail?: Record<string, unknown>;
  /** When it happened (default: the database's now). */
  at?: Date;
}

/**
 * One-way hash of a user id, kept in the log after the person is erased: given an id from a complaint
 * or a backup, the log can still show what happened to it; the log alone identifies nobody. User ids
 * are random UUIDs, so the hash cannot be reversed by guessing.
 */
export function subjectHash(userId: string): string {
  return createHash('sha256').update(`jembatan:subject:${userId}`).digest('hex');
}

/**
 * Records that personal data was viewed, exported, changed, erased … (UU PDP accountability). Call it
 * in the same transaction as the access itself; staff views in the dashboard call it too.
 */
export async function logAccess(db: Queryable, entry: AccessEntry): Promise<void> {
  await db.insert(personalDataLog).values({
    actor: entry.actor,
    action: entry.action,
    subjectUserId: entry.userId ?? null,
    subjectHash: entry.userId ? subjectHash(entry.userId) : null,
    detail: entry.detail ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}
