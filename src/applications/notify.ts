import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { identities, messages, users } from '../db/schema';
import { isLocale, type Locale, tFor } from '../i18n';
import type { Translate } from './format';

/**
 * Queues a notice for a person in the outbox: one `messages` row (origin `notice`) to the identity they
 * last wrote from, in their language. The dispatcher sends it — after this transaction commits, so a
 * rolled-back status change tells nobody anything. No reachable identity: nothing is queued (the
 * status still shows in "Lamaran saya"). Returns whether a notice was queued.
 */
export async function queueNotice(
  tx: Queryable,
  userId: string,
  text: (t: Translate, locale: Locale) => string,
  /** The organiser of the programme the notice is about (staff of others see only that it exists). */
  organisation?: string | null,
): Promise<boolean> {
  const [recipient] = await tx
    .select({ identityId: identities.id, channel: identities.channel, locale: users.locale })
    .from(identities)
    .innerJoin(users, eq(users.id, identities.userId))
    .where(and(eq(identities.userId, userId), eq(identities.unreachable, false)))
    .orderBy(desc(identities.lastSeenAt))
    .limit(1);
  if (!recipient) return false;
  const locale: Locale = isLocale(recipient.locale) ? recipient.locale : 'id';
  const fixed = tFor(locale);
  const t: Translate = (key, vars) => fixed(key, vars ?? {}) as string;
  await tx.insert(messages).values({
    userId,
    identityId: recipient.identityId,
    channel: recipient.channel,
    direction: 'out',
    origin: 'notice',
    body: { type: 'text', text: text(t, locale) },
    status: 'pending',
    ...(organisation ? { organisation, topic: 'programme' as const } : {}),
  });
  return true;
}
