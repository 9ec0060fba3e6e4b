import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

/**
 * A conversation handed to a person at an organisation. While one is open (conversations.handoff_id),
 * the bot stays silent in that chat; staff read the message log and answer through the outbox.
 */
export const handoffs = pgTable(
  'handoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The organisation's slug (the programme's organiser, or the default desk). */
    organisation: text('organisation').notNull(),
    programmeSlug: text('programme_slug'),
    /** waiting → active (claimed by staff) → closed; or cancelled by the person while waiting. */
    status: text('status').$type<'waiting' | 'active' | 'closed' | 'cancelled'>().notNull(),
    /** `asked` (the person asked) or `misses` (the bot could not understand twice). */
    reason: text('reason').notNull(),
    assignedTo: text('assigned_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The forum topic of this handoff in the organisation's Telegram staff group, once opened. */
    staffThreadId: integer('staff_thread_id'),
    /** 1–5, asked when staff close. */
    rating: integer('rating'),
  },
  (t) => [
    index('handoffs_queue_idx').on(t.organisation, t.status, t.createdAt),
    index('handoffs_user_idx').on(t.userId),
  ],
);
