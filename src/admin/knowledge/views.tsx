import type { Child } from 'hono/jsx';
import { formatDateId } from '../../eligibility';
import { globalEntries } from '../../knowledge/entries';
import { ANSWER_MAX, type ImportProblem, KEYWORDS_MAX, QUESTION_MAX, TOPICS } from '../../knowledge/format';
import type { KnowledgeEntryRow } from '../../knowledge/store';
import type { UnansweredRow } from '../../knowledge/unanswered';
import { type AdminContext, canAct } from '../context';
import { Field, type FieldAria, FormShell } from '../form-parts';
import { Csrf } from '../layout';
import type { EntryDraft } from './form';

const k = (c: AdminContext, key: string, vars: Record<string, unknown> = {}) =>
  c.var.t(`knowledge:admin.${key}`, vars) as string;

/** The entry's field messages (`knowledge:admin.problem.<field>`). */
const PROBLEMS = 'knowledge:admin.problem';

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
  const error = (field: string) => (problems.includes(field) ? { key: field } : undefined);
  /** One field of the entry: its label, hint and message from the locales, the control given. */
  const field = (
    name: keyof typeof FIELD_IDS & keyof EntryDraft,
    label: string,
    control: (aria: FieldAria) => Child,
    hint?: string,
  ) => (
    <Field
      c={c}
      id={FIELD_IDS[name]!}
      label={k(c, `fields.${label}`)}
      hint={hint ? k(c, `fields.${hint}`) : undefined}
      prefix={PROBLEMS}
      error={error(name)}
      control={(aria) => control({ ...aria, name })}
    />
  );
  return (
    <FormShell
      c={c}
      action={action}
      submit={k(c, 'save')}
      prefix={PROBLEMS}
      summary={k(c, 'problems')}
      errors={problems.map((p) => [FIELD_IDS[p] ?? FIELD_IDS.question_id!, { key: p }])}
    >
      <input type="hidden" name="from" value={draft.from} />
      {field('topic', 'topic', (aria) => (
        <select {...aria}>
          {TOPICS.map((topic) => (
            <option value={topic} selected={topic === draft.topic}>
              {k(c, `topic.${topic}`)}
            </option>
          ))}
        </select>
      ))}
      {field('question_id', 'questionId', (aria) => (
        <input type="text" required maxlength={QUESTION_MAX} value={draft.question_id} {...aria} />
      ))}
      {field(
        'answer_id',
        'answerId',
        (aria) => (
          <textarea rows={6} required maxlength={ANSWER_MAX} {...aria}>
            {draft.answer_id}
          </textarea>
        ),
        'answerHint',
      )}
      {field('question_en', 'questionEn', (aria) => (
        <input type="text" maxlength={QUESTION_MAX} value={draft.question_en} {...aria} />
      ))}
      {field('answer_en', 'answerEn', (aria) => (
        <textarea rows={5} maxlength={ANSWER_MAX} {...aria}>
          {draft.answer_en}
        </textarea>
      ))}
      {field(
        'keywords',
        'keywords',
        (aria) => (
          <textarea rows={3} maxlength={KEYWORDS_MAX} {...aria}>
            {draft.keywords}
          </textarea>
        ),
        'keywordsHint',
      )}
      {field('source_label', 'sourceLabel', (aria) => (
        <input type="text" required maxlength={300} value={draft.source_label} {...aria} />
      ))}
      {field('source_url', 'sourceUrl', (aria) => (
        <input type="url" maxlength={500} value={draft.source_url} {...aria} />
      ))}
      {field('checked_on', 'checkedOn', (aria) => (
        <input type="date" required value={draft.checked_on} {...aria} />
      ))}
    </FormShell>
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
