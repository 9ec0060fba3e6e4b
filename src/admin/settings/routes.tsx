import { Hono } from 'hono';
import {
  changeMemberRole,
  findOrganisation,
  getMember,
  removeMemberKeepingOwner,
  setOfficeHours,
  setSlaMinutes,
} from '../../organisations/service';
import { systemClock } from '../../shared/clock';
import { requireRole } from '../auth/middleware';
import type { FormError } from '../broadcasts/fields';
import { type AdminContext, type AdminDeps, type AdminEnv, formField, organisationOf } from '../context';
import { formatWib } from '../inbox/format';
import { page } from '../layout';
import { refuse } from '../refuse';
import {
  EMPTY_MEMBER,
  hoursValues,
  type MemberErrors,
  type MemberValues,
  type PasswordErrors,
  parseRole,
  validateMember,
  validateOfficeHours,
  validatePasswordChange,
  validateSla,
} from './forms';
import {
  addMemberWithPassword,
  type IssuedPassword,
  memberRow,
  memberRows,
  openConversationsOf,
  resetMemberPassword,
} from './members';
import { changeOwnPassword } from './own-password';
import { AccountPage, PASSWORD_FIELDS } from './views/account';
import { k } from './views/format';
import { MemberPage } from './views/member';
import { MembersPage } from './views/members';
import { OneTimePasswordPage } from './views/one-time';
import { type HoursValues, ServicePage } from './views/service';

/*
 * /admin/settings: the member's own account and password (everyone), the organisation's members
 * (listed for everyone, managed by owners) and its service settings (owners). Every query is scoped to
 * the session's organisation; another organisation's member answers 403 and shows nothing of them.
 * Logs name members by id only and never carry a password.
 */

const onlyOwners = requireRole('owner');
const isOwner = (c: AdminContext) => c.var.session.role === 'owner';
const title = (c: AdminContext, key: string) => k(c.var.t, `titles.${key}`);

/** A posted field, cut to a length nobody types. */
const field = (c: AdminContext, name: string, max = 500) => formField(c, name, max);

/** Another organisation's member, or no member at all: the same 403 either way. */
const denied = (c: AdminContext) =>
  refuse(c, 'settings', {
    title: title(c, 'members'),
    back: { href: '/admin/settings/members', label: k(c.var.t, 'member.back') },
  });

