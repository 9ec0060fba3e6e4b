import type { CannedProblem, CannedResponse } from '../../handoff/canned';
import { CANNED_BODY_MAX, CANNED_TITLE_MAX } from '../../handoff/canned';
import { type AdminContext, canAct } from '../context';
import { Csrf } from '../layout';

export interface CannedDraft {
  title: string;
  body: string;
  problems: CannedProblem[];
}

const problemText = (c: AdminContext, p: CannedProblem) =>
  c.var.t(`inbox:canned.${p.field}${p.key === 'required' ? 'Required' : 'TooLong'}`, p);

/** The create/edit form; shows every problem above the form and beside its field, keeping the input. */
export function CannedForm(props: { c: AdminContext; action: string; draft?: CannedDraft | undefined }) {
  const { c, action, draft } = props;
  const t = c.var.t;
  const titleProblem = draft?.problems.find((p) => p.field === 'title');
  const bodyProblem = draft?.problems.find((p) => p.field === 'body');
  return (
    <form method="post" action={action}>
      <Csrf c={c} />
      {draft?.problems.length ? (
        <div class="notice error" role="alert">
          <p>{t('inbox:canned.problems')}</p>
          <ul>
            {draft.problems.map((p) => (
              <li>
                <a href={`#inbox-canned-${p.field}`}>{problemText(c, p)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <label for="inbox-canned-title">{t('inbox:canned.titleLabel')}</label>
      {titleProblem ? (
        <p class="inbox-field-error" id="inbox-canned-title-error">
          {problemText(c, titleProblem)}
        </p>
      ) : null}
      <input
        id="inbox-canned-title"
        name="title"
        type="text"
        required
        maxlength={CANNED_TITLE_MAX}
        value={draft?.title ?? ''}
        aria-invalid={titleProblem ? 'true' : undefined}
        aria-describedby={titleProblem ? 'inbox-canned-title-error' : undefined}
      />
      <label for="inbox-canned-body">{t('inbox:canned.bodyLabel')}</label>
      {bodyProblem ? (
        <p class="inbox-field-error" id="inbox-canned-body-error">
          {problemText(c, bodyProblem)}
        </p>
      ) : null}
      <textarea
        id="inbox-canned-body"
        name="body"
        rows={5}
        required
        maxlength={CANNED_BODY_MAX}
        aria-invalid={bodyProblem ? 'true' : undefined}
        aria-describedby={bodyProblem ? 'inbox-canned-body-error' : undefined}
      >
        {draft?.body ?? ''}
      </textarea>
      <div class="actions">
        <button type="submit">{t('inbox:canned.save')}</button>
      </div>
    </form>
  );
}

/** The list, with edit/delete for owners and staff and the "new" form below it. */
export function CannedList(props: { c: AdminContext; items: CannedResponse[]; draft?: CannedDraft }) {
  const { c, items } = props;
  const t = c.var.t;
  const writer = canAct(c);
  return (
    <>
      <p>
        <a href="/admin/inbox">{t('inbox:canned.back')}</a>
      </p>
      <p>{t('inbox:canned.intro')}</p>
      {items.length === 0 ? (
        <p class="muted">{t('inbox:canned.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t('inbox:canned.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inbox:canned.titleColumn')}</th>
                <th scope="col">{t('inbox:canned.bodyColumn')}</th>
                {writer ? <th scope="col">{t('inbox:canned.actionsColumn')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr>
                  <th scope="row">{r.title}</th>
                  <td class="inbox-text">{r.body}</td>
                  {writer ? (
                    <td>
                      <div class="actions">
                        <a
                          class="button secondary"
                          href={`/admin/inbox/canned/${r.id}/edit`}
                          aria-label={t('inbox:canned.editLink', { title: r.title })}
                        >
                          {t('inbox:canned.edit')}
                        </a>
                        <form
                          method="post"
                          action={`/admin/inbox/canned/${r.id}/delete`}
                          data-confirm={t('inbox:canned.deleteConfirm')}
                        >
                          <Csrf c={c} />
                          <button
                            type="submit"
                            class="danger"
                            aria-label={t('inbox:canned.deleteLabel', { title: r.title })}
                          >
                            {t('inbox:canned.delete')}
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
      )}
      {writer ? (
        <section aria-labelledby="inbox-canned-new-h">
          <h2 id="inbox-canned-new-h">{t('inbox:canned.new')}</h2>
          <CannedForm c={c} action="/admin/inbox/canned" draft={props.draft} />
        </section>
      ) : null}
    </>
  );
}
