import { bigint, bigserial, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { handoffs } from './handoff';

/**
 * The forum topic of one handoff in its organisation's Telegram staff group (issue #8), and how far the
 * group has been told about it: a small outbox per topic (src/channels/telegram/staff-group). The cursor
 * (`mirrored_through`, a `messages.id`) is moved after each post, so a retry never posts twice, and a
 * failure waits here (`available_at`) without touching the person's conversation.
 *
 * `handoff_id` is set null when the handoff goes (the person erased their data): the worker then deletes
 * the topic from the group, which is why the chat and thread are kept here as well.
 */
export const staffGroupTopics = pgTable(
  'staff_group_topics',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    handoffId: uuid('handoff_id')
      .unique()
      .references(() => handoffs.id, { onDelete: 'set null' }),
    /** The group the topic lives in (the organisation's `staff_group_chat_id` when it was opened). */
    chatId: text('chat_id').notNull(),
    threadId: integer('thread_id'),
    /** new → summary → open → closing → done; gave_up (not a forum, bot removed …). */
    step: text('step')
      .$type<'new' | 'summary' | 'open' | 'closing' | 'done' | 'gave_up'>()
      .notNull()
      .default('new'),
    /** The last `messages.id` of the person's conversation already posted (or deliberately skipped). */
    mirroredThrough: bigint('mirrored_through', { mode: 'number' }).notNull().default(0),
    /** Failures in a row (reset by a success). */
    attempts: integer('attempts').notNull().default(0),
    /** Not before this time: backoff, `retry_after`, or the lease of the worker holding the row. */
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_group_topics_thread_idx').on(t.chatId, t.threadId),
    index('staff_group_topics_due_idx').on(t.step, t.availableAt),
  ],
);
