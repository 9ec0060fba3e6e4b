import type { T } from '../../i18n';

/** Previous/next links that keep the other query parameters (filters are never personal data). */
export function Pager(props: {
  t: T;
  path: string;
  query: Record<string, string>;
  page: number;
  perPage: number;
  total: number;
}) {
  const { t, page, perPage, total } = props;
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  const href = (n: number) => {
    const q = new URLSearchParams({ ...props.query, page: String(n) });
    return `${props.path}?${q.toString()}`;
  };
  return (
    <nav class="actions prog-pager" aria-label={t('dashboard:programmes.pager.label')}>
      {page > 1 ? (
        <a class="button secondary" href={href(page - 1)} rel="prev">
          {t('dashboard:programmes.pager.previous')}
        </a>
      ) : null}
      <span class="muted">{t('dashboard:programmes.pager.position', { page, pages })}</span>
      {page < pages ? (
        <a class="button secondary" href={href(page + 1)} rel="next">
          {t('dashboard:programmes.pager.next')}
        </a>
      ) : null}
    </nav>
  );
}
