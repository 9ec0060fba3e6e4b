import { bigserial, boolean, index, jsonb, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProgrammeQuery } from '../../shared/programme-query';
import { programmes } from './catalogue';
import { users } from './core';

/** "Simpan": programmes a person keeps, reminded before registration closes. */
export const savedProgrammes = pgTable(
  'saved_programmes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.programmeId] })],
);

/** "Kabari aku kalau ada magang Jepang": a stored search, matched against newly imported programmes. */
export const programmeAlerts = pgTable(
  'programme_alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    query: jsonb('query').$type<ProgrammeQuery>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastNotifiedAt: timestamp('last_notified_at', { withTimezone: true }),
  },
  (t) => [index('programme_alerts_user_idx').on(t.userId)],
);
