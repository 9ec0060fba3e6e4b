import type { InboxViewer } from '../../handoff/inbox';
import type { AdminContext } from '../context';
import { refuse } from '../refuse';

/** The organisation and member an inbox request acts for. */
export function viewerOf(c: AdminContext): InboxViewer {
  const s = c.var.session;
  return {
    organisationId: s.organisationId,
    organisationSlug: s.organisationSlug,
    memberId: s.memberId,
    slaMinutes: s.slaMinutes,
  };
}

/** Another organisation's item (or none): the section's refusal, with the way back to the queue. */
export const denied = (c: AdminContext) =>
  refuse(c, 'inbox', { back: { href: '/admin/inbox', label: c.var.t('inbox:conversation.back') } });

/** The person's name as staff see it. */
export const nameOf = (c: AdminContext, displayName: string | null | undefined) =>
  displayName?.trim() || c.var.t('inbox:queue.noName');
