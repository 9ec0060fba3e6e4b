import type { QuietHours } from '../../shared/jakarta-time';
import type { AdminContext } from '../context';
import { Csrf } from '../layout';
import { ERRORS, FIELD_IDS, ScheduleInputs } from './composer';
import { ErrorSummary } from './fields';
import { type ComposerErrors, type ComposerField, type ComposerValues, NAMES } from './form';
import { formatHour } from './text';

/*
 * A draft's way out (a draft made through the API has no composer behind it): "Kirim sekarang", or a
 * WIB date and time to schedule it. Both go through the composer's confirm step with the live count.
 */

export type DraftSendValues = Pick<ComposerValues, 'date' | 'time'>;

/** The send-now button: errors that are not about the date or time point at it. */
export const SEND_NOW_ID = 'bc-send-now';

const fieldId = (field: ComposerField) =>
  field === 'date' || field === 'time' ? FIELD_IDS[field] : SEND_NOW_ID;

export function DraftSend(props: {
  c: AdminContext;
  broadcastId: string;
  values: DraftSendValues;
  errors: ComposerErrors;
  quiet: QuietHours;
}) {
  const { c, values, errors, quiet } = props;
  const t = c.var.t;
  const k = (key: string, params: Record<string, unknown> = {}) => t(`dashboard:broadcasts.${key}`, params);
  const action = `/admin/broadcasts/${props.broadcastId}/send`;
  const summary = (
    Object.entries(errors) as Array<[ComposerField, NonNullable<ComposerErrors[ComposerField]>]>
  ).map(([field, error]) => [fieldId(field), error] as [string, typeof error]);
  return (
    <section aria-labelledby="bc-draft-send" class="card">
      <h2 id="bc-draft-send">{k('draft.heading')}</h2>
      <ErrorSummary t={t} prefix={ERRORS} heading={k('errors.summary')} errors={summary} />
      <p class="muted">{k('draft.hint')}</p>
      <form method="post" action={action}>
        <Csrf c={c} />
        <input type="hidden" name={NAMES.when} value="now" />
        <button type="submit" id={SEND_NOW_ID} name="intent" value="review">
          {k('draft.sendNow')}
        </button>
      </form>
      <form method="post" action={action}>
        <Csrf c={c} />
        <input type="hidden" name={NAMES.when} value="later" />
        <fieldset>
          <legend>{k('draft.scheduleLegend')}</legend>
          <ScheduleInputs t={t} values={values} errors={errors} required timeHint="bc-draft-quiet" />
          <p class="muted" id="bc-draft-quiet">
            {k('compose.quietHours', {
              start: formatHour(quiet.start, c.var.locale),
              end: formatHour(quiet.end, c.var.locale),
            })}
          </p>
          <button type="submit" name="intent" value="review" class="secondary">
            {k('draft.schedule')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}
