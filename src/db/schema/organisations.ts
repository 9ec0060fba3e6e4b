import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './core';

/*
 * Organisations that recruit through Jembatan (issue #7): their people, API tokens, referral links and
 * recruitment targets. An organisation owns the programmes whose `programmes.organisation` is its slug.
 */

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export type OrganisationRole = 'owner' | 'staff' | 'viewer';

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The catalogue's `application.organisation`, e.g. `kopri-pb-pmii`. */
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Minutes a person may wait in the inbox before the dashboard raises an alert (issue #8). */
  slaMinutes: integer('sla_minutes').notNull().default(15),
  /** Optional Telegram supergroup with forum topics where staff answer handoffs (one topic a person). */
  staffGroupChatId: text('staff_group_chat_id'),
  /** When staff answer, `1-5 08:00-16:00` (ISO weekdays, WIB), set in Pengaturan; null: the server's OFFICE_HOURS. */
  officeHours: text('office_hours'),
  createdAt: at('created_at'),
});

/** People at the organisation (not chat users): who may hold tokens and recruit. */
export const organisationMembers = pgTable(
  'organisation_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    role: text('role').$type<OrganisationRole>().notNull(),
    /** scrypt hash for the dashboard (src/organisations/accounts/passwords.ts); null: cannot log in. */
    passwordHash: text('password_hash'),
    /** Failed logins in a row; at the limit the account is locked until `locked_until`. */
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /**
     * The password is a one-time password an owner handed over: it opens one session only (the login
     * sets `password_expires_at` to then), and that session can do nothing but choose a new password.
     */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** A one-time password stops working at this time (72 hours after it was made, or its first use). */
    passwordExpiresAt: timestamp('password_expires_at', { withTimezone: true }),
    createdAt: at('created_at'),
  },
  (t) => [
    index('organisation_members_org_idx').on(t.organisationId),
    uniqueIndex('organisation_members_email_uq').on(t.organisationId, t.email),
  ],
);

/**
 * Bearer tokens for the API. Only the SHA-256 of a token is stored (the token is shown once); `prefix`
 * (the first characters) lets people tell their tokens apart. A token acts with its `role`.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => organisationMembers.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    role: text('role').$type<OrganisationRole>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdAt: at('created_at'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_org_idx').on(t.organisationId)],
);

/**
 * `t.me/<bot>?start=r_<code>` / `wa.me/<number>?text=r_<code>`: a link of the organisation, optionally
 * of one recruiter within it and optionally opening one programme's card.
 */
export const referralLinks = pgTable(
  'referral_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Without the `r_` prefix; unique across organisations. */
    code: text('code').notNull().unique(),
    label: text('label'),
    /** A recruiter's name (free text: recruiters are often volunteers, not members). */
    recruiter: text('recruiter'),
    memberId: uuid('member_id').references(() => organisationMembers.id, { onDelete: 'set null' }),
    programmeSlug: text('programme_slug'),
    active: boolean('active').notNull().default(true),
    createdAt: at('created_at'),
  },
  (t) => [index('referral_links_org_idx').on(t.organisationId)],
);

/** First touch: the referral link a new person arrived through (one per person, never replaced). */
export const referralAttributions = pgTable(
  'referral_attributions',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    referralLinkId: uuid('referral_link_id')
      .notNull()
      .references(() => referralLinks.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: at('created_at'),
  },
  (t) => [index('referral_attributions_link_idx').on(t.referralLinkId)],
);

/**
 * "≥ 100 participants, ≥ 50 % women, ≥ 5 % with disabilities" for one programme of the organisation or
 * all of them; progress is counted from applications (see src/organisations/targets.ts).
 */
export const recruitmentTargets = pgTable(
  'recruitment_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** null: every programme of the organisation. */
    programmeSlug: text('programme_slug'),
    participants: integer('participants'),
    womenPercent: integer('women_percent'),
    disabilityPercent: integer('disability_percent'),
    /** Application statuses that count as participants; null: every application not withdrawn or rejected. */
    statuses: text('statuses').array(),
    deadline: date('deadline', { mode: 'string' }),
    /** When every goal was first met (the `target.reached` webhook event fires once; cleared on an edit). */
    reachedAt: timestamp('reached_at', { withTimezone: true }),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [index('recruitment_targets_org_idx').on(t.organisationId)],
);
