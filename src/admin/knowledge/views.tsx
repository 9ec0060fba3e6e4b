import { formatDateId } from '../../eligibility';
import { globalEntries } from '../../knowledge/entries';
import { ANSWER_MAX, type ImportProblem, KEYWORDS_MAX, QUESTION_MAX, TOPICS } from '../../knowledge/format';
import type { KnowledgeEntryRow } from '../../knowledge/store';
import type { UnansweredRow } from '../../knowledge/unanswered';
import { type AdminContext, canAct } from '../context';
import { Csrf } from '../layout';
import type { EntryDraft } from './form';

const k = (c: AdminContext, key: string, vars: Record<string, unknown> = {}) =>
  c.var.t(`knowledge:admin.${key}`, vars) as string;

const FIELD_IDS: Record<string, string> = {
  topic: 'kb-topic',
  question_id: 'kb-question-id',
  question_en: 'kb-question-en',
  answer_id: 'kb-answer-id',
  answer_en: 'kb-answer-en',
  keywords: 'kb-keywords',
  source_label: 'kb-source-label',
  source_url: 'kb-source-url',
  checked_on: 'kb-checked-on',
};

function when(c: AdminContext, d: Date): string {
  return formatDateId(d.toISOString().slice(0, 10), c.var.locale);
}

