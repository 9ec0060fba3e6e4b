import type { QueueItem } from '../../handoff/inbox';
import type { Locale, T } from '../../i18n';
import type { LocalizedText } from '../../shared/profile';
import { formatDuration, formatWib } from './format';

/** A programme's title in the page's language (Indonesian when there is no English). */
export const titleIn = (title: LocalizedText | null | undefined, locale: Locale, fallback: string) =>
  (locale === 'en' ? title?.en : undefined) ?? title?.id ?? fallback;

export const channelLabel = (t: T, channel: string | null | undefined) =>
  t(`inbox:channel.${channel ?? 'unknown'}`, { defaultValue: channel ?? t('inbox:channel.unknown') });

/** Who has it: "Anda", a colleague's name, "Petugas lain" (e.g. answered from the staff group), or nobody. */
export function assigneeLabel(t: T, item: QueueItem, memberId: string): string {
  if (!item.assignedTo) return t('inbox:queue.unassigned');
  if (item.assignedTo === memberId) return t('inbox:queue.you');
  return item.assigneeName ?? t('inbox:queue.assignedOther');
}

/**
 * The row's time: how long the person has waited while nobody answered, the first-response time once
 * someone did, and for closed cases also when they were closed.
 */
export function timeLabels(t: T, item: QueueItem, locale: Locale, now: Date = new Date()): string[] {
  const created = item.createdAt.getTime();
  const labels: string[] = [];
  if (item.firstResponseAt)
    labels.push(
      t('inbox:time.firstResponse', {
        duration: formatDuration(t, item.firstResponseAt.getTime() - created),
      }),
    );
  else if (item.status === 'waiting' || item.status === 'active')
    labels.push(t('inbox:time.waiting', { duration: formatDuration(t, now.getTime() - created) }));
  else
    labels.push(
      t('inbox:time.noResponse', {
        duration: formatDuration(t, (item.closedAt ?? now).getTime() - created),
      }),
    );
  if (item.closedAt) labels.push(t('inbox:time.closedAt', { time: formatWib(item.closedAt, locale, now) }));
  else labels.push(t('inbox:time.openedAt', { time: formatWib(item.createdAt, locale, now) }));
  return labels;
}
