import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client';
import { conversations, handoffs, identities, messages, users } from '../db/schema';
import { newScreenToken } from '../engine/choices';
import { isLocale, tFor } from '../i18n';
import type { Outbound } from '../shared/conversation';
import type { DocumentStorage } from '../storage';
import { handoffClosed, handoffRated, handoffWaiting } from '../webhooks/events';
import { ensureDesk, organisationExists } from './desk';
import { checkStaffFile, type StaffFileProblem, staffFileKey, staffFileName } from './files';

export type Handoff = typeof handoffs.$inferSelect;
export const OPEN_STATUSES = ['waiting', 'active'] as const;

/**
 * Opens a handoff for the person (or returns the one already open) and silences the bot for them.
 * Never for an organisation that does not exist (a catalogue may name an organiser nobody registered):
 * then the case goes to `desk`, the default desk, which is created if it is missing. Without a desk an
 * unknown organisation is refused (HandoffAccessError).
 */
export async function openHandoff(
  tx: Queryable,
  input: {
    userId: string;
    organisation: string;
    /** The default desk (DEFAULT_ORGANISATION), for when `organisation` does not exist. */
    desk?: string;
    programmeSlug?: string;
    reason: 'asked' | 'misses';
  },
): Promise<{ handoff: Handoff; created: boolean }> {
  const [open] = await tx
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.userId, input.userId), inArray(handoffs.status, [...OPEN_STATUSES])))
    .limit(1);
  if (open) return { handoff: open, created: false };
  let organisation = input.organisation;
  if (!(await organisationExists(tx, organisation))) {
    if (!input.desk) throw new HandoffAccessError(`no organisation "${organisation}"`);
    organisation = input.desk;
    await ensureDesk(tx, organisation);
  }
  const [handoff] = await tx
    .insert(handoffs)
    .values({
      userId: input.userId,
      organisation,
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
  await handoffWaiting(tx, handoff!.id);
  return { handoff: handoff!, created: true };
}

/** The person changed their mind: back to the bot. */
export async function cancelHandoff(tx: Queryable, handoffId: string, userId: string): Promise<void> {
  const cancelled = await tx
    .update(handoffs)
    .set({ status: 'cancelled', closedAt: sql`now()` })
    .where(and(eq(handoffs.id, handoffId), inArray(handoffs.status, [...OPEN_STATUSES])))
    .returning({ id: handoffs.id });
  await tx.update(conversations).set({ handoffId: null }).where(eq(conversations.userId, userId));
  if (cancelled.length) await handoffClosed(tx, handoffId, 'person');
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

/** Who wrote a staff message and where (the staff group does not echo its own); kept in the body. */
export type StaffMeta = { author?: string; via?: string };

/** A staff member's answer, delivered through the outbox on the person's channel. */
export async function staffReply(
  db: Db,
  id: string,
  organisation: string,
  staffId: string,
  text: string,
  /** Kept in the message body: who wrote it, and where (the staff group does not echo its own). */
  meta: StaffMeta = {},
): Promise<void> {
  const target = await replyTarget(db, id, organisation);
  await recordStaffMessage(db, target, staffId, { type: 'text', text, ...meta });
}

/** A file a staff member sends (the caller has read it; at most STAFF_FILE_MAX_BYTES). */
export interface StaffFileUpload {
  data: Uint8Array;
  /** The name it had on the staff member's computer or phone (cleaned before the person sees it). */
  fileName?: string | undefined;
}

/** The file cannot be sent as it is (empty, too large, not a type we send): say why on the form. */
export class StaffFileError extends Error {
  constructor(readonly problem: StaffFileProblem) {
    super(`staff file refused: ${problem.key}`);
  }
}

/**
 * A staff member's file, with an optional caption: the same rules and outbox path as `staffReply`. The
 * bytes are checked by their content (not the name) and go to the document storage under the person's
 * folder; the message row keeps only the reference, so the inbox log never carries megabytes.
 */
export async function staffReplyFile(
  db: Db,
  storage: DocumentStorage,
  id: string,
  organisation: string,
  staffId: string,
  upload: StaffFileUpload,
  caption: string,
  meta: StaffMeta = {},
): Promise<void> {
  const checked = checkStaffFile({ size: upload.data.byteLength, data: upload.data });
  if (checked.problem) throw new StaffFileError(checked.problem);
  const target = await replyTarget(db, id, organisation);
  const { type } = checked;
  const key = staffFileKey(target.handoff.userId, type.ext);
  await storage.put(key, upload.data, type.mimeType);
  const message: Outbound = {
    type: 'file',
    media: type.media,
    key,
    fileName: staffFileName(upload.fileName, type),
    mimeType: type.mimeType,
    size: upload.data.byteLength,
    ...(caption.trim() ? { caption: caption.trim() } : {}),
  };
  try {
    await recordStaffMessage(db, target, staffId, { ...message, ...meta });
  } catch (error) {
    // Nothing refers to the file now: do not leave it behind.
    await storage.delete(key).catch(() => {});
    throw error;
  }
}

type ReplyTarget = { handoff: Handoff; identity: NonNullable<Awaited<ReturnType<typeof latestIdentity>>> };

/** The open handoff of this organisation and where its person is reached, or why staff cannot answer. */
async function replyTarget(db: Queryable, id: string, organisation: string): Promise<ReplyTarget> {
  const handoff = await forStaff(db, id, organisation);
  if (handoff.status !== 'waiting' && handoff.status !== 'active')
    throw new HandoffAccessError('this handoff is closed');
  const identity = await latestIdentity(db, handoff.userId);
  if (!identity) throw new HandoffAccessError('the person cannot be reached');
  return { handoff, identity };
}

/**
 * One outbox row (origin `staff`, sent by the dispatcher after the commit) and the handoff's bookkeeping:
 * active, assigned to the first who answers, first-response time set once.
 */
async function recordStaffMessage(
  db: Db,
  { handoff, identity }: ReplyTarget,
  staffId: string,
  body: Record<string, unknown>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(messages).values({
      userId: handoff.userId,
      identityId: identity.id,
      channel: identity.channel,
      direction: 'out',
      origin: 'staff',
      body,
      status: 'pending',
      organisation: handoff.organisation,
      topic: 'handoff',
    });
    await tx
      .update(handoffs)
      .set({
        status: 'active',
        assignedTo: sql`coalesce(${handoffs.assignedTo}, ${staffId})`,
        claimedAt: sql`coalesce(${handoffs.claimedAt}, now())`,
        firstResponseAt: sql`coalesce(${handoffs.firstResponseAt}, now())`,
      })
      .where(eq(handoffs.id, handoff.id));
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
    await handoffClosed(tx, id, 'staff');
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
      organisation: handoff.organisation,
      topic: 'handoff',
    });
  });
}

export async function rateHandoff(tx: Queryable, id: string, rating: number): Promise<void> {
  const rated = await tx
    .update(handoffs)
    .set({ rating })
    .where(and(eq(handoffs.id, id), isNull(handoffs.rating)))
    .returning({ id: handoffs.id });
  if (rated.length) await handoffRated(tx, id, rating);
}
