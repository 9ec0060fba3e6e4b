import type { Locale } from '../../i18n';
import { choiceTitle, type ProgrammeChoice } from '../../organisations/programme-choices';
import type { ApplicantBreakdown, Funnel } from '../../organisations/recruitment-stats';
import type { Target, TargetProgress } from '../../organisations/targets';
import type { AdminContext } from '../context';
import { BreakdownSection, FunnelSection, GoalSection } from './charts';

/*
 * /admin/targets: the organisation's targets, each with its goals drawn, then the recruitment overview
 * (funnel and applicants) for all programmes or the one chosen.
 */

const DAY = {
  id: new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};

/** "2026-12-31" → "31 Desember 2026". */
export const formatDay = (day: string, locale: Locale) => DAY[locale].format(new Date(`${day}T00:00:00Z`));

export function programmeName(
  slug: string | null,
  programmes: readonly ProgrammeChoice[],
  locale: Locale,
  all: string,
) {
  if (!slug) return all;
  const found = programmes.find((p) => p.slug === slug);
  return found ? choiceTitle(found, locale) : slug;
}

export function TargetStatus(props: { c: AdminContext; target: Target; progress: TargetProgress }) {
  const k = (key: string, params: Record<string, unknown> = {}) =>
    props.c.var.t(`dashboard:targets.${key}`, params);
  const { target, progress } = props;
  return (
    <p>
      <span class="badge">{progress.met ? k('status.met') : k('status.notMet')}</span>{' '}
      {target.deadline ? k('status.deadline', { day: formatDay(target.deadline, props.c.var.locale) }) : null}
    </p>
  );
}

export function TargetList(props: {
  c: AdminContext;
  items: Array<{ target: Target; progress: TargetProgress }>;
  programmes: readonly ProgrammeChoice[];
  overview: { programme: string; funnel: Funnel; breakdown: ApplicantBreakdown };
  canWrite: boolean;
}) {
  const { c, items, programmes, overview } = props;
  const t = c.var.t;
  const locale = c.var.locale;
  const k = (key: string, params: Record<string, unknown> = {}) => t(`dashboard:targets.${key}`, params);
  return (
    <div>
      <section aria-labelledby="tg-list">
        <h2 id="tg-list">{k('list.heading')}</h2>
        {props.canWrite ? (
          <p class="actions">
            <a class="button" href="/admin/targets/new">
              {k('list.new')}
            </a>
          </p>
        ) : null}
        {items.length === 0 ? <p class="notice">{k('list.empty')}</p> : null}
        {items.map(({ target, progress }, i) => (
          <article class="card tg-card" aria-labelledby={`tg-${i}-name`}>
            <h3 id={`tg-${i}-name`}>
              <a href={`/admin/targets/${target.id}`}>{target.name}</a>
            </h3>
            <p class="muted">
              {programmeName(target.programmeSlug, programmes, locale, k('list.allProgrammes'))}
            </p>
            <TargetStatus c={c} target={target} progress={progress} />
            <GoalSection t={t} locale={locale} id={`tg-${i}`} target={target} progress={progress} />
          </article>
        ))}
      </section>

      <section aria-labelledby="tg-overview">
        <h2 id="tg-overview">{k('overview.heading')}</h2>
        <form method="get" action="/admin/targets" class="row tg-filter">
          <div>
            <label for="tg-overview-programme">{k('overview.programme')}</label>
            <select id="tg-overview-programme" name="programme">
              <option value="">{k('list.allProgrammes')}</option>
              {programmes.map((p) => (
                <option value={p.slug} selected={p.slug === overview.programme}>
                  {choiceTitle(p, locale)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" class="secondary">
              {k('overview.show')}
            </button>
          </div>
        </form>
        <FunnelSection t={t} locale={locale} id="tg-overview-funnel" funnel={overview.funnel} />
        <BreakdownSection
          t={t}
          locale={locale}
          id="tg-overview"
          breakdown={overview.breakdown}
          note={k('overview.applicantsNote', { count: overview.breakdown.total })}
        />
      </section>
    </div>
  );
}
