import type { ApplicationStatus } from '../../../shared/application-statuses';
import type { AdminContext } from '../../context';
import { Csrf } from '../../layout';
import type { ChangeValues } from '../change-form';
import { UNDO_SECONDS } from '../decisions';

/** One selected application as the bulk pages show it. */
export interface BulkPerson {
  id: string;
  name: string;
  reference: string;
  status: ApplicationStatus;
  /** The chosen status may follow this one (otherwise it is left as it is, and said so). */
  allowed: boolean;
}

const Ids = ({ people }: { people: BulkPerson[] }) => (
  <>
    {people.map((p) => (
      <input type="hidden" name="ids" value={p.id} />
    ))}
  </>
);

/** Who was selected, and whether the chosen status applies to each. */
function Selected(props: { c: AdminContext; people: BulkPerson[]; status?: ApplicationStatus | undefined }) {
  const t = props.c.var.t;
  return (
    <ul class="appl-bulk-people">
      {props.people.map((p) => (
        <li>
          <a href={`/admin/applicants/${p.id}`}>{p.name}</a> <span class="muted">{p.reference}</span> ·{' '}
          {t(`applications:status.${p.status}.label`)}
          {props.status && !p.allowed ? (
            <strong class="appl-bulk-skip">
              {' '}
              —{' '}
              {t('dashboard:applicants.bulk.notAllowed', {
                status: t(`applications:status.${props.status}.label`),
              })}
            </strong>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The fields of a bulk change: status, an interview's date and place, the note (reason) for everyone. */
export function BulkFields(props: {
  c: AdminContext;
  statuses: readonly ApplicationStatus[];
  values: ChangeValues;
  errors: Record<string, string>;
  form?: string;
}) {
  const { c, values, errors } = props;
  const t = c.var.t;
  const k = (key: string) => t(`dashboard:applicants.change.${key}`);
  const err = (name: string) =>
    errors[name] ? (
      <p class="prog-error" id={`b-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const aria = (name: string, hint = false) => ({
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby':
      [hint ? `b-${name}-hint` : '', errors[name] ? `b-${name}-error` : ''].filter(Boolean).join(' ') ||
      undefined,
  });
  return (
    <>
      <label for="b-status">{k('status')}</label>
      <select id="b-status" name="status" required {...aria('status')}>
        <option value="">{k('choose')}</option>
        {props.statuses.map((s) => (
          <option value={s} selected={s === values.status}>
            {t(`applications:status.${s}.label`)}
          </option>
        ))}
      </select>
      {err('status')}
      <details
        class="appl-interview"
        open={values.status === 'wawancara' || Boolean(errors.date || errors.place)}
      >
        <summary>{k('interview')}</summary>
        <label for="b-date">{k('date')}</label>
        <p class="muted prog-hint" id="b-date-hint">
          {k('dateHint')}
        </p>
        <input id="b-date" name="date" type="datetime-local" value={values.date} {...aria('date', true)} />
        {err('date')}
        <label for="b-place">{k('place')}</label>
        <input
          id="b-place"
          name="place"
          type="text"
          maxlength={300}
          value={values.place}
          {...aria('place')}
        />
        {err('place')}
      </details>
      <label for="b-reason">{k('reasonLabel')}</label>
      <p class="muted prog-hint" id="b-reason-hint">
        {t('dashboard:applicants.bulk.reasonHint')}
      </p>
      <textarea id="b-reason" name="reason" maxlength={500} rows={3} {...aria('reason', true)}>
        {values.reason}
      </textarea>
      {err('reason')}
    </>
  );
}

/**
 * The bulk change's own page: the form again when something is missing, or — for a final decision —
 * the confirmation with the message one person will read (each gets it with their own reference).
 */
export function BulkPage(props: {
  c: AdminContext;
  people: BulkPerson[];
  statuses: readonly ApplicationStatus[];
  values: ChangeValues;
  errors: Record<string, string>;
  confirm?: { status: ApplicationStatus; preview: { text: string; locale: string } | undefined };
}) {
  const { c, people, values } = props;
  const t = c.var.t;
  const k = (key: string, vars?: Record<string, unknown>) =>
    t(`dashboard:applicants.bulk.${key}`, vars ?? {});
  const chosen = props.confirm?.status;
  const applies = chosen ? people.filter((p) => p.allowed).length : people.length;
  return (
    <>
      <p class="back">
        <a href="/admin/applicants">{t('dashboard:applicants.detail.back')}</a>
      </p>
      {props.errors._form ? (
        <p class="notice error" role="alert">
          {props.errors._form}
        </p>
      ) : null}
      <p>
        {chosen
          ? k('confirmLead', { count: applies, status: t(`applications:status.${chosen}.label`) })
          : k('lead', { count: people.length })}
      </p>
      <Selected c={c} people={people} status={chosen} />
      {props.confirm ? (
        <>
          {props.confirm.preview ? (
            <>
              <h2>{t('dashboard:applicants.confirm.previewHeading')}</h2>
              <p class="muted">{k('previewNote')}</p>
              <blockquote class="bc-preview" lang={props.confirm.preview.locale}>
                {props.confirm.preview.text}
              </blockquote>
              <p class="muted">
                {t('dashboard:applicants.confirm.held', { minutes: Math.round(UNDO_SECONDS / 60) })}
              </p>
            </>
          ) : null}
          <form method="post" action="/admin/applicants/bulk" class="actions">
            <Csrf c={c} />
            <Ids people={people} />
            <input type="hidden" name="status" value={props.confirm.status} />
            <input type="hidden" name="date" value={values.date} />
            <input type="hidden" name="place" value={values.place} />
            <input type="hidden" name="reason" value={values.reason} />
            <button type="submit" name="confirm" value="1" disabled={applies === 0}>
              {k('submit', { count: applies })}
            </button>{' '}
            <button type="submit" name="edit" value="1" class="secondary">
              {t('dashboard:applicants.confirm.edit')}
            </button>
          </form>
        </>
      ) : people.length ? (
        <form method="post" action="/admin/applicants/bulk" class="card appl-change">
          <Csrf c={c} />
          <Ids people={people} />
          <BulkFields c={c} statuses={props.statuses} values={values} errors={props.errors} />
          <p class="actions">
            <button type="submit">{k('next')}</button>
          </p>
        </form>
      ) : null}
    </>
  );
}

/** After a bulk change: who changed, who was left as they were and why, and one undo for the held ones. */
export function BulkResult(props: {
  c: AdminContext;
  status: ApplicationStatus;
  changed: BulkPerson[];
  skipped: { person: BulkPerson; why: string }[];
  held: boolean;
}) {
  const { c, changed, skipped } = props;
  const t = c.var.t;
  const k = (key: string, vars?: Record<string, unknown>) =>
    t(`dashboard:applicants.bulk.${key}`, vars ?? {});
  const label = t(`applications:status.${props.status}.label`);
  return (
    <>
      <p class="back">
        <a href="/admin/applicants">{t('dashboard:applicants.detail.back')}</a>
      </p>
      <p class="notice ok" role="status">
        {k(props.held ? 'doneHeld' : 'done', { count: changed.length, status: label })}
      </p>
      {changed.length ? (
        <ul class="appl-bulk-people">
          {changed.map((p) => (
            <li>
              <a href={`/admin/applicants/${p.id}`}>{p.name}</a> <span class="muted">{p.reference}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {skipped.length ? (
        <>
          <h2>{k('skippedHeading', { count: skipped.length })}</h2>
          <ul class="appl-bulk-people">
            {skipped.map((s) => (
              <li>
                <a href={`/admin/applicants/${s.person.id}`}>{s.person.name}</a>{' '}
                <span class="muted">{s.person.reference}</span> — {s.why}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.held && changed.length ? (
        <form method="post" action="/admin/applicants/bulk/undo" class="actions">
          <Csrf c={c} />
          <Ids people={changed} />
          <button type="submit" class="secondary">
            {k('undo', { count: changed.length })}
          </button>
        </form>
      ) : null}
    </>
  );
}
