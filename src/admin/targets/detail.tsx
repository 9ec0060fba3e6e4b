import type { ProgrammeChoice } from '../../organisations/programme-choices';
import type { ApplicantBreakdown, Funnel } from '../../organisations/recruitment-stats';
import type { Target, TargetProgress } from '../../organisations/targets';
import type { AdminContext } from '../context';
import { Csrf } from '../layout';
import { BreakdownSection, FunnelSection, GoalSection } from './charts';
import { programmeName, TargetStatus } from './list';

/** One target: its goals, the funnel of its programme(s) and who the counted applicants are. */
export function TargetPage(props: {
  c: AdminContext;
  target: Target;
  progress: TargetProgress;
  funnel: Funnel;
  breakdown: ApplicantBreakdown;
  programmes: readonly ProgrammeChoice[];
  canWrite: boolean;
}) {
  const { c, target, progress } = props;
  const t = c.var.t;
  const locale = c.var.locale;
  const k = (key: string, params: Record<string, unknown> = {}) => t(`dashboard:targets.${key}`, params);
  return (
    <div>
      <p class="back">
        <a href="/admin/targets">{k('detail.back')}</a>
      </p>
      <p>
        {k('detail.scope', {
          programme: programmeName(target.programmeSlug, props.programmes, locale, k('list.allProgrammes')),
        })}{' '}
        {target.statuses?.length === 1 && target.statuses[0] === 'diterima'
          ? k('detail.countedAccepted')
          : k('detail.countedActive')}
      </p>
      <TargetStatus c={c} target={target} progress={progress} />
      {props.canWrite ? (
        <div class="actions">
          <a class="button secondary" href={`/admin/targets/${target.id}/edit`}>
            {k('detail.edit')}
          </a>
          <form
            method="post"
            action={`/admin/targets/${target.id}/delete`}
            data-confirm={k('detail.deleteConfirm')}
          >
            <Csrf c={c} />
            <button type="submit" class="danger">
              {k('detail.delete')}
            </button>
          </form>
        </div>
      ) : null}
      <section aria-labelledby="tg-goals">
        <h2 id="tg-goals">{k('detail.goals')}</h2>
        <GoalSection t={t} locale={locale} id="tg-goal" target={target} progress={progress} />
      </section>
      <section aria-labelledby="tg-funnel">
        <h2 id="tg-funnel">{k('detail.funnel')}</h2>
        <FunnelSection t={t} locale={locale} id="tg-funnel-chart" funnel={props.funnel} />
      </section>
      <section aria-labelledby="tg-applicants">
        <h2 id="tg-applicants">{k('detail.applicants')}</h2>
        <BreakdownSection
          t={t}
          locale={locale}
          id="tg-breakdown"
          breakdown={props.breakdown}
          note={k('detail.applicantsNote', { count: props.breakdown.total })}
        />
      </section>
    </div>
  );
}
