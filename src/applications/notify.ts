import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { identities, messages, users } from '../db/schema';
import { isLocale, type Locale, tFor } from '../i18n';
import type { Translate } from './format';

/**
 * Queues a notice for a person in the outbox: one `messages` row (origin `notice`) to the identity they
 * last wrote from, in their language. The dispatcher sends it (after `delaySeconds`, if given) — after this transaction commits, so a
 * rolled-back status change tells nobody anything. No reachable identity: nothing is queued (the
 * status still shows in "Lamaran saya"). Returns the queued row's id (undefined: none).
 */
export async function queueNotice(
  tx: Queryable,
  userId: string,
  text: (t: Translate, locale: Locale) => string,
  /** The organiser of the programme the notice is about (staff of others see only that it exists). */
  organisation?: string | null,
  /** Hold the notice this long in the outbox (a staff decision's window to undo a slip). */
  delaySeconds = 0,
): Promise<number | undefined> {
  const [recipient] = await tx
    .select({ identityId: identities.id, channel: identities.channel, locale: users.locale })
    .from(identities)
    .innerJoin(users, eq(users.id, identities.userId))
    .where(and(eq(identities.userId, userId), eq(identities.unreachable, false)))
    .orderBy(desc(identities.lastSeenAt))
    .limit(1);
  if (!recipient) return undefined;
  const locale: Locale = isLocale(recipient.locale) ? recipient.locale : 'id';
  const fixed = tFor(locale);
  const t: Translate = (key, vars) => fixed(key, vars ?? {}) as string;
  const [row] = await tx
    .insert(messages)
    .values({
      userId,
      identityId: recipient.identityId,
      channel: recipient.channel,
      direction: 'out',
      origin: 'notice',
      body: { type: 'text', text: text(t, locale) },
      status: 'pending',
      ...(organisation ? { organisation, topic: 'programme' as const } : {}),
      ...(delaySeconds > 0 ? { availableAt: sql`now() + make_interval(secs => ${delaySeconds})` } : {}),
    })
    .returning({ id: messages.id });
  return row?.id;
}
