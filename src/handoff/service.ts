import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client';
import { conversations, handoffs, identities, messages, users } from '../db/schema';
import { newScreenToken } from '../engine/choices';
import type { Outbound } from '../engine/types';
import { isLocale, tFor } from '../i18n';

export type Handoff = typeof handoffs.$inferSelect;
export const OPEN_STATUSES = ['waiting', 'active'] as const;

/** Opens a handoff for the person (or returns the one already open) and silences the bot for them. */
export async function openHandoff(
  tx: Queryable,
  input: { userId: string; organisation: string; programmeSlug?: string; reason: 'asked' | 'misses' },
): Promise<{ handoff: Handoff; created: boolean }> {
  const [open] = await tx
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.userId, input.userId), inArray(handoffs.status, [...OPEN_STATUSES])))
    .limit(1);
  if (open) return { handoff: open, created: false };
  const [handoff] = await tx
    .insert(handoffs)
    .values({
      userId: input.userId,
      organisation: input.organisation,
      programmeSlug: input.programmeSlug ?? null,
      status: 'waiting',
      reason: input.reason,
    })
    .returning();
  // The conversation row may not exist yet (a first message asking for a person): create it too.
  await tx
    .insert(conversations)
    .values({
      userId: input.userId,
      state: { flow: 'handoff', step: 'waiting', data: {} },
      handoffId: handoff!.id,
    })
    .onConflictDoUpdate({ target: conversations.userId, set: { handoffId: handoff!.id } });
  return { handoff: handoff!, created: true };
}

/** The person changed their mind: back to the bot. */
export async function cancelHandoff(tx: Queryable, handoffId: string, userId: string): Promise<void> {
  await tx
    .update(handoffs)
    .set({ status: 'cancelled', closedAt: sql`now()` })
    .where(and(eq(handoffs.id, handoffId), inArray(handoffs.status, [...OPEN_STATUSES])));
  await tx.update(conversations).set({ handoffId: null }).where(eq(conversations.userId, userId));
}

export async function getHandoff(db: Queryable, id: string): Promise<Handoff | undefined> {
  const [row] = await db.select().from(handoffs).where(eq(handoffs.id, id));
  return row;
}

/** An organisation's queue: staff only ever see their own organisation's handoffs. */
export async function listHandoffs(
  db: Queryable,
  organisation: string,
  status: Handoff['status'][] = [...OPEN_STATUSES],
): Promise<Handoff[]> {
  return db
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.organisation, organisation), inArray(handoffs.status, status)))
    .orderBy(asc(handoffs.createdAt));
}

export class HandoffAccessError extends Error {}

/** Loads a handoff for a staff member of `organisation`; another organisation's is refused. */
async function forStaff(db: Queryable, id: string, organisation: string): Promise<Handoff> {
  const handoff = await getHandoff(db, id);
  if (!handoff || handoff.organisation !== organisation)
    throw new HandoffAccessError('no such handoff for this organisation');
  return handoff;
}

export async function claimHandoff(
  db: Queryable,
  id: string,
  organisation: string,
  staffId: string,
): Promise<Handoff> {
  await forStaff(db, id, organisation);
  const [row] = await db
    .update(handoffs)
    .set({ status: 'active', assignedTo: staffId, claimedAt: sql`coalesce(${handoffs.claimedAt}, now())` })
    .where(and(eq(handoffs.id, id), inArray(handoffs.status, [...OPEN_STATUSES])))
    .returning();
  if (!row) throw new HandoffAccessError('this handoff is closed');
  return row;
}

/** Where a person is reached now: the identity they wrote from last, if it can still receive. */
async function latestIdentity(db: Queryable, userId: string) {
  const [row] = await db
    .select({ id: identities.id, channel: identities.channel, locale: users.locale })
    .from(identities)
    .innerJoin(users, eq(users.id, identities.userId))
    .where(and(eq(identities.userId, userId), eq(identities.unreachable, false)))
    .orderBy(desc(identities.lastSeenAt))
    .limit(1);
  return row;
}

/** A staff member's answer, delivered through the outbox on the person's channel. */
export async function staffReply(
  db: Db,
  id: string,
  organisation: string,
  staffId: string,
  text: string,
  /** Kept in the message body: who wrote it, and where (the staff group does not echo its own). */
  meta: { author?: string; via?: string } = {},
): Promise<void> {
  const handoff = await forStaff(db, id, organisation);
  if (handoff.status !== 'waiting' && handoff.status !== 'active')
    throw new HandoffAccessError('this handoff is closed');
  const identity = await latestIdentity(db, handoff.userId);
  if (!identity) throw new HandoffAccessError('the person cannot be reached');
  await db.transaction(async (tx) => {
    await tx.insert(messages).values({
      userId: handoff.userId,
      identityId: identity.id,
      channel: identity.channel,
      direction: 'out',
      origin: 'staff',
      body: { type: 'text', text, ...meta },
      status: 'pending',
    });
    await tx
      .update(handoffs)
      .set({
        status: 'active',
        assignedTo: sql`coalesce(${handoffs.assignedTo}, ${staffId})`,
        claimedAt: sql`coalesce(${handoffs.claimedAt}, now())`,
        firstResponseAt: sql`coalesce(${handoffs.firstResponseAt}, now())`,
      })
      .where(eq(handoffs.id, id));
  });
}

/**
 * Staff close the case: the bot takes the chat back and asks the person for a 1–5 rating. The rating
 * question is a real screen (token and choices in the conversation state), so buttons and typed
 * numbers both work.
 */
export async function closeHandoff(db: Db, id: string, organisation: string): Promise<void> {
  const handoff = await forStaff(db, id, organisation);
  if (handoff.status === 'closed' || handoff.status === 'cancelled') return;
  const identity = await latestIdentity(db, handoff.userId);
  await db.transaction(async (tx) => {
    await tx.update(handoffs).set({ status: 'closed', closedAt: sql`now()` }).where(eq(handoffs.id, id));
    if (!identity) {
      await tx.update(conversations).set({ handoffId: null }).where(eq(conversations.userId, handoff.userId));
      return;
    }
    const t = tFor(isLocale(identity.locale) ? identity.locale : 'id');
    const token = newScreenToken();
    const choices = [1, 2, 3, 4, 5].map((n) => ({ id: `rate:${n}`, label: t(`handoff.rate${n}`) }));
    const question: Outbound = { type: 'text', text: t('handoff.closed'), choices, token };
    await tx
      .update(conversations)
      .set({
        handoffId: null,
        state: {
          flow: 'rating',
          step: 'ask',
          data: { handoffId: id },
          screen: { token, ids: choices.map((c) => c.id), labels: choices.map((c) => c.label) },
        },
      })
      .where(eq(conversations.userId, handoff.userId));
    await tx.insert(messages).values({
      userId: handoff.userId,
      identityId: identity.id,
      channel: identity.channel,
      direction: 'out',
      origin: 'notice',
      body: question,
      status: 'pending',
    });
  });
}

export async function rateHandoff(tx: Queryable, id: string, rating: number): Promise<void> {
  await tx
    .update(handoffs)
    .set({ rating })
    .where(and(eq(handoffs.id, id), isNull(handoffs.rating)));
}
