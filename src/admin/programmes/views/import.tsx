import { raw } from 'hono/html';
import { CSV_COLUMNS } from '../../../catalogue/csv-columns';
import type { Locale, T } from '../../../i18n';
import type { ImportJob, ImportRowError } from '../../../organisations/import-jobs';
import type { AdminContext } from '../../context';
import { Csrf } from '../../layout';
import { formatInstant, formatNumber } from '../format';
import { Quoted } from '../quoted';

/** Row errors shown on the page; the rest are counted (the file is fixed and uploaded again anyway). */
export const SHOWN_ERRORS = 500;

export function UploadForm(props: {
  c: AdminContext;
  maxMb: number;
  errors: ImportRowError[];
  message?: string | undefined;
  recent: ImportJob[];
}) {
  const { c } = props;
  const t = c.var.t;
  const session = c.var.session;
  const invalid = Boolean(props.message || props.errors.length);
  return (
    <>
      <p class="back">
        <a href="/admin/programmes">{t('dashboard:programmes.edit.back')}</a>
      </p>
      <p>{t('dashboard:programmes.import.intro')}</p>
      <ul>
        <li>{t('dashboard:programmes.import.ruleFormat')}</li>
        <li>
          {t('dashboard:programmes.import.ruleOrganisation')} <code>{session.organisationSlug}</code>
        </li>
        <li>{t('dashboard:programmes.import.ruleUpsert')}</li>
      </ul>
      <p class="actions">
        <a class="button secondary" href="/admin/programmes/import/template.csv" download>
          {t('dashboard:programmes.import.template')}
        </a>
      </p>
      <details class="prog-columns">
        <summary>{t('dashboard:programmes.import.columns', { count: CSV_COLUMNS.length })}</summary>
        <p class="muted">{t('dashboard:programmes.import.columnsHint')}</p>
        <ul>
          {CSV_COLUMNS.map((col) => (
            <li>
              <code>{col.name}</code> — {t(`dashboard:programmes.import.type.${col.type}`)}
            </li>
          ))}
        </ul>
      </details>
      {invalid ? (
        <div class="notice error" role="alert" id="upload-error">
          {props.message ? <p>{props.message}</p> : null}
          {props.errors.length ? <ErrorTable t={t} errors={props.errors} /> : null}
        </div>
      ) : null}
      <form method="post" action="/admin/programmes/import" enctype="multipart/form-data">
        <Csrf c={c} />
        <label for="import-file">{t('dashboard:programmes.import.file')}</label>
        <p class="muted prog-hint" id="import-file-hint">
          {t('dashboard:programmes.import.fileHint', { max: props.maxMb })}
        </p>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby={invalid ? 'import-file-hint upload-error' : 'import-file-hint'}
          aria-invalid={invalid ? 'true' : undefined}
        />
        <p class="actions">
          <button type="submit">{t('dashboard:programmes.import.submit')}</button>
        </p>
      </form>
      {props.recent.length ? (
        <section>
          <h2>{t('dashboard:programmes.import.recent')}</h2>
          <ul>
            {props.recent.map((job) => (
              <li>
                <a href={`/admin/programmes/import/${job.id}`}>
                  {formatInstant(job.createdAt, c.var.locale)}
                  {job.fileName ? ` · ${job.fileName}` : ''}
                </a>{' '}
                <span class="muted">
                  {job.finishedAt
                    ? t('dashboard:programmes.import.summary', counts(job, c.var.locale))
                    : t('dashboard:programmes.import.running')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

const counts = (job: ImportJob, locale: Locale) => ({
  created: formatNumber(job.created, locale),
  updated: formatNumber(job.updated, locale),
  unchanged: formatNumber(job.unchanged, locale),
  failed: formatNumber(job.failed, locale),
});

export function ErrorTable({ t, errors }: { t: T; errors: ImportRowError[] }) {
  const shown = errors.slice(0, SHOWN_ERRORS);
  return (
    <>
      <div class="table-wrap">
        <table class="prog-errors">
          <caption class="sr-only">{t('dashboard:programmes.import.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard:programmes.import.col.line')}</th>
              <th scope="col">{t('dashboard:programmes.import.col.column')}</th>
              <th scope="col">{t('dashboard:programmes.import.col.message')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr>
                <td>{e.line || '—'}</td>
                <td>{e.field ? <code>{e.field}</code> : '—'}</td>
                <td>
                  <Quoted text={e.message} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > shown.length ? (
        <p class="muted">
          {t('dashboard:programmes.import.moreErrors', { count: errors.length - shown.length })}
        </p>
      ) : null}
    </>
  );
}

/** The live part of the progress page: the bar and counts, then the summary and the row errors. */
export function ImportProgress(props: { t: T; locale: Locale; job: ImportJob; errors: ImportRowError[] }) {
  const { t, locale, job } = props;
  const done = job.finishedAt !== null;
  const percent = job.totalRows ? Math.floor((job.processedRows / job.totalRows) * 100) : 100;
  const n = counts(job, locale);
  return (
    <div class="prog-import" aria-busy={done ? undefined : 'true'}>
      <label for={`bar-${job.id}`}>{t('dashboard:programmes.import.progressLabel')}</label>
      <progress id={`bar-${job.id}`} max={job.totalRows} value={job.processedRows}>
        {percent}%
      </progress>
      <p>
        {t('dashboard:programmes.import.processed', {
          processed: formatNumber(job.processedRows, locale),
          total: formatNumber(job.totalRows, locale),
          percent,
        })}
      </p>
      <dl class="prog-counts">
        <div>
          <dt>{t('dashboard:programmes.import.count.created')}</dt>
          <dd>{n.created}</dd>
        </div>
        <div>
          <dt>{t('dashboard:programmes.import.count.updated')}</dt>
          <dd>{n.updated}</dd>
        </div>
        <div>
          <dt>{t('dashboard:programmes.import.count.unchanged')}</dt>
          <dd>{n.unchanged}</dd>
        </div>
        <div>
          <dt>{t('dashboard:programmes.import.count.failed')}</dt>
          <dd>{n.failed}</dd>
        </div>
      </dl>
      {done ? (
        <>
          <h2>{t('dashboard:programmes.import.doneHeading')}</h2>
          <p class={job.failed ? 'notice warn' : 'notice ok'} role="status">
            {t('dashboard:programmes.import.summary', n)}
          </p>
          {props.errors.length ? (
            <>
              <h2>{t('dashboard:programmes.import.errorsHeading', { count: props.errors.length })}</h2>
              <p>{t('dashboard:programmes.import.errorsHelp')}</p>
              <ErrorTable t={t} errors={props.errors} />
            </>
          ) : null}
          <p class="actions">
            <a class="button secondary" href="/admin/programmes">
              {t('dashboard:programmes.import.toList')}
            </a>
            <a class="button secondary" href="/admin/programmes/import">
              {t('dashboard:programmes.import.again')}
            </a>
          </p>
        </>
      ) : null}
    </div>
  );
}

/** The progress page: the live part, refreshed by the script, or by the page itself without scripts. */
export function ImportPage(props: { c: AdminContext; job: ImportJob; errors: ImportRowError[] }) {
  const { c, job } = props;
  const t = c.var.t;
  const url = `/admin/programmes/import/${job.id}`;
  const done = job.finishedAt !== null;
  return (
    <>
      {job.fileName ? (
        <p class="muted">
          {t('dashboard:programmes.import.fileName')} {job.fileName}
        </p>
      ) : null}
      <div data-poll={done ? undefined : `${url}/progress`} data-poll-ms="1000">
        <ImportProgress t={t} locale={c.var.locale} job={job} errors={props.errors} />
      </div>
      {done ? null : (
        <noscript>
          {/* Without scripts the page reloads itself; each load imports the next rows. Raw markup: Hono's
              JSX hoists a <meta> into <head>, out of the <noscript>, which reloaded it for everyone. */}
          {raw('<meta http-equiv="refresh" content="2">')}
          <p class="actions">
            <a class="button" href={url}>
              {t('dashboard:programmes.import.continue')}
            </a>
          </p>
        </noscript>
      )}
    </>
  );
}
