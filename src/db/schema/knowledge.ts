import { date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

/*
 * The knowledge base (issue #14): answers to the questions young people ask, each with its source and the
 * date it was checked. Jembatan's own entries ship with the code (src/knowledge/seed.json); this table holds
 * the entries organisations write for their programmes and desk, and the questions nobody could answer.
 */

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export const knowledgeEntries = pgTable(
  'knowledge_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Stable within the organisation: an import with the same key updates the entry. */
    key: text('key').notNull(),
    topic: text('topic').notNull(),
    questionId: text('question_id').notNull(),
    questionEn: text('question_en'),
    answerId: text('answer_id').notNull(),
    answerEn: text('answer_en'),
    /** Comma-separated phrases people use for this question (slang welcome); the matcher's anchors. */
    keywords: text('keywords').notNull().default(''),
    sourceLabel: text('source_label').notNull(),
    sourceUrl: text('source_url'),
    checkedOn: date('checked_on').notNull(),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [unique('knowledge_entries_org_key_uq').on(t.organisationId, t.key)],
);

/**
 * Questions the bot could not answer, grouped by their normalised text, for staff to answer into the
 * knowledge base. No person is linked: only the (masked) words and how often they were asked.
 */
export const unansweredQuestions = pgTable(
  'unanswered_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The desk that sees it: the organisation of the programme in view, or the default desk (slug). */
    organisation: text('organisation').notNull(),
    normalized: text('normalized').notNull(),
    /** The latest wording, NIK-, phone- and email-shaped text masked. */
    example: text('example').notNull(),
    locale: text('locale').notNull().default('id'),
    count: integer('count').notNull().default(1),
    /** open → answered (an entry was written for it) or dismissed. */
    status: text('status').$type<'open' | 'answered' | 'dismissed'>().notNull().default('open'),
    entryId: uuid('entry_id').references(() => knowledgeEntries.id, { onDelete: 'set null' }),
    firstAskedAt: at('first_asked_at'),
    lastAskedAt: at('last_asked_at'),
  },
  (t) => [
    unique('unanswered_questions_org_text_uq').on(t.organisation, t.normalized),
    index('unanswered_questions_list_idx').on(t.organisation, t.status, t.count),
  ],
);
