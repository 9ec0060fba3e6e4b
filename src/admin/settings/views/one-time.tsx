import { ONE_TIME_HOURS } from '../../../organisations/accounts/login';
import type { AdminContext } from '../../context';
import type { IssuedPassword } from '../members';
import { k } from './format';
import { SettingsTabs } from './tabs';

/**
 * The one-time password, shown exactly once: this page is the direct answer to the POST (never a
 * redirect, so it is in no URL or history entry) and is not cached (`Cache-Control: no-store`).
 */
export function OneTimePasswordPage(props: {
  c: AdminContext;
  issued: IssuedPassword;
  reason: 'added' | 'reset';
}) {
  const { c, issued } = props;
  const t = c.var.t;
  const name = issued.member.name;
  // The full address, as the new member will type it or tap it in a chat message.
  const loginAddress = `${new URL(c.req.url).origin}/admin/login`;
  return (
    <>
      <SettingsTabs c={c} current="members" />
      <p class="notice ok" role="status">
        {k(t, `oneTime.${props.reason}`, { name })}
      </p>
      <h2>{k(t, 'oneTime.heading')}</h2>
      <dl class="set-dl">
        <dt>{k(t, 'members.email')}</dt>
        <dd>{issued.member.email ?? '—'}</dd>
        <dt>{k(t, 'oneTime.loginAddress')}</dt>
        <dd>
          <code id="login-address">{loginAddress}</code>{' '}
          {/* Shown by the script, which is what makes it work. */}
          <button
            type="button"
            class="secondary"
            data-copy="#login-address"
            data-done={k(t, 'oneTime.copied')}
            hidden
          >
            {k(t, 'oneTime.copy')}
          </button>
        </dd>
        <dt>{k(t, 'oneTime.password')}</dt>
        <dd>
          <code class="set-secret">{issued.password}</code>
        </dd>
      </dl>
      <div class="notice warn">
        <p>{k(t, 'oneTime.once')}</p>
        <p>{k(t, 'oneTime.private', { name })}</p>
        <p>{k(t, 'oneTime.change', { name, hours: ONE_TIME_HOURS })}</p>
      </div>
      <p>
        <a href={`/admin/settings/members/${issued.member.id}`}>{k(t, 'oneTime.done')}</a>
      </p>
    </>
  );
}
