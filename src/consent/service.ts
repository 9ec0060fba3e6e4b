import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { consents } from '../db/schema';
import type { Channel } from '../shared/conversation';

/** Bump when the wording of the privacy notice changes: consents are evidence of what was shown. */
export const NOTICE_VERSION = '2026-11-v1';

/** `personal_data`: the profile and applications; `specific_data`: disability/health (UU PDP art. 4). */
export type ConsentPurpose = 'personal_data' | 'specific_data' | 'guardian' | 'broadcasts';

/** The latest decision counts: a withdrawal after a grant means no consent. */
export async function hasConsent(db: Queryable, userId: string, purpose: ConsentPurpose): Promise<boolean> {
  const [latest] = await db
    .select({ granted: consents.granted })
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.purpose, purpose)))
    .orderBy(desc(consents.id))
    .limit(1);
  return latest?.granted === true;
}

export async function recordConsent(
  db: Queryable,
  userId: string,
  purpose: ConsentPurpose,
  granted: boolean,
  channel: Channel,
): Promise<void> {
  await db.insert(consents).values({ userId, purpose, granted, noticeVersion: NOTICE_VERSION, channel });
}
