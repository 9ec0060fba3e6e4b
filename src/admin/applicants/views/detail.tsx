import { formatWhen } from '../../../applications/format';
import { formatPhone } from '../../../applications/phone';
import type { Undoable } from '../../../applications/status';
import type { Evaluation } from '../../../eligibility';
import type { Locale, T } from '../../../i18n';
import { regionLabel } from '../../../regions';
import type { ApplicationStatus } from '../../../shared/application-statuses';
import type { AdminContext } from '../../context';
import { Csrf } from '../../layout';
import { formatInstant, formatNumber, localized } from '../../programmes/format';
import type { ApplicantDetail, DocumentRow, HistoryEntry } from '../service';
import { Verdict } from './verdict';

export interface StatusForm {
  values: { status: string; date: string; place: string; reason: string };
  errors: Record<string, string>;
}

function Item({ label, children }: { label: string; children?: string | null | undefined }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children || '—'}</dd>
    </>
  );
}

function answerText(t: T, value: unknown): string {
  if (value === true) return t('dashboard:applicants.detail.yes');
  if (value === false) return t('dashboard:applicants.detail.no');
  return value === undefined || value === null ? '' : String(value);
}

function Answers(props: { t: T; locale: Locale; a: ApplicantDetail; nik: string }) {
  const { t, locale, a } = props;
  const label = (key: string) => t(`applications:review.label.${key}`);
  const s = a.applicant ?? {};
  const education = s.education
    ? [
        t(`profile:value.education.${s.education.level}`),
        s.education.major ? t('applications:review.major', { major: s.education.major }) : '',
        s.education.graduationYear
          ? t('applications:review.graduated', { year: s.education.graduationYear })
          : '',
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  const place = s.domicileRegency ?? s.domicileProvince;
  const questions = a.programmeRecord.eligibility?.questions ?? [];
  return (
    <>
      <dl class="prog-dl">
        <Item label={label('fullName')}>{a.fullName}</Item>
        <Item label={label('nik')}>{props.nik}</Item>
        <Item label={label('phone')}>{a.phone ? formatPhone(a.phone) : ''}</Item>
        <Item label={label('email')}>
          {a.email ?? (a.emailSkipped ? t('dashboard:applicants.detail.noEmail') : '')}
        </Item>
        <Item label={label('address')}>{a.address}</Item>
        <Item label={label('birthDate')}>
          {s.birthDate
            ? s.birthDateApproximate
              ? t('dashboard:applicants.detail.approximateAge', { age: a.age ?? '?' })
              : s.birthDate.split('-').reverse().join('-')
            : ''}
        </Item>
        <Item label={label('gender')}>{a.gender ? t(`profile:value.gender.${a.gender}`) : ''}</Item>
        <Item label={label('domicile')}>{place ? (regionLabel(place) ?? place) : ''}</Item>
        <Item label={label('education')}>{education}</Item>
        <Item label={t('dashboard:applicants.detail.disability')}>
          {a.disability
            ? a.disabilityNeeds
              ? t('dashboard:applicants.detail.disabilityNeeds', { needs: a.disabilityNeeds })
              : t('dashboard:applicants.detail.yes')
            : t('dashboard:applicants.detail.notDeclared')}
        </Item>
      </dl>
      {questions.length ? (
        <>
          <h3>{t('dashboard:applicants.detail.questions')}</h3>
          <dl class="prog-dl">
            {questions.map((q) => (
              <Item label={localized(q.ask, locale)}>{answerText(t, s.answers?.[q.id])}</Item>
            ))}
          </dl>
        </>
      ) : null}
    </>
  );
}

function Documents(props: { t: T; locale: Locale; id: string; docs: DocumentRow[]; canDownload: boolean }) {
  const { t, locale } = props;
  if (!props.docs.length) return <p>{t('dashboard:applicants.detail.noDocuments')}</p>;
  return (
    <ul class="appl-docs">
      {props.docs.map((d) => (
        <li>
          {props.canDownload ? (
            <a href={`/admin/applicants/${props.id}/documents/${d.kind}`} download>
              {t(`catalogue:document.${d.kind}`, { defaultValue: d.kind })}
            </a>
          ) : (
            t(`catalogue:document.${d.kind}`, { defaultValue: d.kind })
          )}{' '}
          <span class="muted">
            {t('dashboard:applicants.detail.docMeta', {
              type: d.mimeType === 'application/pdf' ? 'PDF' : t('dashboard:applicants.detail.photo'),
              size: formatNumber(Math.max(1, Math.round(d.size / 1024)), locale),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

function actorText(t: T, e: HistoryEntry): string {
  if (e.actor === 'person') return t('dashboard:applicants.history.person');
  if (e.actor === 'system') return t('dashboard:applicants.history.system');
  if (e.actorName) return t('dashboard:applicants.history.staffNamed', { name: e.actorName });
  return t('dashboard:applicants.history.staff');
}

function History(props: { t: T; locale: Locale; history: HistoryEntry[] }) {
  const { t, locale } = props;
  return (
    <ol class="appl-history">
      {props.history.map((e) => (
        <li>
          <strong>{t(`applications:status.${e.to}.label`)}</strong>{' '}
          <span class="muted">
            {formatInstant(e.at, locale)} · {actorText(t, e)}
          </span>
          {e.details?.date || e.details?.place ? (
            <>
              <br />
              {[formatWhen(e.details.date, locale), e.details.place].filter(Boolean).join(' · ')}
            </>
          ) : null}
          {e.details?.undone ? (
            <>
              <br />
              {t('dashboard:applicants.history.undone')}
            </>
          ) : null}
          {e.details?.reason ? (
            <>
              <br />
              {t('dashboard:applicants.history.note', { note: e.details.reason })}
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function ChangeStatus(props: {
  c: AdminContext;
  id: string;
  allowed: ApplicationStatus[];
  form: StatusForm;
}) {
  const { c, form } = props;
  const t = c.var.t;
  const k = (key: string) => t(`dashboard:applicants.change.${key}`);
  const err = (name: string) =>
    form.errors[name] ? (
      <p class="prog-error" id={`s-${name}-error`}>
        {form.errors[name]}
      </p>
    ) : null;
  const aria = (name: string, hint = false) => ({
    'aria-invalid': form.errors[name] ? ('true' as const) : undefined,
    'aria-describedby':
      [hint ? `s-${name}-hint` : '', form.errors[name] ? `s-${name}-error` : ''].filter(Boolean).join(' ') ||
      undefined,
  });
  return (
    <form method="post" action={`/admin/applicants/${props.id}/status`} class="card appl-change">
      <Csrf c={c} />
      {form.errors._form ? (
        <p class="notice error" role="alert">
          {form.errors._form}
        </p>
      ) : null}
      <label for="s-status">{k('status')}</label>
      <select id="s-status" name="status" required {...aria('status')}>
        <option value="">{k('choose')}</option>
        {props.allowed.map((s) => (
          <option value={s} selected={s === form.values.status}>
            {t(`applications:status.${s}.label`)}
          </option>
        ))}
      </select>
      {err('status')}
      <fieldset class="appl-interview">
        <legend>{k('interview')}</legend>
        <label for="s-date">{k('date')}</label>
        <p class="muted prog-hint" id="s-date-hint">
          {k('dateHint')}
        </p>
        <input
          id="s-date"
          name="date"
          type="datetime-local"
          value={form.values.date}
          {...aria('date', true)}
        />
        {err('date')}
        <label for="s-place">{k('place')}</label>
        <input
          id="s-place"
          name="place"
          type="text"
          maxlength={300}
          value={form.values.place}
          {...aria('place')}
        />
        {err('place')}
      </fieldset>
      <label for="s-reason">{k('reasonLabel')}</label>
      <p class="muted prog-hint" id="s-reason-hint">
        {k('reasonHint')}
      </p>
      <textarea id="s-reason" name="reason" maxlength={500} rows={3} {...aria('reason', true)}>
        {form.values.reason}
      </textarea>
      {err('reason')}
      <p class="actions">
        <button type="submit">{k('submit')}</button>
      </p>
    </form>
  );
}

/** One tap to call, to write on WhatsApp, or to open the chat with the person in the inbox. */
function Contact(props: { c: AdminContext; a: ApplicantDetail; conversation?: string | undefined }) {
  const { c, a } = props;
  const t = c.var.t;
  const digits = a.phone?.replace(/\D/g, '');
  return (
    <>
      {a.channel ? (
        <p class="muted">
          {t('dashboard:applicants.detail.channel')}:{' '}
          {t(`dashboard:applicants.channel.${a.channel}`, { defaultValue: a.channel })}
        </p>
      ) : null}
      {digits || props.conversation ? (
        <ContactLinks c={c} a={a} digits={digits} conversation={props.conversation} />
      ) : null}
    </>
  );
}

function ContactLinks(props: {
  c: AdminContext;
  a: ApplicantDetail;
  digits: string | undefined;
  conversation?: string | undefined;
}) {
  const { c, a, digits } = props;
  const t = c.var.t;
  return (
    <p class="actions appl-contact">
      {a.phone && digits ? (
        <>
          <a class="button secondary" href={`tel:+${digits}`}>
            {t('dashboard:applicants.contact.call', { phone: formatPhone(a.phone) })}
          </a>
          <a class="button secondary" href={`https://wa.me/${digits}`} rel="noopener noreferrer">
            {t('dashboard:applicants.contact.whatsapp')}
          </a>
        </>
      ) : null}
      {props.conversation ? (
        <a class="button secondary" href={`/admin/inbox/${props.conversation}`}>
          {t('dashboard:applicants.contact.conversation')}
        </a>
      ) : null}
    </p>
  );
}

/** A decision whose message is still held: when it goes, and the one button that takes it back. */
function UndoBox(props: { c: AdminContext; id: string; undoable: Undoable; canWrite: boolean }) {
  const { c, undoable } = props;
  const t = c.var.t;
  const k = (key: string, vars?: Record<string, unknown>) =>
    t(`dashboard:applicants.undo.${key}`, vars ?? {});
  return (
    <section class="card appl-undo" aria-labelledby="undo-heading">
      <h2 id="undo-heading">{k('heading')}</h2>
      <p>
        {k('when', {
          status: t(`applications:status.${undoable.to}.label`),
          time: formatInstant(undoable.sendsAt, c.var.locale),
        })}
      </p>
      {props.canWrite ? (
        <form method="post" action={`/admin/applicants/${props.id}/undo`}>
          <Csrf c={c} />
          <button type="submit">
            {k('submit', { status: t(`applications:status.${undoable.from}.label`) })}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function ApplicantPage(props: {
  c: AdminContext;
  a: ApplicantDetail;
  nik: string;
  docs: DocumentRow[];
  history: HistoryEntry[];
  allowed: ApplicationStatus[];
  canWrite: boolean;
  canDownload: boolean;
  form: StatusForm;
  position?: number | undefined;
  undoable?: Undoable | undefined;
  evaluation?: Evaluation | undefined;
  /** The person's latest conversation with the organisation's staff. */
  conversation?: string | undefined;
}) {
  const { c, a } = props;
  const t = c.var.t;
  const locale = c.var.locale;
  return (
    <>
      <p class="back">
        <a href="/admin/applicants">{t('dashboard:applicants.detail.back')}</a>
      </p>
      <dl class="prog-dl">
        <Item label={t('dashboard:applicants.detail.reference')}>{a.reference}</Item>
        <dt>{t('dashboard:applicants.detail.programme')}</dt>
        <dd>
          <a href={`/admin/programmes/${a.programme}`}>{localized(a.programmeTitle, locale)}</a>
        </dd>
        <dt>{t('dashboard:applicants.detail.status')}</dt>
        <dd>
          <span class={`badge appl-status-${a.status}`}>{t(`applications:status.${a.status}.label`)}</span>
          {a.seat ? <span class="muted"> · {t(`dashboard:applicants.detail.seat.${a.seat}`)}</span> : null}
          {props.position ? (
            <span class="muted">
              {' '}
              · {t('dashboard:applicants.detail.position', { position: props.position })}
            </span>
          ) : null}
        </dd>
        <Item label={t('dashboard:applicants.detail.submitted')}>{formatInstant(a.submittedAt, locale)}</Item>
      </dl>
      {props.undoable ? (
        <UndoBox c={c} id={a.id} undoable={props.undoable} canWrite={props.canWrite} />
      ) : null}
      {props.form.errors._form && !props.allowed.length ? (
        <p class="notice error" role="alert">
          {props.form.errors._form}
        </p>
      ) : null}
      {/* The form is at the end, after what staff read before deciding; on a phone that is several
          screens down, so the main action is one tap away from the top. */}
      {props.canWrite && !a.anonymised && props.allowed.length ? (
        <p class="actions">
          <a class="button" href="#change-heading">
            {t('dashboard:applicants.detail.toChange')}
          </a>
        </p>
      ) : null}
      {!a.anonymised ? <Contact c={c} a={a} conversation={props.conversation} /> : null}

      {props.evaluation ? (
        <>
          <h2>{t('dashboard:applicants.verdict.heading')}</h2>
          <Verdict t={t} locale={locale} evaluation={props.evaluation} />
        </>
      ) : null}

      <h2>{t('dashboard:applicants.detail.answers')}</h2>
      {a.anonymised ? (
        <p class="notice">{t('dashboard:applicants.detail.anonymisedNotice')}</p>
      ) : (
        <Answers t={t} locale={locale} a={a} nik={props.nik} />
      )}

      <h2>{t('dashboard:applicants.detail.documents')}</h2>
      <Documents t={t} locale={locale} id={a.id} docs={props.docs} canDownload={props.canDownload} />

      <h2>{t('dashboard:applicants.detail.history')}</h2>
      <History t={t} locale={locale} history={props.history} />

      {props.canWrite && !a.anonymised ? (
        <section aria-labelledby="change-heading">
          <h2 id="change-heading">{t('dashboard:applicants.change.heading')}</h2>
          {props.allowed.length ? (
            <ChangeStatus c={c} id={a.id} allowed={props.allowed} form={props.form} />
          ) : (
            <p>{t('dashboard:applicants.change.final')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
