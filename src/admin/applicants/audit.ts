import type { Queryable } from '../../db/client';
import { type PersonalDataAction, personalDataLog } from '../../db/schema';
import { type Actor, subjectHash } from '../../privacy/log';

/**
 * One processing-log entry per person shown (a list page, an export), in one statement — what
 * `logAccess` (src/privacy/log.ts) writes for one person, so each person's log stays complete.
 */
export async function logAccessMany(
  db: Queryable,
  entry: {
    actor: Actor;
    action: PersonalDataAction;
    userIds: (string | null)[];
    detail: Record<string, unknown>;
  },
): Promise<void> {
  const ids = [...new Set(entry.userIds.filter((id): id is string => id !== null))];
  for (let start = 0; start < ids.length; start += 1000)
    await db.insert(personalDataLog).values(
      ids.slice(start, start + 1000).map((id) => ({
        actor: entry.actor,
        action: entry.action,
        subjectUserId: id,
        subjectHash: subjectHash(id),
        detail: entry.detail,
      })),
    );
}
