import type { AdminContext } from '../../context';
import { isoOf } from '../../inbox/format';
import { Csrf } from '../../layout';
import type { MemberRow } from '../members';
import { k, lastLoginText, roleLabel } from './format';
import { LockedUntil, RoleSelect } from './members';
import { SettingsTabs } from './tabs';

/**
 * One member: their account for everyone in the organisation; for owners also the role, a new
 * one-time password and removal. `problem` is a message key shown above (e.g. the last owner).
 */
export function MemberPage(props: {
  c: AdminContext;
  member: MemberRow;
  isOwner: boolean;
  openConversations: number;
  problem?: string;
}) {
  const { c, member, isOwner } = props;
  const t = c.var.t;
  const self = member.id === c.var.session.memberId;
  const base = `/admin/settings/members/${member.id}`;
  return (
    <>
      <SettingsTabs c={c} current="members" />
      <p class="back">
        <a href="/admin/settings/members">{k(t, 'member.back')}</a>
      </p>
      {props.problem ? (
        <p class="notice error" role="alert">
          {k(t, props.problem)}
        </p>
      ) : null}
      <h2>{k(t, 'member.account')}</h2>
      <dl class="set-dl">
        <dt>{k(t, 'members.email')}</dt>
        <dd>{member.email ?? '—'}</dd>
        <dt>{k(t, 'members.role')}</dt>
        <dd>{roleLabel(t, member.role)}</dd>
        <dt>{k(t, 'members.lastLogin')}</dt>
        <dd>
          {member.lastLoginAt ? (
            <time datetime={isoOf(member.lastLoginAt)}>
              {lastLoginText(t, c.var.locale, member.lastLoginAt)}
            </time>
          ) : member.hasPassword ? (
            k(t, 'members.never')
          ) : (
            k(t, 'members.noPassword')
          )}
        </dd>
        <dt>{k(t, 'members.lockedUntil')}</dt>
        <dd>
          <LockedUntil c={c} until={member.lockedUntil} />
        </dd>
        <dt>{k(t, 'member.openConversations')}</dt>
        <dd>{props.openConversations}</dd>
      </dl>
      {isOwner ? (
        <>
          <h2 id="set-role-heading">{k(t, 'member.roleHeading')}</h2>
          <form method="post" action={`${base}/role`} class="set-form" aria-labelledby="set-role-heading">
            <Csrf c={c} />
            <RoleSelect c={c} id="set-member-role" value={member.role} />
            {self ? <p class="muted">{k(t, 'member.selfRole')}</p> : null}
            <div class="actions">
              <button type="submit">{k(t, 'member.roleSubmit')}</button>
            </div>
          </form>

          <h2>{k(t, 'member.passwordHeading')}</h2>
          {self ? (
            <p>
              {k(t, 'member.selfPassword')} <a href="/admin/settings">{k(t, 'tabs.account')}</a>
            </p>
          ) : (
            <form
              method="post"
              action={`${base}/password`}
              data-confirm={k(t, 'member.resetConfirm', { name: member.name })}
            >
              <Csrf c={c} />
              <p class="muted">{k(t, 'member.resetHint')}</p>
              <div class="actions">
                <button type="submit" class="secondary">
                  {member.hasPassword ? k(t, 'member.resetSubmit') : k(t, 'member.createSubmit')}
                </button>
              </div>
            </form>
          )}

          <h2>{k(t, 'member.removeHeading')}</h2>
          <form
            method="post"
            action={`${base}/remove`}
            data-confirm={k(t, 'member.removeConfirm', { name: member.name })}
          >
            <Csrf c={c} />
            <p class="muted">{k(t, 'member.removeHint')}</p>
            {props.openConversations > 0 ? (
              <p class="notice warn">{k(t, 'member.removeOpen', { count: props.openConversations })}</p>
            ) : null}
            <div class="actions">
              <button type="submit" class="danger">
                {k(t, 'member.removeSubmit')}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </>
  );
}
