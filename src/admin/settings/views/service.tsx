import { SLA_MINUTES } from '../../../organisations/service';
import { ErrorSummary, FieldMessage, type FormError, invalid } from '../../broadcasts/fields';
import type { AdminContext } from '../../context';
import { Csrf } from '../../layout';
import { ERRORS, k } from './format';
import { SettingsTabs } from './tabs';

/** The office hours as the form shows them: days as ISO weekdays, times as HH:MM (WIB). */
export interface HoursValues {
  first: string;
  last: string;
  open: string;
  close: string;
  /** The organisation set its own (otherwise these are the server's). */
  own: boolean;
}

/**
 * When staff answer: what the bot tells a person who asks for staff ("Petugas kami aktif Senin–Jumat
 * pukul 08.00–16.00 WIB") and whether it says the desk is closed now. Owners change it here.
 */
function OfficeHoursForm(props: {
  c: AdminContext;
  isOwner: boolean;
  hours: HoursValues;
  error?: FormError | undefined;
}) {
  const { c, hours, error } = props;
  const t = c.var.t;
  const day = (n: string) => t(`common:handoff.day${n}`);
  const current = k(t, 'service.hoursCurrent', {
    days: hours.first === hours.last ? day(hours.first) : `${day(hours.first)}–${day(hours.last)}`,
    open: hours.open.replace(':', '.'),
    close: hours.close.replace(':', '.'),
  });
  const days = (id: string, name: 'first' | 'last') => (
    <>
      <label for={id}>{k(t, `service.hours_${name}`)}</label>
      <select id={id} name={name} {...invalid(id, error)}>
        {['1', '2', '3', '4', '5', '6', '7'].map((n) => (
          <option value={n} selected={n === hours[name]}>
            {day(n)}
          </option>
        ))}
      </select>
    </>
  );
  return (
    <>
      <h2 id="set-hours-heading">{k(t, 'service.hoursHeading')}</h2>
      <p>
        {current} {hours.own ? null : <span class="muted">{k(t, 'service.hoursDefault')}</span>}
      </p>
      {props.isOwner ? (
        <form
          method="post"
          action="/admin/settings/service/hours"
          class="set-form"
          aria-labelledby="set-hours-heading"
        >
          <Csrf c={c} />
          <ErrorSummary
            t={t}
            prefix={ERRORS}
            heading={k(t, 'errors.summary')}
            errors={error ? [['set-hours-first', error]] : []}
          />
          <p class="muted bc-hint" id="set-hours-hint">
            {k(t, 'service.hoursHint')}
          </p>
          <div class="set-hours">
            <div>{days('set-hours-first', 'first')}</div>
            <div>{days('set-hours-last', 'last')}</div>
            <div>
              <label for="set-hours-open">{k(t, 'service.hours_open')}</label>
              <input type="time" id="set-hours-open" name="open" value={hours.open} required step={60} />
            </div>
            <div>
              <label for="set-hours-close">{k(t, 'service.hours_close')}</label>
              <input type="time" id="set-hours-close" name="close" value={hours.close} required step={60} />
            </div>
          </div>
          <FieldMessage id="set-hours-first" t={t} prefix={ERRORS} error={error} />
          <div class="actions">
            <button type="submit">{k(t, 'service.hoursSubmit')}</button>
          </div>
        </form>
      ) : null}
    </>
  );
}

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
  hours: HoursValues;
  hoursError?: FormError | undefined;
}) {
  const { c, isOwner, error } = props;
  const t = c.var.t;
  return (
    <>
      <SettingsTabs c={c} current="service" />
      <OfficeHoursForm c={c} isOwner={isOwner} hours={props.hours} error={props.hoursError} />
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
