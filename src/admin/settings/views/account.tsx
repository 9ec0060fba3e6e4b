import { MIN_PASSWORD_LENGTH } from '../../../organisations/accounts/passwords';
import { ErrorSummary, FieldMessage, invalid } from '../../broadcasts/fields';
import type { AdminContext } from '../../context';
import { Csrf } from '../../layout';
import type { PasswordErrors, PasswordField } from '../forms';
import { MAX_PASSWORD_LENGTH } from '../forms';
import { ERRORS, k, roleLabel } from './format';
import { SettingsTabs } from './tabs';

const IDS: Record<PasswordField, string> = {
  current: 'set-pw-current',
  next: 'set-pw-next',
  repeat: 'set-pw-repeat',
};

/** The posted field names (routes.tsx reads them). */
export const PASSWORD_FIELDS: Record<PasswordField, string> = {
  current: 'current_password',
  next: 'new_password',
  repeat: 'repeat_password',
};

/**
 * The member's own page: the organisation, their account and the form to change their password. The
 * password fields always start empty, also when the form comes back with an error.
 */
export function AccountPage(props: { c: AdminContext; errors?: PasswordErrors }) {
  const { c } = props;
  const t = c.var.t;
  const s = c.var.session;
  const errors = props.errors ?? {};
  const summary = (
    Object.entries(errors) as Array<[PasswordField, NonNullable<PasswordErrors[PasswordField]>]>
  ).map(([field, error]) => [IDS[field], error] as [string, typeof error]);
  const field = (name: PasswordField, autocomplete: string, hint?: string) => (
    <>
      <label for={IDS[name]}>
        {k(t, name === 'current' && s.mustChangePassword ? 'password.currentOneTime' : `password.${name}`)}
      </label>
      {hint ? (
        <p class="muted bc-hint" id={`${IDS[name]}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        type="password"
        id={IDS[name]}
        name={PASSWORD_FIELDS[name]}
        autocomplete={autocomplete}
        required
        maxlength={MAX_PASSWORD_LENGTH}
        {...(name === 'current' ? {} : { minlength: MIN_PASSWORD_LENGTH })}
        {...invalid(IDS[name], errors[name], hint ? `${IDS[name]}-hint` : undefined)}
      />
      <FieldMessage id={IDS[name]} t={t} prefix={ERRORS} error={errors[name]} />
    </>
  );
  return (
    <>
      <SettingsTabs c={c} current="account" />
      {s.mustChangePassword ? (
        <p class="notice warn" role="alert">
          {k(t, 'password.firstNotice')}
        </p>
      ) : null}
      <h2>{k(t, 'account.organisation')}</h2>
      <p class="set-org">{s.organisationName}</p>
      <h2>{k(t, 'account.heading')}</h2>
      <dl class="set-dl">
        <dt>{k(t, 'members.name')}</dt>
        <dd>{s.name}</dd>
        <dt>{k(t, 'members.email')}</dt>
        <dd>{s.email ?? '—'}</dd>
        <dt>{k(t, 'members.role')}</dt>
        <dd>
          {roleLabel(t, s.role)} <span class="muted">— {k(t, `roleHints.${s.role}`)}</span>
        </dd>
      </dl>
      <h2 id="set-password-heading">{k(t, 'password.heading')}</h2>
      <form
        method="post"
        action="/admin/settings/password"
        class="set-form"
        aria-labelledby="set-password-heading"
      >
        <Csrf c={c} />
        <ErrorSummary t={t} prefix={ERRORS} heading={k(t, 'errors.summary')} errors={summary} />
        {field('current', 'current-password')}
        {field('next', 'new-password', k(t, 'password.nextHint', { min: MIN_PASSWORD_LENGTH }))}
        {field('repeat', 'new-password')}
        <p class="muted">{k(t, 'password.othersEnd')}</p>
        <div class="actions">
          <button type="submit">{k(t, 'password.submit')}</button>
        </div>
      </form>
    </>
  );
}
