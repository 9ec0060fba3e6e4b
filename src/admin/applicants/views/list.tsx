import type { Child as ReactNode } from 'hono/jsx';
import type { Locale, T } from '../../../i18n';
import { listProvinces, regionLabel } from '../../../regions';
import { GENDERS } from '../../../shared/vocabulary';
import { LIST_PAGER, Pager, pageLink } from '../../pager';
import { formatInstant, formatNumber, localized } from '../../programmes/format';
import { type ApplicantFilter, FILTER_STATUSES } from '../filters';
import type { ApplicantRow } from '../service';

function Select(props: {
  id: string;
  label: string;
  value: string | undefined;
  any: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterForm(props: {
  t: T;
  locale: Locale;
  filter: ApplicantFilter;
  raw: (name: string) => string | undefined;
  errors: Record<string, string>;
  programmes: { slug: string; title: { id: string; en?: string } }[];
  csrf: string;
  search?: string | undefined;
}) {
  const { t, filter, errors } = props;
  const k = (key: string, vars?: Record<string, unknown>) =>
    t(`dashboard:applicants.filter.${key}`, vars ?? {});
  const any = k('any');
  const dateField = (name: 'from' | 'to') => (
    <div>
      <label for={`f-${name}`}>{k(name)}</label>
      <input
        id={`f-${name}`}
        name={name}
        type="date"
        value={filter[name] ?? props.raw(name) ?? ''}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `f-${name}-error` : undefined}
      />
      {errors[name] ? (
        <p class="prog-error" id={`f-${name}-error`}>
          {t(errors[name]!)}
        </p>
      ) : null}
    </div>
  );
  const active = Object.values(filter).filter((v) => v !== undefined).length;
  // On a phone seven filters fill the first screen: they stay folded unless in use, so the list (what
  // staff came for) is what she sees first.
  return (
    <details
      class="appl-filter-box"
      open={active > 0 || Object.keys(errors).length > 0 || Boolean(props.search)}
    >
      <summary>{active > 0 ? k('summaryActive', { count: active }) : k('summary')}</summary>
      {/* Its own form, a POST: a name searched for must not travel in a URL. */}
      <form method="post" action="/admin/applicants/search" class="appl-search">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <label for="appl-q">{t('dashboard:applicants.search.label')}</label>
        <div class="appl-search-row">
          <input id="appl-q" name="q" type="search" maxlength={100} value={props.search ?? ''} />
          <button type="submit">{t('dashboard:applicants.search.submit')}</button>
        </div>
      </form>
      <form method="get" action="/admin/applicants" class="appl-filters">
        <fieldset>
          <legend class="sr-only">{k('legend')}</legend>
          <div class="row">
            <Select
              id="programme"
              label={k('programme')}
              any={any}
              value={filter.programme}
              options={props.programmes.map((p) => ({
                value: p.slug,
                label: localized(p.title, props.locale),
              }))}
            />
            <Select
              id="status"
              label={k('status')}
              any={any}
              value={filter.status}
              options={FILTER_STATUSES.map((s) => ({ value: s, label: t(`applications:status.${s}.label`) }))}
            />
            <Select
              id="gender"
              label={k('gender')}
              any={any}
              value={filter.gender}
              options={GENDERS.map((g) => ({ value: g, label: t(`profile:value.gender.${g}`) }))}
            />
            <Select
              id="province"
              label={k('province')}
              any={any}
              value={filter.province}
              options={listProvinces().map((p) => ({ value: p.code, label: p.shortName }))}
            />
            <Select
              id="disability"
              label={k('disability')}
              any={any}
              value={filter.disability === undefined ? undefined : filter.disability ? 'ya' : 'tidak'}
              options={[
                { value: 'ya', label: k('yes') },
                { value: 'tidak', label: k('no') },
              ]}
            />
            {dateField('from')}
            {dateField('to')}
          </div>
          <p class="actions">
            <button type="submit">{k('apply')}</button>
            <a class="button secondary" href="/admin/applicants">
              {k('reset')}
            </a>
          </p>
        </fieldset>
      </form>
    </details>
  );
}

/** Nobody yet (say where applications come from), or nobody matching (offer to clear the filters). */
function EmptyList({ t, filtered }: { t: T; filtered: boolean }) {
  return filtered ? (
    <div class="notice empty-hint">
      <p>{t('dashboard:applicants.list.empty')}</p>
      <p>
        <a class="button secondary" href="/admin/applicants">
          {t('dashboard:applicants.filter.reset')}
        </a>
      </p>
    </div>
  ) : (
    <div class="notice empty-hint">
      <p>{t('dashboard:applicants.list.none')}</p>
      <p>
        <a class="button secondary" href="/admin/programmes">
          {t('dashboard:applicants.list.toProgrammes')}
        </a>
      </p>
    </div>
  );
}

export function ApplicantList(props: {
  t: T;
  locale: Locale;
  filter: ApplicantFilter;
  query: Record<string, string>;
  raw: (name: string) => string | undefined;
  errors: Record<string, string>;
  programmes: { slug: string; title: { id: string; en?: string } }[];
  items: ApplicantRow[];
  total: number;
  page: number;
  perPage: number;
  csrf: string;
  /** What was searched for (a POST): the results are the first page only. */
  search?: string | undefined;
  /** Staff who may change statuses tick rows for a bulk change (viewers see no boxes). */
  bulk?: ReactNode;
}) {
  const { t, locale, items } = props;
  const filtered = Object.keys(props.query).length > 0 || Boolean(props.search);
  return (
    <>
      <FilterForm
        t={t}
        locale={locale}
        filter={props.filter}
        raw={props.raw}
        errors={props.errors}
        programmes={props.programmes}
        csrf={props.csrf}
        search={props.search}
      />
      <p class="actions appl-summary">
        <span role="status">
          {t(filtered ? 'dashboard:applicants.list.count' : 'dashboard:applicants.list.countAll', {
            count: props.total,
            n: formatNumber(props.total, locale),
          })}
        </span>
      </p>
      {items.length === 0 ? (
        <EmptyList t={t} filtered={filtered} />
      ) : (
        <div class="table-wrap">
          <table class="appl-table stack">
            <caption class="sr-only">{t('dashboard:applicants.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard:applicants.list.col.name')}</th>
                <th scope="col">{t('dashboard:applicants.list.col.programme')}</th>
                <th scope="col">{t('dashboard:applicants.list.col.status')}</th>
                <th scope="col">{t('dashboard:applicants.list.col.profile')}</th>
                <th scope="col">{t('dashboard:applicants.list.col.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr>
                  <th scope="row">
                    {props.bulk && !a.anonymised ? (
                      <input
                        type="checkbox"
                        class="appl-pick"
                        name="ids"
                        value={a.id}
                        form="appl-bulk"
                        aria-label={t('dashboard:applicants.bulk.pick', {
                          name: a.fullName ?? a.reference ?? '',
                        })}
                      />
                    ) : null}
                    <a href={`/admin/applicants/${a.id}`}>
                      {a.anonymised ? t('dashboard:applicants.anonymised') : (a.fullName ?? '—')}
                    </a>
                    <br />
                    <span class="muted">{a.reference ?? ''}</span>
                  </th>
                  <td data-label={t('dashboard:applicants.list.col.programme')}>
                    {localized(a.programmeTitle, locale)}
                  </td>
                  <td data-label={t('dashboard:applicants.list.col.status')}>
                    <span class={`badge appl-status-${a.status}`}>
                      {t(`applications:status.${a.status}.label`)}
                    </span>
                  </td>
                  <td data-label={t('dashboard:applicants.list.col.profile')}>
                    {[
                      a.gender ? t(`profile:value.gender.${a.gender}`) : '',
                      a.age !== null ? t('dashboard:applicants.list.age', { age: a.age }) : '',
                      a.province ? (regionLabel(a.province) ?? a.province) : '',
                      a.disability ? t('dashboard:applicants.list.disability') : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                  <td data-label={t('dashboard:applicants.list.col.submitted')}>
                    {formatInstant(a.submittedAt, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items.length && props.bulk ? props.bulk : null}
      <Pager
        t={t}
        keys={LIST_PAGER}
        class="prog-pager"
        href={pageLink('/admin/applicants', props.query)}
        page={props.page}
        perPage={props.perPage}
        total={props.total}
      />
      {props.total > 0 ? (
        // Below the list: on a phone the list is what staff came for. A GET form: the filter travels as
        // hidden fields, the separator is the one choice to make.
        <form method="get" action="/admin/applicants/export.csv" class="appl-export">
          {Object.entries(props.query).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <label for="csv-sep">{t('dashboard:applicants.export.separator')}</label>
          <select id="csv-sep" name="sep">
            <option value="semicolon" selected={locale === 'id'}>
              {t('dashboard:applicants.export.semicolon')}
            </option>
            <option value="comma" selected={locale !== 'id'}>
              {t('dashboard:applicants.export.comma')}
            </option>
          </select>
          <button type="submit" class="secondary">
            {t('dashboard:applicants.list.export')}
          </button>
        </form>
      ) : null}
    </>
  );
}
