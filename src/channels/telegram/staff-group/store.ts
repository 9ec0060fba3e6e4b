import { and, eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../../db/client';
import { rowsOf } from '../../../db/rows';
import { handoffs, staffGroupTopics } from '../../../db/schema';
import type { Channel } from '../../../shared/conversation';
import type { LoggedMessage } from './render';

/*
 * The staff group's queries. Nothing here holds a transaction across a network call: rows are claimed
 * with a lease in one statement, the worker talks to Telegram, then records each step in another.
 */

export type Topic = typeof staffGroupTopics.$inferSelect;
export type Step = Topic['step'];

const OPEN = sql`('waiting', 'active')`;

/**
 * Messages the handoff's organisation may see: the general conversation and its own — never what the
 * person wrote for another organisation (its form, its programme, its staff).
 */
const ours = (m: string, h: string) =>
  sql.raw(`(${m}.organisation is null or ${m}.organisation = ${h}.organisation)`);

/**
 * A topic row for every open handoff of an organisation that has a staff group. Runs every tick, so a
 * group set while people are already waiting gets their topics too.
 */
export async function enqueueTopics(db: Db): Promise<void> {
  await db.execute(sql`
    insert into staff_group_topics (handoff_id, chat_id)
    select h.id, o.staff_group_chat_id
    from handoffs h join organisations o on o.slug = h.organisation
    where o.staff_group_chat_id is not null and h.status in ${OPEN}
      and not exists (select 1 from staff_group_topics t where t.handoff_id = h.id)
    on conflict (handoff_id) do nothing`);
}

/**
 * Claims topics with something to do, reserving them for `leaseMs` (FOR UPDATE SKIP LOCKED: any number
 * of dispatcher processes can run this). Something to do: a topic to open or close, a handoff that
 * ended, a new message in the conversation, or a topic whose person was erased.
 */
export async function claimTopics(db: Db, limit: number, leaseMs: number): Promise<Topic[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with due as (
        select t.id from staff_group_topics t left join handoffs h on h.id = t.handoff_id
        where t.available_at <= now()
          and (t.handoff_id is null
            or t.step in ('new', 'summary', 'closing')
            or (t.step = 'open' and (h.status not in ${OPEN}
              or exists (select 1 from messages m where m.user_id = h.user_id and m.id > t.mirrored_through
                and (m.direction = 'in' or m.origin = 'staff') and ${ours('m', 'h')}))))
        order by t.available_at, t.id
        limit ${limit}
        for update of t skip locked
      )
      update staff_group_topics s set available_at = now() + make_interval(secs => ${leaseMs / 1000})
      from due where s.id = due.id
      returning s.id, s.handoff_id, s.chat_id, s.thread_id, s.step, s.mirrored_through, s.attempts,
        s.available_at, s.error, s.created_at`),
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      handoffId: (r.handoff_id as string | null) ?? null,
      chatId: String(r.chat_id),
      threadId: r.thread_id === null ? null : Number(r.thread_id),
      step: r.step as Step,
      mirroredThrough: Number(r.mirrored_through),
      attempts: Number(r.attempts),
      availableAt: new Date(r.available_at as string),
      error: (r.error as string | null) ?? null,
      createdAt: new Date(r.created_at as string),
    }))
    .sort((a, b) => a.id - b.id);
}

/** What the worker needs to know about a topic's handoff, read fresh at each claim. */
export interface TopicContext {
  handoffId: string;
  userId: string;
  status: string;
  organisation: string;
  /** The organisation's group now (null: switched off). */
  groupChatId: string | null;
  reason: string;
  displayName: string | null;
  /** The channel the person wrote from last. */
  channel: Channel | null;
  programmeTitle: { id?: string; en?: string } | null;
}

export async function topicContext(db: Queryable, handoffId: string): Promise<TopicContext | undefined> {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select h.id, h.user_id, h.status, h.organisation, h.reason, o.staff_group_chat_id, u.display_name,
        (select i.channel from identities i where i.user_id = h.user_id order by i.last_seen_at desc limit 1)
          as channel,
        (select p.record -> 'title' from programmes p where p.slug = h.programme_slug limit 1) as title
      from handoffs h join users u on u.id = h.user_id left join organisations o on o.slug = h.organisation
      where h.id = ${handoffId}`),
  );
  if (!row) return undefined;
  const title = typeof row.title === 'string' ? JSON.parse(row.title) : row.title;
  return {
    handoffId: String(row.id),
    userId: String(row.user_id),
    status: String(row.status),
    organisation: String(row.organisation),
    groupChatId: (row.staff_group_chat_id as string | null) ?? null,
    reason: String(row.reason),
    displayName: (row.display_name as string | null) ?? null,
    channel: (row.channel as Channel | null) ?? null,
    programmeTitle: (title as TopicContext['programmeTitle']) ?? null,
  };
}

export const isOpenStatus = (status: string) => status === 'waiting' || status === 'active';

/**
 * The last message before the handoff began. The turn that opened it wrote its messages in the same
 * transaction as the handoff row, so they share its `created_at` exactly (Postgres' now() is the
 * transaction's start); without such a turn, whatever came before. Later messages belong to the topic,
 * even one whose transaction started a moment earlier but waited for the chat's lock.
 */
export async function boundaryOf(db: Queryable, handoffId: string): Promise<number> {
  const [row] = rowsOf<{ boundary: string | number | null }>(
    await db.execute(sql`
      select coalesce(
        (select max(m.id) from messages m where m.user_id = h.user_id and m.created_at = h.created_at),
        (select max(m.id) from messages m where m.user_id = h.user_id and m.created_at < h.created_at),
        0) as boundary
      from handoffs h where h.id = ${handoffId}`),
  );
  return Number(row?.boundary ?? 0);
}

