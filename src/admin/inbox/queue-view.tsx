import { QUEUE_TABS, type QueueCounts, type QueueItem, type QueueTab } from '../../handoff/inbox';
import { maskNiksInText } from '../../shared/nik-text';
import type { AdminContext } from '../context';
import { Pager, type PagerKeys } from '../pager';
import { formatDuration, formatWib } from './format';
import { assigneeLabel, channelLabel, timeLabels, titleIn } from './labels';
import { nameOf } from './shared';

export const PER_PAGE = 25;

/** The tab's title: the number waiting first, so it shows in a background tab. */
export const queueTitle = (c: AdminContext, counts: QueueCounts) =>
  counts.waiting > 0
    ? c.var.t('inbox:titleWaiting', { count: counts.waiting, title: c.var.t('inbox:title') })
    : c.var.t('inbox:title');

export const queueHref = (tab: QueueTab, page = 1) =>
  `/admin/inbox?tab=${tab}${page > 1 ? `&page=${page}` : ''}`;

/** The SLA alert: how many people wait past the organisation's SLA without an answer. */
export function SlaBanner({ c, count }: { c: AdminContext; count: number }) {
  if (count <= 0) return null;
  return (
    <p class="notice error inbox-sla" role="alert">
      {c.var.t('inbox:sla.banner', { count, minutes: c.var.session.slaMinutes })}
    </p>
  );
}

/** The SLA badge on a row or a conversation. */
export function SlaBadge({ c }: { c: AdminContext }) {
  const minutes = c.var.session.slaMinutes;
  return (
    <span class="badge alert" title={c.var.t('inbox:sla.badgeLong', { minutes })}>
      <span aria-hidden="true">{c.var.t('inbox:sla.badge', { minutes })}</span>
      <span class="sr-only">{c.var.t('inbox:sla.badgeLong', { minutes })}</span>
    </span>
  );
}

