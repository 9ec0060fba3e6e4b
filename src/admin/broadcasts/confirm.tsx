import type { Preview } from '../../broadcasts/service';
import { choiceTitle, type ProgrammeChoice } from '../../organisations/programme-choices';
import type { QuietHours } from '../../shared/jakarta-time';
import type { AdminContext } from '../context';
import { Csrf } from '../layout';
import { AudienceCountView } from './count';
import { type ComposedBroadcast, type ComposerValues, hiddenEntries } from './form';
import { AudienceSummary } from './summary';
import { formatHour, formatWib } from './text';

/*
 * The confirm step: what will go out, to how many people, when — and the same form values again as
 * hidden fields, so "Ya, kirim" creates exactly what was reviewed and "Ubah" brings the form back.
 * A draft's page uses it too: its target posts to the draft, and "back" is a link to the draft.
 */

/** Where the confirm step posts, with what, and how to go back. */
export interface ConfirmTarget {
  action: string;
  hidden: Array<[string, string]>;
  /** A link back instead of the composer's "Ubah lagi" button. */
  back?: { href: string; label: string };
}

/** The composer's own target: the form's values posted again to /admin/broadcasts/new. */
export const composerTarget = (values: ComposerValues): ConfirmTarget => ({
  action: '/admin/broadcasts/new',
  hidden: hiddenEntries(values),
});

export function ConfirmStep(props: {
  c: AdminContext;
  target: ConfirmTarget;
  broadcast: ComposedBroadcast;
  preview: Preview;
  programmes: readonly ProgrammeChoice[];
  quiet: QuietHours;
  /** Starts in quiet hours (and is not urgent): goes out when they end. */
  waitsForMorning: boolean;
}) {
  const { c, target, broadcast, preview, programmes, quiet } = props;
  const t = c.var.t;
  const locale = c.var.locale;
  const k = (key: string, params: Record<string, unknown> = {}) => t(`dashboard:broadcasts.${key}`, params);
  const programme = broadcast.programme ? programmes.find((p) => p.slug === broadcast.programme) : undefined;
  const nobody = preview.recipients === 0;
  return (
    <div class="bc-confirm">
      <p>{k('confirm.intro')}</p>
      <section class="card" aria-labelledby="bc-confirm-who">
        <h2 id="bc-confirm-who">{k('confirm.who')}</h2>
        <AudienceCountView t={t} locale={locale} count={preview} />
        <AudienceSummary t={t} locale={locale} audience={broadcast.audience} programmes={programmes} />
        {broadcast.at === null && nobody ? (
          <p class="notice warn" role="status">
            {k('confirm.nobodyNow')}
          </p>
        ) : null}
      </section>
      <section class="card" aria-labelledby="bc-confirm-when">
        <h2 id="bc-confirm-when">{k('confirm.when')}</h2>
        <p>{broadcast.at ? k('confirm.at', { time: formatWib(broadcast.at, locale) }) : k('confirm.now')}</p>
        {broadcast.at ? <p class="muted">{k('confirm.audienceLater')}</p> : null}
        {props.waitsForMorning ? (
          <p class="notice warn">
            {k('confirm.quiet', {
              start: formatHour(quiet.start, locale),
              end: formatHour(quiet.end, locale),
            })}
          </p>
        ) : null}
        {broadcast.urgent ? <p>{k('confirm.urgent')}</p> : null}
      </section>
      <section class="card" aria-labelledby="bc-confirm-what">
        <h2 id="bc-confirm-what">{k('confirm.what')}</h2>
        {programme ? <p>{k('confirm.programme', { title: choiceTitle(programme, locale) })}</p> : null}
        <h3>{k('confirm.sampleId')}</h3>
        <pre class="bc-preview" lang="id">
          {preview.sample.id}
        </pre>
        {broadcast.text.en ? (
          <>
            <h3>{k('confirm.sampleEn')}</h3>
            <pre class="bc-preview" lang="en">
              {preview.sample.en}
            </pre>
          </>
        ) : null}
      </section>
      <form method="post" action={target.action}>
        <Csrf c={c} />
        {target.hidden.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <div class="actions">
          {broadcast.at === null && nobody ? null : (
            <button type="submit" name="intent" value="confirm">
              {broadcast.at ? k('confirm.schedule') : k('confirm.sendNow', { count: preview.recipients })}
            </button>
          )}
          {target.back ? (
            <a class="button secondary" href={target.back.href}>
              {target.back.label}
            </a>
          ) : (
            <button type="submit" name="intent" value="edit" class="secondary">
              {k('confirm.edit')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
