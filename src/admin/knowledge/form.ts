import { jakartaDay, toIsoDate } from '../../eligibility';
import { type EntryInput, entryInputSchema, TOPICS } from '../../knowledge/format';
import type { KnowledgeEntryRow } from '../../knowledge/store';

/** The entry form's values as typed (strings), so a refused form shows them again. */
export interface EntryDraft {
  topic: string;
  question_id: string;
  question_en: string;
  answer_id: string;
  answer_en: string;
  keywords: string;
  source_label: string;
  source_url: string;
  checked_on: string;
  /** The unanswered question this entry answers, if any. */
  from: string;
}

export const DRAFT_FIELDS = [
  'topic',
  'question_id',
  'question_en',
  'answer_id',
  'answer_en',
  'keywords',
  'source_label',
  'source_url',
  'checked_on',
  'from',
] as const;

export function emptyDraft(): EntryDraft {
  return {
    topic: 'other',
    question_id: '',
    question_en: '',
    answer_id: '',
    answer_en: '',
    keywords: '',
    source_label: '',
    source_url: '',
    checked_on: toIsoDate(jakartaDay()),
    from: '',
  };
}

export function draftOf(row: KnowledgeEntryRow): EntryDraft {
  return {
    topic: row.topic,
    question_id: row.questionId,
    question_en: row.questionEn ?? '',
    answer_id: row.answerId,
    answer_en: row.answerEn ?? '',
    keywords: row.keywords,
    source_label: row.sourceLabel,
    source_url: row.sourceUrl ?? '',
    checked_on: row.checkedOn,
    from: '',
  };
}

export function draftFrom(body: Record<string, unknown>): EntryDraft {
  const out = emptyDraft();
  for (const f of DRAFT_FIELDS) {
    const v = body[f];
    out[f] = typeof v === 'string' ? v.slice(0, 4000) : f === 'checked_on' ? out.checked_on : '';
  }
  if (!(TOPICS as readonly string[]).includes(out.topic)) out.topic = 'other';
  return out;
}

/** Validates through the import format's schema; problems are the form fields to fix. */
export function checkDraft(d: EntryDraft): { value?: EntryInput; problems: string[] } {
  const result = entryInputSchema.safeParse({
    topic: d.topic,
    question: { id: d.question_id, en: d.question_en },
    answer: { id: d.answer_id, en: d.answer_en },
    keywords: d.keywords,
    source: { label: d.source_label, url: d.source_url },
    checked_on: d.checked_on,
  });
  if (result.success) return { value: result.data, problems: [] };
  const fields = new Set<string>();
  for (const issue of result.error.issues) {
    const [head, sub] = issue.path.map(String);
    if (head === 'question' || head === 'answer') fields.add(`${head}_${sub ?? 'id'}`);
    else if (head === 'source') fields.add(sub === 'url' ? 'source_url' : 'source_label');
    else fields.add(head ?? 'entry');
  }
  return { problems: [...fields] };
}