function Tabs({ c, tab, counts }: { c: AdminContext; tab: QueueTab; counts: QueueCounts }) {
  const t = c.var.t;
  return (
    <nav aria-label={t('inbox:tabs.label')}>
      <ul class="tabs">
        {QUEUE_TABS.map((key) => (
          <li>
            <a href={queueHref(key)} aria-current={key === tab ? 'page' : undefined}>
              {t(`inbox:tabs.${key}`)} <span class="badge">{counts[key]}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "+62 812 •••• 7890": enough to tell two namesakes apart, not a number to copy. */
export function maskedNumber(address: string | null): string | null {
  const digits = /^(\d{8,15})(?:@s\.whatsapp\.net)?$/.exec(address ?? '')?.[1];
  if (!digits) return null;
  return `+${digits.slice(0, 2)} ${digits.slice(2, 5)} •••• ${digits.slice(-4)}`;
}

/** The last message in one line: whose it was and its first words (a NIK already masked). */
function preview(c: AdminContext, last: QueueItem['last']): string | null {
  if (!last) return null;
  const t = c.var.t;
  const body = last.body;
  const text =
    typeof body.text === 'string'
      ? body.text
      : typeof body.caption === 'string'
        ? body.caption
        : t(`inbox:queue.preview.${body.type === 'choice' ? 'choice' : 'file'}`);
  const flat = (last.direction === 'in' ? maskNiksInText(text).text : text).replace(/\s+/g, ' ').trim();
  const short = flat.length > 90 ? `${flat.slice(0, 89).trimEnd()}…` : flat;
  const who = last.direction === 'in' ? 'person' : last.origin === 'staff' ? 'staff' : 'bot';
  return t(`inbox:queue.preview.${who}`, { text: short });
}

function Row({ c, item, now }: { c: AdminContext; item: QueueItem; now: Date }) {
  const t = c.var.t;
  const name = nameOf(c, item.fullName ?? item.displayName);
  const handle = item.handle ? `@${item.handle}` : maskedNumber(item.whatsappAddress);
  const last = preview(c, item.last);
  // On a phone each row is a compact card: the name is its first, full-width tap target, then who it is
  // (channel, username or masked number), the last message, the wait and the programme. The reason and
  // the channel's own cell are for the wide table only.
  const label = (key: string) => t(`inbox:queue.${key}`);
  const overdue = item.overdue || item.waitingOverdue;
  return (
    <tr class={overdue ? 'inbox-overdue' : undefined}>
      <th scope="row">
        <a href={`/admin/inbox/${item.id}`} aria-label={t('inbox:queue.open', { name })}>
          {name}
        </a>
        {overdue ? (
          <>
            {' '}
            <SlaBadge c={c} />
          </>
        ) : null}
        <span class="inbox-who muted">
          {[channelLabel(t, item.channel), handle].filter(Boolean).join(' · ')}
        </span>
        {last ? <span class="inbox-preview">{last}</span> : null}
      </th>
      <td data-label={label('status')}>
        {t(`inbox:status.${item.status}`)}
        {item.rating !== null ? (
          <span class="inbox-rating">
            {' · '}
            <span aria-hidden="true">
              {'★'.repeat(item.rating)}
              {'☆'.repeat(Math.max(0, 5 - item.rating))}{' '}
            </span>
            {t('inbox:queue.rating', { rating: item.rating })}
          </span>
        ) : null}
      </td>
      <td data-label={label('time')}>
        {item.waitingSince ? (
          <span class="inbox-time inbox-again">
            {t('inbox:time.waitingAgain', {
              time: formatWib(item.waitingSince, c.var.locale, now),
              duration: formatDuration(t, now.getTime() - item.waitingSince.getTime()),
            })}
          </span>
        ) : null}
        {timeLabels(t, item, c.var.locale, now).map((text, i) => (
          <span class={i === 0 && !item.waitingSince ? 'inbox-time' : 'inbox-time muted'}>{text}</span>
        ))}
      </td>
      <td data-label={label('channel')} class="inbox-wide">
        {channelLabel(t, item.channel)}
      </td>
      <td data-label={label('programme')}>
        {item.programmeSlug
          ? titleIn(item.programmeTitle, c.var.locale, item.programmeSlug)
          : t('inbox:queue.noProgramme')}
      </td>
      <td data-label={label('reason')} class="inbox-wide">
        {t(`inbox:reason.${item.reason}`, { defaultValue: item.reason })}
      </td>
      <td data-label={label('assigned')}>{assigneeLabel(t, item, c.var.session.memberId)}</td>
    </tr>
  );
}

/** An empty tab says what will appear in it, and "mine" leads to the people waiting, if any. */
function EmptyQueue({ c, tab, counts }: { c: AdminContext; tab: QueueTab; counts: QueueCounts }) {
  const t = c.var.t;
  return (
    <div class="empty-hint inbox-empty">
      <p>{t(`inbox:queue.empty.${tab}`)}</p>
      {tab === 'mine' && counts.waiting > 0 ? (
        <p>
          <a class="button secondary" href={queueHref('waiting')}>
            {t('inbox:queue.seeWaiting', { count: counts.waiting })}
          </a>
        </p>
      ) : null}
    </div>
  );
}

const QUEUE_PAGER: PagerKeys = {
  label: 'inbox:queue.pagination',
  previous: 'inbox:queue.previous',
  next: 'inbox:queue.next',
  position: 'inbox:queue.pages',
};

/** Everything the list refreshes: banner, tabs with counts, the table and its pages. */
export function QueueRegion(props: {
  c: AdminContext;
  tab: QueueTab;
  page: number;
  counts: QueueCounts;
  items: QueueItem[];
}) {
  const { c, tab, page, counts, items } = props;
  const t = c.var.t;
  const now = new Date();
  return (
    <>
      <span hidden data-title={`${queueTitle(c, counts)} · Jembatan`} />
      <SlaBanner c={c} count={counts.overdue} />
      <Tabs c={c} tab={tab} counts={counts} />
      {items.length === 0 ? (
        <EmptyQueue c={c} tab={tab} counts={counts} />
      ) : (
        <div class="table-wrap">
          <table class="inbox-queue">
            <caption class="sr-only">{t('inbox:queue.caption', { tab: t(`inbox:tabs.${tab}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inbox:queue.person')}</th>
                <th scope="col">{t('inbox:queue.status')}</th>
                <th scope="col">{t('inbox:queue.time')}</th>
                <th scope="col">{t('inbox:queue.channel')}</th>
                <th scope="col">{t('inbox:queue.programme')}</th>
                <th scope="col">{t('inbox:queue.reason')}</th>
                <th scope="col">{t('inbox:queue.assigned')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <Row c={c} item={item} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        t={t}
        keys={QUEUE_PAGER}
        href={(n) => queueHref(tab, n)}
        page={page}
        perPage={PER_PAGE}
        total={counts[tab]}
      />
    </>
  );
}
