import { ROLES } from '../../../organisations/service';
import { ErrorSummary, FieldMessage, invalid } from '../../broadcasts/fields';
import type { AdminContext } from '../../context';
import { isoOf } from '../../inbox/format';
import { Csrf } from '../../layout';
import type { MemberErrors, MemberField, MemberValues } from '../forms';
import type { MemberRow } from '../members';
import { ERRORS, k, lastLoginText, roleLabel } from './format';
import { SettingsTabs } from './tabs';

const IDS: Record<MemberField, string> = { name: 'set-m-name', email: 'set-m-email', role: 'set-m-role' };

/** A member's lock, shown only while it holds. */
export function LockedUntil(props: { c: AdminContext; until: Date | null }) {
  const { c, until } = props;
  if (!until) return <span class="muted">—</span>;
  return (
    <span class="badge alert">
      <time datetime={isoOf(until)}>{lastLoginText(c.var.t, c.var.locale, until)}</time>
    </span>
  );
}

/** Every member of the organisation; owners also get the form to add one. */
export function MembersPage(props: {
  c: AdminContext;
  members: MemberRow[];
  isOwner: boolean;
  values: MemberValues;
  errors?: MemberErrors;
}) {
  const { c, members, isOwner, values } = props;
  const t = c.var.t;
  const me = c.var.session.memberId;
  const errors = props.errors ?? {};
  const summary = (
    Object.entries(errors) as Array<[MemberField, NonNullable<MemberErrors[MemberField]>]>
  ).map(([field, error]) => [IDS[field], error] as [string, typeof error]);
  return (
    <>
      <SettingsTabs c={c} current="members" />
      <h2>{k(t, 'members.heading', { count: members.length })}</h2>
      <div class="table-wrap">
        <table class="set-members stack">
          <caption class="sr-only">{k(t, 'members.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{k(t, 'members.name')}</th>
              <th scope="col">{k(t, 'members.email')}</th>
              <th scope="col">{k(t, 'members.role')}</th>
              <th scope="col">{k(t, 'members.lastLogin')}</th>
              <th scope="col">{k(t, 'members.lockedUntil')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/settings/members/${m.id}`}>{m.name}</a>
                  {m.id === me ? <span class="muted"> ({k(t, 'members.you')})</span> : null}
                </th>
                <td class="set-email" data-label={k(t, 'members.email')}>
                  {m.email ?? '—'}
                </td>
                <td data-label={k(t, 'members.role')}>{roleLabel(t, m.role)}</td>
                <td data-label={k(t, 'members.lastLogin')}>
                  {m.lastLoginAt ? (
                    <time datetime={isoOf(m.lastLoginAt)}>
                      {lastLoginText(t, c.var.locale, m.lastLoginAt)}
                    </time>
                  ) : (
                    <span class="muted">
                      {m.hasPassword ? k(t, 'members.never') : k(t, 'members.noPassword')}
                    </span>
                  )}
                </td>
                <td
                  data-label={k(t, 'members.lockedUntil')}
                  class={m.lockedUntil ? undefined : 'stack-empty'}
                >
                  <LockedUntil c={c} until={m.lockedUntil} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isOwner ? (
        <section aria-labelledby="set-add-heading">
          <h2 id="set-add-heading">{k(t, 'add.heading')}</h2>
          <p class="muted">{k(t, 'add.intro')}</p>
          <form method="post" action="/admin/settings/members" class="set-form">
            <Csrf c={c} />
            <ErrorSummary t={t} prefix={ERRORS} heading={k(t, 'errors.summary')} errors={summary} />
            <label for={IDS.name}>{k(t, 'members.name')}</label>
            <input
              type="text"
              id={IDS.name}
              name="name"
              value={values.name}
              maxlength={120}
              autocomplete="off"
              required
              {...invalid(IDS.name, errors.name)}
            />
            <FieldMessage id={IDS.name} t={t} prefix={ERRORS} error={errors.name} />
            <label for={IDS.email}>{k(t, 'members.email')}</label>
            <input
              type="email"
              id={IDS.email}
              name="email"
              value={values.email}
              maxlength={200}
              autocomplete="off"
              required
              {...invalid(IDS.email, errors.email)}
            />
            <FieldMessage id={IDS.email} t={t} prefix={ERRORS} error={errors.email} />
            <RoleSelect c={c} id={IDS.role} value={values.role} error={errors.role} />
            <div class="actions">
              <button type="submit">{k(t, 'add.submit')}</button>
            </div>
          </form>
        </section>
      ) : (
        <p class="notice">{k(t, 'members.ownersOnly')}</p>
      )}
    </>
  );
}

/** The role picker with what each role may do, for the add form and a member's page. */
export function RoleSelect(props: {
  c: AdminContext;
  id: string;
  value: string;
  error?: MemberErrors['role'];
}) {
  const t = props.c.var.t;
  return (
    <>
      <label for={props.id}>{k(t, 'members.role')}</label>
      <ul class="muted bc-hint set-role-hints" id={`${props.id}-hint`}>
        {ROLES.map((role) => (
          <li>
            <strong>{roleLabel(t, role)}</strong>: {k(t, `roleHints.${role}`)}
          </li>
        ))}
      </ul>
      <select id={props.id} name="role" {...invalid(props.id, props.error, `${props.id}-hint`)}>
        {ROLES.map((role) => (
          <option value={role} selected={role === props.value}>
            {roleLabel(t, role)}
          </option>
        ))}
      </select>
      <FieldMessage id={props.id} t={t} prefix={ERRORS} error={props.error} />
    </>
  );
}
