import type { AdminContext } from '../context';
import { page, type Section } from '../layout';

/**
 * Another organisation's item (403) or none at all (404): the same words either way, and nothing of the
 * item itself on the page.
 */
export function denied(c: AdminContext, section: Section, status: 403 | 404) {
  const t = c.var.t;
  if (c.req.header('x-requested-with')) return c.text(t('errors.notFound'), status);
  return page(
    c,
    t(`nav.${section}`),
    section,
    <p class="notice error" role="alert">
      {t('errors.notFound')}
    </p>,
    status,
  );
}
