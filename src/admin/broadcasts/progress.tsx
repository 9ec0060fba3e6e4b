import type { Broadcast, Progress } from '../../broadcasts/service';
import type { Locale, T } from '../../i18n';
import { formatCount, formatPercent, percentOf } from '../charts';
import { formatWib } from './text';

/*
 * Delivery progress: a <progress> of the messages handled (sent, failed, blocked or cancelled) out of
 * all recipients, and the counts in words. The broadcast page polls this fragment until it is finished.
 */

export function ProgressView(props: { t: T; locale: Locale; broadcast: Broadcast; progress: Progress }) {
  const { t, locale, broadcast, progress } = props;
  const k = (key: string, params: Record<string, unknown> = {}) =>
    t(`dashboard:broadcasts.progress.${key}`, params);
  const n = (value: number) => formatCount(value, locale);
  if (broadcast.status === 'scheduled' && broadcast.scheduledAt)
    return (
      <div>
        <p>{k('scheduled', { time: formatWib(broadcast.scheduledAt, locale) })}</p>
        <p class="muted">{k('scheduledHint')}</p>
      </div>
    );
  if (broadcast.status === 'draft') return <p>{k('draft')}</p>;
  const total = progress.recipients;
  const done = total - progress.queued;
  return (
    <div>
      {total === 0 ? (
        <p>{k('nobody')}</p>
      ) : (
        <>
          <label for="bc-progress-bar">
            {k('handled', {
              done: n(done),
              total: n(total),
              percent: formatPercent(percentOf(done, total), locale),
            })}
          </label>
          <progress id="bc-progress-bar" max={total} value={done}>
            {formatPercent(percentOf(done, total), locale)}
          </progress>
          <dl class="bc-counts">
            <div>
              <dt>{k('sent')}</dt>
              <dd data-stat="sent">{n(progress.sent)}</dd>
            </div>
            <div>
              <dt>{k('failed')}</dt>
              <dd data-stat="failed">{n(progress.failed)}</dd>
            </div>
            <div>
              <dt>{k('blocked')}</dt>
              <dd data-stat="blocked">{n(progress.blocked)}</dd>
            </div>
            <div>
              <dt>{k('pending')}</dt>
              <dd data-stat="pending">{n(progress.queued)}</dd>
            </div>
            {progress.unknown > 0 ? (
              <div>
                <dt>{k('unknown')}</dt>
                <dd data-stat="unknown">{n(progress.unknown)}</dd>
              </div>
            ) : null}
            {progress.cancelled > 0 ? (
              <div>
                <dt>{k('cancelled')}</dt>
                <dd data-stat="cancelled">{n(progress.cancelled)}</dd>
              </div>
            ) : null}
          </dl>
          {progress.queued > 0 && progress.nextAt && broadcast.status === 'sending' ? (
            <p class="muted">{k('next', { time: formatWib(progress.nextAt, locale) })}</p>
          ) : null}
          {progress.blocked > 0 ? <p class="muted">{k('blockedHint')}</p> : null}
        </>
      )}
    </div>
  );
}
