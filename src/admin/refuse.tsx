import type { AdminContext } from './context';
import { isFragment } from './fragment';
import { page, type Section } from './layout';

export interface Refusal {
  /** 403 for another organisation's item or a role that may not act; 404 for what is nowhere. */
  status?: 403 | 404;
  key?: 'errors.notFound' | 'errors.forbidden';
  /** The page's title; the section's name unless given. */
  title?: string;
  /** A link back to where the staff member can go on. */
  back?: { href: string; label: string };
}

/**
 * Every section's refusal. Another organisation's item, or none at all, gets the same words either way
 * (so nobody learns whether an id exists elsewhere) and nothing of the item is rendered. A fragment
 * request from the dashboard script gets the words as plain text, a page load a page.
 */
export function refuse(c: AdminContext, section: Section, refusal: Refusal = {}) {
  const { status = 403, key = 'errors.notFound', back } = refusal;
  const t = c.var.t;
  const text = t(key);
  if (isFragment(c)) return c.text(text, status);
  return page(
    c,
    refusal.title ?? t(`nav.${section}`),
    section,
    <>
      <p class="notice error" role="alert">
        {text}
      </p>
      {back ? (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      ) : null}
    </>,
    status,
  );
}
