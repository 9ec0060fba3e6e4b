import type { Broadcast, Outcomes, Progress } from '../../broadcasts/service';
import { choiceTitle, type ProgrammeChoice } from '../../organisations/programme-choices';
import type { QuietHours } from '../../shared/jakarta-time';
import { formatCount } from '../charts';
import type { AdminContext } from '../context';
import { Csrf } from '../layout';
import { DraftSend, type DraftSendValues } from './draft-send';
import type { ComposerErrors } from './form';
import { ProgressView } from './progress';
import { AudienceSummary } from './summary';
import { formatWib, isFinished, shownStatus } from './text';

/*
 * One broadcast: for a draft, ways to send or schedule it; its delivery (polled while it runs), a
 * Cancel button while it can still be stopped, what recipients did afterwards, who it was for and
 * what it said.
 */

/**
 * The status, the progress and the Cancel button, polled together: when the last message goes, the
 * status says so and the button disappears without a reload.
 */
export function DeliveryPanel(props: {
  c: AdminContext;
  broadcast: Broadcast;
  progress: Progress;
  canWrite: boolean;
}) {
  const { c, broadcast, progress } = props;
  const t = c.var.t;
  const k = (key: string) => t(`dashboard:broadcasts.${key}`);
  const status = shownStatus(broadcast.status, progress.queued, progress.recipients);
  const finished = isFinished(broadcast.status, progress.queued);
  const cancellable =
    props.canWrite &&
    (broadcast.status === 'draft' ||
      broadcast.status === 'scheduled' ||
      (broadcast.status === 'sending' && !finished));
  return (
    <>
      <p>
        {k('detail.status')}: <span class="badge">{k(`status.${status}`)}</span>
      </p>
      <div class="card">
        <ProgressView t={t} locale={c.var.locale} broadcast={broadcast} progress={progress} />
      </div>
      {cancellable ? (
        <form
          method="post"
          action={`/admin/broadcasts/${broadcast.id}/cancel`}
          data-confirm={k('detail.cancelConfirm')}
        >
          <Csrf c={c} />
          <button type="submit" class="danger">
            {k('detail.cancel')}
          </button>
        </form>
      ) : null}
    </>
  );
}

export function BroadcastPage(props: {
  c: AdminContext;
  broadcast: Broadcast;
  progress: Progress;
  outcomes: Outcomes;
  programmes: readonly ProgrammeChoice[];
  canWrite: boolean;
  quiet: QuietHours;
  /** What was typed into the draft's send form, when it comes back with errors. */
  send?: { values: DraftSendValues; errors: ComposerErrors };
}) {
  const { c, broadcast, progress, outcomes, programmes } = props;
  const t = c.var.t;
  const locale = c.var.locale;
  const k = (key: string, params: Record<string, unknown> = {}) => t(`dashboard:broadcasts.${key}`, params);
  const finished = isFinished(broadcast.status, progress.queued);
  const programme = broadcast.programmeSlug
    ? programmes.find((p) => p.slug === broadcast.programmeSlug)
    : undefined;
  return (
    <div class="bc-page">
      <p class="back">
        <a href="/admin/broadcasts">{k('detail.back')}</a>
      </p>
      <dl class="bc-summary">
        <dt>{k('detail.when')}</dt>
        <dd>{broadcast.scheduledAt ? formatWib(broadcast.scheduledAt, locale) : '—'}</dd>
        <dt>{k('detail.programme')}</dt>
        <dd>
          {programme ? choiceTitle(programme, locale) : (broadcast.programmeSlug ?? k('detail.noProgramme'))}
        </dd>
        {broadcast.urgent ? (
          <>
            <dt>{k('detail.urgent')}</dt>
            <dd>{k('detail.urgentYes')}</dd>
          </>
        ) : null}
      </dl>

      {props.canWrite && broadcast.status === 'draft' ? (
        <DraftSend
          c={c}
          broadcastId={broadcast.id}
          values={props.send?.values ?? { date: '', time: '' }}
          errors={props.send?.errors ?? {}}
          quiet={props.quiet}
        />
      ) : null}

      <section aria-labelledby="bc-delivery">
        <h2 id="bc-delivery">{k('detail.delivery')}</h2>
        <div
          id="bc-progress"
          {...(finished
            ? {}
            : {
                'data-poll': `/admin/broadcasts/${broadcast.id}/progress`,
                'data-poll-ms': broadcast.status === 'scheduled' ? '15000' : '3000',
              })}
        >
          <DeliveryPanel c={c} broadcast={broadcast} progress={progress} canWrite={props.canWrite} />
        </div>
      </section>

      {broadcast.status === 'sending' || broadcast.status === 'sent' ? (
        <section aria-labelledby="bc-outcomes">
          <h2 id="bc-outcomes">{k('detail.outcomes')}</h2>
          <dl class="bc-counts">
            <div>
              <dt>{k('detail.opened')}</dt>
              <dd>{formatCount(outcomes.openedCard, locale)}</dd>
            </div>
            <div>
              <dt>{k('detail.checked')}</dt>
              <dd>{formatCount(outcomes.checkedEligibility, locale)}</dd>
            </div>
            <div>
              <dt>{k('detail.applied')}</dt>
              <dd>{formatCount(outcomes.applied, locale)}</dd>
            </div>
          </dl>
          <p class="muted">{k('detail.outcomesHint', { days: outcomes.attributionDays })}</p>
        </section>
      ) : null}

      <section aria-labelledby="bc-audience">
        <h2 id="bc-audience">{k('detail.audience')}</h2>
        <AudienceSummary t={t} locale={locale} audience={broadcast.audience} programmes={programmes} />
      </section>

      <section aria-labelledby="bc-text">
        <h2 id="bc-text">{k('detail.text')}</h2>
        <pre class="bc-preview" lang="id">
          {broadcast.text.id}
        </pre>
        {broadcast.text.en ? (
          <pre class="bc-preview" lang="en">
            {broadcast.text.en}
          </pre>
        ) : null}
      </section>
    </div>
  );
}
