import type { T } from '../i18n';

/** The message keys of a pager: the nav's label, the two links, and "page N (of M)". */
export interface PagerKeys {
  label: string;
  previous: string;
  next: string;
  position: string;
}

/** The programme and applicant lists' words. */
export const LIST_PAGER: PagerKeys = {
  label: 'dashboard:programmes.pager.label',
  previous: 'dashboard:programmes.pager.previous',
  next: 'dashboard:programmes.pager.next',
  position: 'dashboard:programmes.pager.position',
};

/** `page` from a query value: a positive whole number, 1 otherwise. */
export function pageOf(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** The link to page `n` of a list, keeping its other query parameters (filters are never personal data). */
export const pageLink =
  (path: string, query: Record<string, string> = {}) =>
  (n: number) =>
    `${path}?${new URLSearchParams({ ...query, page: String(n) }).toString()}`;

/** Previous/next links around "page N"; nothing when the list fits on one page. */
export function Pager(props: {
  t: T;
  keys: PagerKeys;
  page: number;
  perPage: number;
  total: number;
  href: (page: number) => string;
  /** A class of the section's own, beside `actions`. */
  class?: string;
}) {
  const { t, keys, page, perPage, total, href } = props;
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav class={props.class ? `actions ${props.class}` : 'actions'} aria-label={t(keys.label)}>
      {page > 1 ? (
        <a class="button secondary" href={href(page - 1)} rel="prev">
          {t(keys.previous)}
        </a>
      ) : null}
      <span class="muted">{t(keys.position, { page, pages })}</span>
      {page < pages ? (
        <a class="button secondary" href={href(page + 1)} rel="next">
          {t(keys.next)}
        </a>
      ) : null}
    </nav>
  );
}