export function settingsRoutes(deps: AdminDeps) {
  const { db, logger } = deps;
  const now = deps.clock ?? systemClock;
  const app = new Hono<AdminEnv>();
  const audit = (c: AdminContext, event: string, fields: Record<string, string | number>) =>
    logger.info({ event, by: c.var.session.memberId, ...fields }, 'dashboard settings changed');

  // --- Own account -----------------------------------------------------------------------------------

  const account = (c: AdminContext, errors?: PasswordErrors, status = 200) =>
    page(c, title(c, 'account'), 'settings', <AccountPage c={c} {...(errors ? { errors } : {})} />, status);

  app.get('/', (c) => account(c));

  app.post('/password', async (c) => {
    const form = {
      current: await field(c, PASSWORD_FIELDS.current),
      next: await field(c, PASSWORD_FIELDS.next),
      repeat: await field(c, PASSWORD_FIELDS.repeat),
    };
    const errors = validatePasswordChange(form);
    if (Object.keys(errors).length > 0) return account(c, errors, 422);
    const session = c.var.session;
    const result = await changeOwnPassword(db, session, form.current, form.next, now());
    if (!result.ok) {
      if (result.reason === 'locked')
        return account(
          c,
          { current: { key: 'locked', params: { time: formatWib(result.until, c.var.locale) } } },
          429,
        );
      return account(
        c,
        result.reason === 'same' ? { next: { key: 'same' } } : { current: { key: 'currentWrong' } },
        422,
      );
    }
    audit(c, 'admin_password_changed', { member: session.memberId });
    return c.redirect('/admin/settings?ok=dashboard:settings.flash.passwordChanged', 303);
  });

  // --- Members ---------------------------------------------------------------------------------------

  const members = async (
    c: AdminContext,
    values: MemberValues = EMPTY_MEMBER,
    errors?: MemberErrors,
    status = 200,
  ) =>
    page(
      c,
      title(c, 'members'),
      'settings',
      <MembersPage
        c={c}
        members={await memberRows(db, organisationOf(c).id)}
        isOwner={isOwner(c)}
        values={values}
        {...(errors ? { errors } : {})}
      />,
      status,
    );

  const memberPage = async (c: AdminContext, memberId: string, problem?: string, status = 200) => {
    const member = await getMember(db, organisationOf(c).id, memberId);
    if (!member) return denied(c);
    return page(
      c,
      member.name,
      'settings',
      <MemberPage
        c={c}
        member={memberRow(member)}
        isOwner={isOwner(c)}
        openConversations={await openConversationsOf(db, member.id)}
        {...(problem ? { problem } : {})}
      />,
      status,
    );
  };

  /** The direct answer of the POST that made the password: see views/one-time.tsx. */
  const oneTime = (c: AdminContext, issued: IssuedPassword, reason: 'added' | 'reset') => {
    c.header('Cache-Control', 'no-store');
    return page(
      c,
      title(c, 'oneTime'),
      'settings',
      <OneTimePasswordPage c={c} issued={issued} reason={reason} />,
    );
  };

  app.get('/members', (c) => members(c));

  app.post('/members', onlyOwners, async (c) => {
    const values: MemberValues = {
      name: await field(c, 'name', 200),
      email: await field(c, 'email', 300),
      role: await field(c, 'role', 20),
    };
    const { input, errors } = validateMember(values);
    if (!input) return members(c, values, errors, 422);
    const issued = await addMemberWithPassword(db, organisationOf(c).id, input);
    if (!issued) return members(c, values, { email: { key: 'emailTaken' } }, 409);
    audit(c, 'admin_member_added', { member: issued.member.id, role: input.role });
    return oneTime(c, issued, 'added');
  });

  app.get('/members/:id', (c) => memberPage(c, c.req.param('id')));

  app.post('/members/:id/role', onlyOwners, async (c) => {
    const id = c.req.param('id');
    const role = parseRole(await field(c, 'role', 20));
    if (!role) return memberPage(c, id, 'errors.roleInvalid', 422);
    const result = await changeMemberRole(db, organisationOf(c).id, id, role);
    if (result === 'not_found') return denied(c);
    if (result === 'last_owner') return memberPage(c, id, 'errors.lastOwnerDemote', 409);
    audit(c, 'admin_member_role_changed', { member: id, role });
    return c.redirect(`/admin/settings/members/${id}?ok=dashboard:settings.flash.roleChanged`, 303);
  });

  app.post('/members/:id/password', onlyOwners, async (c) => {
    const id = c.req.param('id');
    // Their own password needs the current one (the account page), not an owner's reset.
    if (id === c.var.session.memberId) return memberPage(c, id, 'errors.selfReset', 409);
    const issued = await resetMemberPassword(db, organisationOf(c).id, id);
    if (!issued) return denied(c);
    audit(c, 'admin_member_password_reset', { member: id });
    return oneTime(c, issued, 'reset');
  });

  app.post('/members/:id/remove', onlyOwners, async (c) => {
    const id = c.req.param('id');
    const result = await removeMemberKeepingOwner(db, organisationOf(c).id, id);
    if (result === 'not_found') return denied(c);
    if (result === 'last_owner') return memberPage(c, id, 'errors.lastOwnerRemove', 409);
    audit(c, 'admin_member_removed', { member: id });
    return c.redirect('/admin/settings/members?ok=dashboard:settings.flash.removed', 303);
  });

  // --- Service settings ------------------------------------------------------------------------------

  const service = async (
    c: AdminContext,
    typed?: string,
    error?: FormError,
    hoursTyped?: HoursValues,
    hoursError?: FormError,
  ) => {
    const organisation = await findOrganisation(db, organisationOf(c).id);
    const stored = hoursValues(organisation?.officeHours ?? null, deps.officeHours);
    return page(
      c,
      title(c, 'service'),
      'settings',
      <ServicePage
        c={c}
        isOwner={isOwner(c)}
        sla={typed ?? String(organisation?.slaMinutes ?? c.var.session.slaMinutes)}
        staffGroupChatId={organisation?.staffGroupChatId ?? null}
        {...(error ? { error } : {})}
        hours={hoursTyped ?? stored}
        hoursError={hoursError}
      />,
      error || hoursError ? 422 : 200,
    );
  };

  app.get('/service', (c) => service(c));

  app.post('/service', onlyOwners, async (c) => {
    const typed = await field(c, 'sla_minutes', 20);
    const checked = validateSla(typed);
    if ('error' in checked) return service(c, typed, checked.error);
    await setSlaMinutes(db, organisationOf(c).id, checked.minutes);
    audit(c, 'admin_sla_changed', { organisation: organisationOf(c).id, minutes: checked.minutes });
    return c.redirect('/admin/settings/service?ok=dashboard:settings.flash.slaSaved', 303);
  });

  app.post('/service/hours', onlyOwners, async (c) => {
    const typed: HoursValues = {
      first: await field(c, 'first', 2),
      last: await field(c, 'last', 2),
      open: await field(c, 'open', 8),
      close: await field(c, 'close', 8),
      own: true,
    };
    const checked = validateOfficeHours(typed);
    if ('error' in checked) return service(c, undefined, undefined, typed, checked.error);
    await setOfficeHours(db, organisationOf(c).id, checked.hours);
    audit(c, 'admin_office_hours_changed', { organisation: organisationOf(c).id, hours: checked.hours });
    return c.redirect('/admin/settings/service?ok=dashboard:settings.flash.hoursSaved', 303);
  });

  return app;
}
