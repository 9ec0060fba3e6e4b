import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Profile } from '../../shared/profile';
import { users } from './core';

/** What the person told us about themselves, asked once and kept (only after consent). */
export interface StoredProfile extends Profile {
  /** Interest-quiz result: RIASEC types, best first, and when it was taken. */
  interests?: { types: string[]; fieldsRecommended?: string[]; takenAt: string };
}

export const profiles = pgTable('profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  data: jsonb('data').$type<StoredProfile>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
