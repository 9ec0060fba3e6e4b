import type { AudienceCount } from '../../broadcasts/audience';
import type { Locale, T } from '../../i18n';
import { formatCount } from '../charts';
import { ERRORS } from './composer';
import { errorText } from './fields';
import type { ComposerErrors } from './form';

/*
 * The live count: how many people the filters reach now (the audience service's own count), per
 * channel, and with "eligible for" how many were left out and why. Also the fragment the script fetches.
 */

const CHANNEL_LABELS: Record<string, string> = {
  telegram: 'Telegram',
  whatsapp: 'WhatsApp',
  simulator: 'Simulator',
};

export function AudienceCountView(props: { t: T; locale: Locale; count: AudienceCount }) {
  const { t, locale, count } = props;
  const k = (key: string, params: Record<string, unknown> = {}) =>
    t(`dashboard:broadcasts.count.${key}`, params);
  const channels = Object.entries(count.byChannel).filter(([, n]) => (n ?? 0) > 0);
  return (
    <div>
      <p class="bc-count-number">
        <strong data-count={String(count.recipients)}>{formatCount(count.recipients, locale)}</strong>{' '}
        {k('people', { count: count.recipients })}
      </p>
      {channels.length > 0 ? (
        <p class="muted">
          {channels
            .map(([channel, n]) => `${CHANNEL_LABELS[channel] ?? channel}: ${formatCount(n ?? 0, locale)}`)
            .join(' · ')}
        </p>
      ) : null}
      {count.recipients === 0 ? <p>{k('none')}</p> : null}
      {count.noPlace ? (
        <p class="muted">{k('noPlace', { count: count.noPlace, n: formatCount(count.noPlace, locale) })}</p>
      ) : null}
      {count.ineligible !== undefined ? (
        <p class="muted">
          {k('leftOut', {
            ineligible: formatCount(count.ineligible, locale),
            incomplete: formatCount(count.incomplete ?? 0, locale),
          })}
        </p>
      ) : null}
    </div>
  );
}

/** What the count says while a filter is not valid: the first problem, in words. */
export function AudienceCountError(props: { t: T; errors: ComposerErrors }) {
  const first = Object.values(props.errors)[0];
  return (
    <p class="bc-field-error" data-count="">
      {first ? errorText(props.t, ERRORS, first) : ''} {props.t('dashboard:broadcasts.count.fix')}
    </p>
  );
}
