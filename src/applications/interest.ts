import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { programmeInterests } from '../db/schema';
import type { Channel } from '../shared/conversation';

/**
 * "📝 Daftar" on a programme that takes applications on its own site: we send the person there and
 * count the interest (once per person and programme, with how often they came back), so organisers
 * see how many the bot sent their way.
 */
export async function recordInterest(
  db: Queryable,
  userId: string,
  programmeId: string,
  channel: Channel,
): Promise<void> {
  await db
    .insert(programmeInterests)
    .values({ userId, programmeId, channel })
    .onConflictDoUpdate({
      target: [programmeInterests.userId, programmeInterests.programmeId],
      set: { clicks: sql`${programmeInterests.clicks} + 1`, lastAt: sql`now()` },
    });
}
