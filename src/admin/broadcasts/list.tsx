import type { Broadcast } from '../../broadcasts/service';
import type { DeliveryTally } from '../../broadcasts/tallies';
import { formatCount } from '../charts';
import type { AdminContext } from '../context';
import { formatWib, shownStatus } from './text';

/** The organisation's broadcasts, newest first: status, time (WIB), audience size and delivery counts. */
export function BroadcastList(props: {
  c: AdminContext;
  items: Broadcast[];
  tallies: Map<string, DeliveryTally>;
  canWrite: boolean;
}) {
  const { c, items, tallies } = props;
  const t = c.var.t;
  const locale = c.var.locale;
  const k = (key: string, params: Record<string, unknown> = {}) => t(`dashboard:broadcasts.${key}`, params);
  const n = (value: number) => formatCount(value, locale);
  return (
    <div>
      <p>{k('list.intro')}</p>
      {props.canWrite ? (
        <p class="actions">
          <a class="button" href="/admin/broadcasts/new">
            {k('list.new')}
          </a>
        </p>
      ) : (
        <p class="muted">{k('list.readOnly')}</p>
      )}
      {items.length === 0 ? (
        <p class="notice">{k('list.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="stack">
            <caption class="sr-only">{k('list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{k('list.name')}</th>
                <th scope="col">{k('list.status')}</th>
                <th scope="col">{k('list.when')}</th>
                <th scope="col">{k('list.audience')}</th>
                <th scope="col">{k('list.sent')}</th>
                <th scope="col">{k('list.failed')}</th>
                <th scope="col">{k('list.pending')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => {
                const tally = tallies.get(b.id) ?? {
                  sent: 0,
                  failed: 0,
                  blocked: 0,
                  queued: 0,
                  cancelled: 0,
                };
                const status = shownStatus(b.status, tally.queued, b.recipients ?? 0);
                return (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/broadcasts/${b.id}`}>{b.name}</a>
                    </th>
                    <td data-label={k('list.status')}>
                      <span class="badge">{k(`status.${status}`)}</span>
                    </td>
                    <td data-label={k('list.when')}>
                      {b.scheduledAt ? formatWib(b.scheduledAt, locale) : '—'}
                    </td>
                    <td data-label={k('list.audience')}>{b.recipients === null ? '—' : n(b.recipients)}</td>
                    <td data-label={k('list.sent')}>{n(tally.sent)}</td>
                    <td data-label={k('list.failed')}>{n(tally.failed + tally.blocked)}</td>
                    <td data-label={k('list.pending')}>{n(tally.queued)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
