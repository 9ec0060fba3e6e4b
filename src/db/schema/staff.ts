import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { handoffs } from './handoff';
import { organisationMembers, organisations } from './organisations';

/*
 * The staff dashboard (/admin, issue #8): login sessions, canned responses and internal notes.
 */

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/**
 * A logged-in browser. Only the SHA-256 of the cookie's token is stored, so a leaked table cannot be
 * replayed; `csrf_token` is echoed in every form of the session (synchroniser token).
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => organisationMembers.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: at('created_at'),
    lastSeenAt: at('last_seen_at'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_sessions_member_idx').on(t.memberId)],
);

/** Ready answers an organisation's staff pick from the reply box; editable by owners and staff. */
export const cannedResponses = pgTable(
  'canned_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [index('canned_responses_org_idx').on(t.organisationId)],
);

/** Notes staff leave on a handoff for each other; never sent to the person. */
export const handoffNotes = pgTable(
  'handoff_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    handoffId: uuid('handoff_id')
      .notNull()
      .references(() => handoffs.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => organisationMembers.id, { onDelete: 'set null' }),
    /** Kept when the member is removed, so the note still says who wrote it. */
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: at('created_at'),
  },
  (t) => [index('handoff_notes_handoff_idx').on(t.handoffId)],
);

/**
 * Wrong dashboard logins per client network (src/admin/auth/throttle.ts). The per-account lock stops
 * guessing one password; this stops one address trying a common password on many accounts. The key is
 * a hash of the address (an IPv6 /64), never the address itself.
 */
export const loginThrottle = pgTable('login_throttle', {
  addressKey: text('address_key').primaryKey(),
  failures: integer('failures').notNull(),
  windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
});
