import { SLA_MINUTES } from '../../../organisations/service';
import { ErrorSummary, FieldMessage, type FormError, invalid } from '../../broadcasts/fields';
import type { AdminContext } from '../../context';
import { Csrf } from '../../layout';
import { ERRORS, k } from './format';
import { SettingsTabs } from './tabs';

/**
 * How the organisation's service runs: the inbox alert (owners change it) and the Telegram staff
 * group, which is set from the command line because it needs the bot added to the group first.
 */
export function ServicePage(props: {
  c: AdminContext;
  isOwner: boolean;
  /** What is stored, or what was typed when the form comes back with an error. */
  sla: string;
  staffGroupChatId: string | null;
  error?: FormError;
}) {
  const { c, isOwner, error } = props;
  const t = c.var.t;
  return (
    <>
      <SettingsTabs c={c} current="service" />
      <h2 id="set-sla-heading">{k(t, 'service.slaHeading')}</h2>
      {isOwner ? (
        <form
          method="post"
          action="/admin/settings/service"
          class="set-form"
          aria-labelledby="set-sla-heading"
        >
          <Csrf c={c} />
          <ErrorSummary
            t={t}
            prefix={ERRORS}
            heading={k(t, 'errors.summary')}
            errors={error ? [['set-sla', error]] : []}
          />
          <label for="set-sla">{k(t, 'service.slaLabel')}</label>
          <p class="muted bc-hint" id="set-sla-hint">
            {k(t, 'service.slaHint', { min: SLA_MINUTES.min, max: SLA_MINUTES.max })}
          </p>
          <input
            type="text"
            id="set-sla"
            name="sla_minutes"
            inputmode="numeric"
            pattern="[0-9]*"
            maxlength={4}
            value={props.sla}
            required
            class="set-number"
            {...invalid('set-sla', error, 'set-sla-hint')}
          />
          <FieldMessage id="set-sla" t={t} prefix={ERRORS} error={error} />
          <div class="actions">
            <button type="submit">{k(t, 'service.slaSubmit')}</button>
          </div>
        </form>
      ) : (
        <>
          <p>{k(t, 'service.slaCurrent', { count: Number(props.sla) })}</p>
          <p class="muted">{k(t, 'service.ownersOnly')}</p>
        </>
      )}
      <h2>{k(t, 'service.groupHeading')}</h2>
      <p>
        {props.staffGroupChatId ? (
          <>
            {k(t, 'service.groupSet')} <code>{props.staffGroupChatId}</code>
          </>
        ) : (
          k(t, 'service.groupNone')
        )}
      </p>
      <p class="muted">{k(t, 'service.groupHint')}</p>
    </>
  );
}