/** The person's last few texts up to the boundary (within a day of the handoff), oldest first. */
export async function recentTexts(
  db: Queryable,
  handoffId: string,
  boundary: number,
  limit = 3,
): Promise<string[]> {
  const rows = rowsOf<{ text: string }>(
    await db.execute(sql`
      select m.body ->> 'text' as text from messages m join handoffs h on h.id = ${handoffId}
      where m.user_id = h.user_id and m.id <= ${boundary} and m.direction = 'in'
        and m.body ->> 'type' = 'text' and m.created_at > h.created_at - interval '1 day'
        and ${ours('m', 'h')}
      order by m.id desc limit ${limit}`),
  );
  return rows.map((r) => r.text).reverse();
}

/**
 * The conversation's messages after the cursor that the group may need (the person's, and staff
 * replies), up to the handoff's end: what the person says to the bot afterwards is not the staff's.
 */
export async function messagesAfter(
  db: Queryable,
  handoffId: string,
  cursor: number,
  limit: number,
): Promise<Array<LoggedMessage & { id: number }>> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select m.id, m.direction, m.origin, m.channel, m.body from messages m join handoffs h on h.id = ${handoffId}
      where m.user_id = h.user_id and m.id > ${cursor} and (m.direction = 'in' or m.origin = 'staff')
        and (h.closed_at is null or m.created_at <= h.closed_at) and ${ours('m', 'h')}
      order by m.id limit ${limit}`),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    direction: r.direction as 'in' | 'out',
    origin: String(r.origin),
    channel: r.channel as Channel,
    body: (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as Record<string, unknown>,
  }));
}

/** The topic exists: its thread is recorded on the topic row and on the handoff (for the dashboard). */
export async function recordThread(db: Db, topic: Topic, threadId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(staffGroupTopics)
      .set({ threadId, step: 'summary', attempts: 0, error: null })
      .where(and(eq(staffGroupTopics.id, topic.id), eq(staffGroupTopics.step, 'new')));
    if (topic.handoffId)
      await tx.update(handoffs).set({ staffThreadId: threadId }).where(eq(handoffs.id, topic.handoffId));
  });
}

/** Moves a topic to its next step (only from the step the worker saw: a stale worker changes nothing). */
export async function moveTo(
  db: Queryable,
  topic: Topic,
  step: Step,
  extra: { mirroredThrough?: number; error?: string } = {},
): Promise<void> {
  await db
    .update(staffGroupTopics)
    .set({
      step,
      attempts: 0,
      error: extra.error ?? null,
      availableAt: sql`now()`,
      ...(extra.mirroredThrough !== undefined ? { mirroredThrough: extra.mirroredThrough } : {}),
    })
    .where(and(eq(staffGroupTopics.id, topic.id), eq(staffGroupTopics.step, topic.step)));
}

/** One message is in the group (or deliberately left out): never posted again. */
export async function advanceCursor(db: Queryable, topicId: number, messageId: number): Promise<void> {
  await db
    .update(staffGroupTopics)
    .set({ mirroredThrough: messageId, attempts: 0, error: null })
    .where(and(eq(staffGroupTopics.id, topicId), sql`${staffGroupTopics.mirroredThrough} < ${messageId}`));
}

/** Gives the row back: due again after `delayMs` (0: as soon as there is work). */
export async function release(
  db: Queryable,
  topicId: number,
  delayMs: number,
  failure?: { error: string; countAttempt: boolean },
): Promise<void> {
  await db
    .update(staffGroupTopics)
    .set({
      availableAt: sql`now() + make_interval(secs => ${delayMs / 1000})`,
      ...(failure
        ? {
            error: failure.error,
            ...(failure.countAttempt ? { attempts: sql`${staffGroupTopics.attempts} + 1` } : {}),
          }
        : {}),
    })
    .where(eq(staffGroupTopics.id, topicId));
}

/** Nothing more will be posted for this topic (the warning is in the log, the error on the row). */
export async function giveUp(db: Queryable, topicId: number, error: string): Promise<void> {
  await db
    .update(staffGroupTopics)
    .set({ step: 'gave_up', error, availableAt: sql`now()` })
    .where(eq(staffGroupTopics.id, topicId));
}

export async function forgetTopic(db: Queryable, topicId: number): Promise<void> {
  await db.delete(staffGroupTopics).where(eq(staffGroupTopics.id, topicId));
}

/** The organisation whose staff group this chat is. */
export async function organisationOfGroup(
  db: Queryable,
  chatId: string,
): Promise<{ slug: string } | undefined> {
  const [row] = rowsOf<{ slug: string }>(
    await db.execute(sql`select slug from organisations where staff_group_chat_id = ${chatId} limit 1`),
  );
  return row;
}

/** The handoff whose topic this is, in this organisation's current group. */
export async function handoffOfThread(
  db: Queryable,
  organisation: string,
  chatId: string,
  threadId: number,
): Promise<{ id: string; status: string } | undefined> {
  const [row] = rowsOf<{ id: string; status: string }>(
    await db.execute(sql`
      select h.id, h.status from staff_group_topics t join handoffs h on h.id = t.handoff_id
      where t.chat_id = ${chatId} and t.thread_id = ${threadId} and h.organisation = ${organisation}
      limit 1`),
  );
  return row;
}

/** Whether a platform event was handled already (a cheap look before work done outside the transaction). */
export async function wasProcessed(db: Queryable, channel: string, eventId: string): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(
      sql`select 1 from processed_events where channel = ${channel} and event_id = ${eventId} limit 1`,
    ),
  );
  return rows.length > 0;
}
