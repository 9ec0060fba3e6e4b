import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

/**
 * Processing log (UU 27/2022, accountability): who accessed or changed whose personal data, when.
 * Rows outlive the person: on erasure `subject_user_id` becomes null and only `subject_hash` (a one-way
 * hash of the erased id) is left, so the log proves the erasure without identifying anyone. `detail`
 * holds counts and names of sources, never personal data.
 */
export const personalDataLog = pgTable(
  'personal_data_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** `user` (the person themself), `system` (jobs), or `staff:<id>`. */
    actor: text('actor').notNull(),
    /** view · export · update · erase · withdraw · purge */
    action: text('action').$type<PersonalDataAction>().notNull(),
    subjectUserId: uuid('subject_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** sha256 of the subject's user id; null for bulk operations (a message-history purge). */
    subjectHash: text('subject_hash'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('personal_data_log_subject_idx').on(t.subjectHash, t.at),
    index('personal_data_log_at_idx').on(t.at),
  ],
);

export type PersonalDataAction = 'view' | 'export' | 'update' | 'erase' | 'withdraw' | 'purge';

/**
 * A person whose data was erased inside a conversation turn, waiting until the confirmation reached
 * them to remove the last rows (the account row, its channel addresses, that turn's messages). See
 * docs/privacy.md, "The last message after erasure".
 */
export const pendingErasures = pgTable('pending_erasures', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
});