/** The create/edit form: every problem listed above the form and beside its field, the input kept. */
export function EntryForm(props: {
  c: AdminContext;
  action: string;
  draft: EntryDraft;
  problems?: string[];
}) {
  const { c, action, draft } = props;
  const problems = props.problems ?? [];
  const err = (field: string) =>
    problems.includes(field) ? (
      <p class="inbox-field-error" id={`${FIELD_IDS[field]}-error`}>
        {k(c, `problem.${field}`)}
      </p>
    ) : null;
  const aria = (field: string, hint?: string) => {
    const described = [problems.includes(field) ? `${FIELD_IDS[field]}-error` : '', hint ?? ''].filter(
      Boolean,
    );
    return {
      id: FIELD_IDS[field],
      name: field,
      'aria-invalid': problems.includes(field) ? ('true' as const) : undefined,
      'aria-describedby': described.length ? described.join(' ') : undefined,
    };
  };
  return (
    <form method="post" action={action}>
      <Csrf c={c} />
      <input type="hidden" name="from" value={draft.from} />
      {problems.length ? (
        <div class="notice error" role="alert">
          <p>{k(c, 'problems')}</p>
          <ul>
            {problems.map((p) => (
              <li>
                <a href={`#${FIELD_IDS[p] ?? 'kb-question-id'}`}>{k(c, `problem.${p}`)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <label for={FIELD_IDS.topic}>{k(c, 'fields.topic')}</label>
      <select {...aria('topic')}>
        {TOPICS.map((topic) => (
          <option value={topic} selected={topic === draft.topic}>
            {k(c, `topic.${topic}`)}
          </option>
        ))}
      </select>
      <label for={FIELD_IDS.question_id}>{k(c, 'fields.questionId')}</label>
      {err('question_id')}
      <input
        type="text"
        required
        maxlength={QUESTION_MAX}
        value={draft.question_id}
        {...aria('question_id')}
      />
      <label for={FIELD_IDS.answer_id}>{k(c, 'fields.answerId')}</label>
      <p class="muted bc-hint" id="kb-answer-hint">
        {k(c, 'fields.answerHint')}
      </p>
      {err('answer_id')}
      <textarea rows={6} required maxlength={ANSWER_MAX} {...aria('answer_id', 'kb-answer-hint')}>
        {draft.answer_id}
      </textarea>
      <label for={FIELD_IDS.question_en}>{k(c, 'fields.questionEn')}</label>
      {err('question_en')}
      <input type="text" maxlength={QUESTION_MAX} value={draft.question_en} {...aria('question_en')} />
      <label for={FIELD_IDS.answer_en}>{k(c, 'fields.answerEn')}</label>
      {err('answer_en')}
      <textarea rows={5} maxlength={ANSWER_MAX} {...aria('answer_en')}>
        {draft.answer_en}
      </textarea>
      <label for={FIELD_IDS.keywords}>{k(c, 'fields.keywords')}</label>
      <p class="muted bc-hint" id="kb-keywords-hint">
        {k(c, 'fields.keywordsHint')}
      </p>
      {err('keywords')}
      <textarea rows={3} maxlength={KEYWORDS_MAX} {...aria('keywords', 'kb-keywords-hint')}>
        {draft.keywords}
      </textarea>
      <label for={FIELD_IDS.source_label}>{k(c, 'fields.sourceLabel')}</label>
      {err('source_label')}
      <input type="text" required maxlength={300} value={draft.source_label} {...aria('source_label')} />
      <label for={FIELD_IDS.source_url}>{k(c, 'fields.sourceUrl')}</label>
      {err('source_url')}
      <input type="url" maxlength={500} value={draft.source_url} {...aria('source_url')} />
      <label for={FIELD_IDS.checked_on}>{k(c, 'fields.checkedOn')}</label>
      {err('checked_on')}
      <input type="date" required value={draft.checked_on} {...aria('checked_on')} />
      <div class="actions">
        <button type="submit">{k(c, 'save')}</button>
      </div>
    </form>
  );
}

function UnansweredList(props: { c: AdminContext; rows: UnansweredRow[] }) {
  const { c, rows } = props;
  const writer = canAct(c);
  if (!rows.length) return <p class="muted">{k(c, 'unansweredEmpty')}</p>;
  return (
    <div class="table-wrap">
      <table class="stack">
        <caption class="sr-only">{k(c, 'unansweredCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{k(c, 'questionColumn')}</th>
            <th scope="col">{k(c, 'countColumn')}</th>
            <th scope="col">{k(c, 'lastColumn')}</th>
            {writer ? <th scope="col">{k(c, 'actionsColumn')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td data-label={k(c, 'questionColumn')} class="inbox-text">
                {r.example}
              </td>
              <td data-label={k(c, 'countColumn')}>{k(c, 'times', { count: r.count })}</td>
              <td data-label={k(c, 'lastColumn')}>{when(c, r.lastAskedAt)}</td>
              {writer ? (
                <td data-label={k(c, 'actionsColumn')}>
                  <div class="actions">
                    <a
                      class="button"
                      href={`/admin/knowledge/new?from=${r.id}`}
                      aria-label={k(c, 'answerLabel', { question: r.example })}
                    >
                      {k(c, 'answer')}
                    </a>
                    <form
                      method="post"
                      action={`/admin/knowledge/unanswered/${r.id}/dismiss`}
                      data-confirm={k(c, 'dismissConfirm')}
                    >
                      <Csrf c={c} />
                      <button
                        type="submit"
                        class="secondary"
                        aria-label={k(c, 'dismissLabel', { question: r.example })}
                      >
                        {k(c, 'dismiss')}
                      </button>
                    </form>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EntryList(props: { c: AdminContext; rows: KnowledgeEntryRow[] }) {
  const { c, rows } = props;
  const writer = canAct(c);
  if (!rows.length) return <p class="muted">{k(c, 'entriesEmpty')}</p>;
  return (
    <div class="table-wrap">
      <table class="stack">
        <caption class="sr-only">{k(c, 'entriesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{k(c, 'questionColumn')}</th>
            <th scope="col">{k(c, 'topicColumn')}</th>
            <th scope="col">{k(c, 'sourceColumn')}</th>
            <th scope="col">{k(c, 'checkedColumn')}</th>
            {writer ? <th scope="col">{k(c, 'actionsColumn')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td data-label={k(c, 'questionColumn')}>{r.questionId}</td>
              <td data-label={k(c, 'topicColumn')}>{k(c, `topic.${r.topic}`)}</td>
              <td data-label={k(c, 'sourceColumn')}>{r.sourceLabel}</td>
              <td data-label={k(c, 'checkedColumn')}>{formatDateId(r.checkedOn, c.var.locale)}</td>
              {writer ? (
                <td data-label={k(c, 'actionsColumn')}>
                  <div class="actions">
                    <a
                      class="button secondary"
                      href={`/admin/knowledge/${r.id}/edit`}
                      aria-label={k(c, 'editLabel', { question: r.questionId })}
                    >
                      {k(c, 'edit')}
                    </a>
                    <form
                      method="post"
                      action={`/admin/knowledge/${r.id}/delete`}
                      data-confirm={k(c, 'deleteConfirm')}
                    >
                      <Csrf c={c} />
                      <button
                        type="submit"
                        class="danger"
                        aria-label={k(c, 'deleteLabel', { question: r.questionId })}
                      >
                        {k(c, 'delete')}
                      </button>
                    </form>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportResult(props: {
  c: AdminContext;
  created?: number;
  updated?: number;
  problems?: ImportProblem[];
  unreadable?: boolean;
  empty?: boolean;
}) {
  const { c } = props;
  if (props.unreadable || props.empty)
    return (
      <p class="notice error" role="alert">
        {k(c, props.empty ? 'importEmpty' : 'importUnreadable')}
      </p>
    );
  return (
    <>
      <p class="notice ok" role="status">
        {k(c, 'importDone', { created: props.created ?? 0, updated: props.updated ?? 0 })}
      </p>
      {props.problems?.length ? (
        <div class="notice error" role="alert">
          <p>{k(c, 'importProblems')}</p>
          <ul>
            {props.problems.map((p) => (
              <li>{k(c, 'importProblem', { record: p.record, field: p.field })}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function ImportForm({ c }: { c: AdminContext }) {
  return (
    <form method="post" action="/admin/knowledge/import" enctype="multipart/form-data">
      <Csrf c={c} />
      <p class="muted" id="kb-import-hint">
        {k(c, 'importIntro')}
      </p>
      <label for="kb-import-file">{k(c, 'importFile')}</label>
      <input
        type="file"
        id="kb-import-file"
        name="file"
        accept=".json,.csv,application/json,text/csv"
        aria-describedby="kb-import-hint"
      />
      <div class="actions">
        <button type="submit">{k(c, 'importButton')}</button>
      </div>
    </form>
  );
}

/** The section's page: what is unanswered first (the work), then the organisation's entries and tools. */
export function KnowledgePage(props: {
  c: AdminContext;
  unanswered: UnansweredRow[];
  entries: KnowledgeEntryRow[];
}) {
  const { c } = props;
  const writer = canAct(c);
  const globals = globalEntries();
  const locale = c.var.locale;
  return (
    <>
      <p>{k(c, 'intro')}</p>
      {writer ? (
        <p>
          <a class="button" href="/admin/knowledge/new">
            {k(c, 'new')}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="kb-unanswered-h">
        <h2 id="kb-unanswered-h">{k(c, 'unansweredTitle')}</h2>
        <p class="muted">{k(c, 'unansweredIntro')}</p>
        <UnansweredList c={c} rows={props.unanswered} />
      </section>
      <section aria-labelledby="kb-entries-h">
        <h2 id="kb-entries-h">{k(c, 'entriesTitle')}</h2>
        <EntryList c={c} rows={props.entries} />
      </section>
      {writer ? (
        <section aria-labelledby="kb-import-h">
          <h2 id="kb-import-h">{k(c, 'importTitle')}</h2>
          <ImportForm c={c} />
        </section>
      ) : null}
      <section aria-labelledby="kb-global-h" class="kb-global">
        <h2 id="kb-global-h">{k(c, 'globalTitle', { count: globals.length })}</h2>
        <p class="muted">{k(c, 'globalIntro')}</p>
        {globals.map((e) => (
          <details>
            <summary>{(locale === 'en' && e.question.en) || e.question.id}</summary>
            <p class="inbox-text">{(locale === 'en' && e.answer.en) || e.answer.id}</p>
            <p class="muted">
              {e.source.label}
              {e.source.url ? (
                <>
                  {' — '}
                  <a href={e.source.url} rel="noopener noreferrer">
                    {e.source.url}
                  </a>
                </>
              ) : null}
              {` · ${formatDateId(e.checked_on, locale)}`}
            </p>
          </details>
        ))}
      </section>
    </>
  );
}

export function asked(c: AdminContext, row: UnansweredRow) {
  return <p class="muted">{k(c, 'asked', { count: row.count, example: row.example })}</p>;
}
