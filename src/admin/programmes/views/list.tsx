import type { Locale, T } from '../../../i18n';
import type { ProgrammeStatus } from '../../../shared/vocabulary';
import { LIST_PAGER, Pager, pageLink } from '../../pager';
import { formatDay, formatNumber, localized, placeOf } from '../format';
import type { ProgrammeListItem } from '../service';

const STATUS_TABS: (ProgrammeStatus | undefined)[] = [undefined, 'open', 'closed', 'draft'];

function Deadline({ p, t, locale }: { p: ProgrammeListItem; t: T; locale: Locale }) {
  if (!p.registrationCloses)
    return p.status === 'closed' ? (
      <span class="badge">{t('dashboard:programmes.list.closed')}</span>
    ) : (
      <span class="muted">{t('dashboard:programmes.list.rolling')}</span>
    );
  const day = formatDay(p.registrationCloses, locale);
  return p.closed ? (
    <>
      <span class="badge">{t('dashboard:programmes.list.closed')}</span> <span class="muted">{day}</span>
    </>
  ) : (
    <span>{t('dashboard:programmes.list.until', { day })}</span>
  );
}

function Seats({ p, t, locale }: { p: ProgrammeListItem; t: T; locale: Locale }) {
  if (p.seatsTotal === null) return <span class="muted">{t('dashboard:programmes.list.noLimit')}</span>;
  const taken = p.takenGeneral + p.takenWomen;
  return (
    <>
      {t('dashboard:programmes.list.seats', {
        taken: formatNumber(taken, locale),
        total: formatNumber(p.seatsTotal, locale),
      })}
      {p.seatsWomen ? (
        <>
          <br />
          <span class="muted">
            {t('dashboard:programmes.list.women', {
              taken: formatNumber(p.takenWomen, locale),
              total: formatNumber(p.seatsWomen, locale),
            })}
          </span>
        </>
      ) : null}
    </>
  );
}

export function ProgrammeList(props: {
  t: T;
  locale: Locale;
  status: ProgrammeStatus | undefined;
  items: ProgrammeListItem[];
  total: number;
  page: number;
  perPage: number;
  canWrite: boolean;
}) {
  const { t, locale, items } = props;
  return (
    <>
      {props.canWrite ? (
        <p class="actions">
          <a class="button" href="/admin/programmes/new">
            {t('dashboard:programmes.list.new')}
          </a>
          <a class="button secondary" href="/admin/programmes/import">
            {t('dashboard:programmes.list.import')}
          </a>
        </p>
      ) : null}
      <ul class="tabs">
        {STATUS_TABS.map((s) => (
          <li>
            <a
              href={s ? `/admin/programmes?status=${s}` : '/admin/programmes'}
              aria-current={s === props.status ? 'page' : undefined}
            >
              {t(`dashboard:programmes.list.tab.${s ?? 'all'}`)}
            </a>
          </li>
        ))}
      </ul>
      {items.length === 0 ? (
        <p>{t('dashboard:programmes.list.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="prog-table stack">
            <caption class="sr-only">
              {t('dashboard:programmes.list.caption', { count: props.total })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard:programmes.list.col.programme')}</th>
                <th scope="col">{t('dashboard:programmes.list.col.place')}</th>
                <th scope="col">{t('dashboard:programmes.list.col.deadline')}</th>
                <th scope="col">{t('dashboard:programmes.list.col.seats')}</th>
                <th scope="col">{t('dashboard:programmes.list.col.applications')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/programmes/${p.slug}`}>{localized(p.title, locale)}</a>
                    <br />
                    <span class="muted">
                      {t(`catalogue:kind.${p.kind}`)}
                      {p.status !== 'open' ? ` · ${t(`catalogue:status.${p.status}`)}` : ''}
                    </span>
                  </th>
                  <td data-label={t('dashboard:programmes.list.col.place')}>
                    {placeOf(p, locale) || t('dashboard:programmes.list.online')}
                  </td>
                  <td data-label={t('dashboard:programmes.list.col.deadline')}>
                    <Deadline p={p} t={t} locale={locale} />
                  </td>
                  <td data-label={t('dashboard:programmes.list.col.seats')}>
                    <Seats p={p} t={t} locale={locale} />
                  </td>
                  <td data-label={t('dashboard:programmes.list.col.applications')}>
                    <a href={`/admin/applicants?programme=${encodeURIComponent(p.slug)}`}>
                      {t('dashboard:programmes.list.applications', { count: p.applications })}
                    </a>
                    {p.waitlist || p.accepted ? (
                      <>
                        <br />
                        <span class="muted">
                          {t('dashboard:programmes.list.breakdown', {
                            waitlist: p.waitlist,
                            accepted: p.accepted,
                          })}
                        </span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        t={t}
        keys={LIST_PAGER}
        class="prog-pager"
        href={pageLink('/admin/programmes', props.status ? { status: props.status } : {})}
        page={props.page}
        perPage={props.perPage}
        total={props.total}
      />
    </>
  );
}
