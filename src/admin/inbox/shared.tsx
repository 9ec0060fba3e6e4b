import type { InboxViewer } from '../../handoff/inbox';
import type { AdminContext } from '../context';
import { page } from '../layout';

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

export const canAct = (c: AdminContext) => c.var.session.role !== 'viewer';

/**
 * Another organisation's item (or none): 403 with the same words either way, so nobody learns whether
 * an id exists elsewhere, and nothing of it is rendered.
 */
export function denied(c: AdminContext) {
  const text = c.var.t('errors.notFound');
  if (c.req.header('x-requested-with')) return c.text(text, 403);
  return page(
    c,
    c.var.t('inbox:title'),
    'inbox',
    <>
      <p class="notice error" role="alert">
        {text}
      </p>
      <p>
        <a href="/admin/inbox">{c.var.t('inbox:conversation.back')}</a>
      </p>
    </>,
    403,
  );
}

/** A field of a posted form as a string ('' when absent or a file). */
export async function formField(c: AdminContext, name: string): Promise<string> {
  const body = await c.req.parseBody();
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/** The person's name as staff see it. */
export const nameOf = (c: AdminContext, displayName: string | null | undefined) =>
  displayName?.trim() || c.var.t('inbox:queue.noName');
