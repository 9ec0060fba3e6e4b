import type { AdminContext } from '../context';

/*
 * The owners' banner on every dashboard page (layout.tsx): an integration the dispatcher turned off
 * (a day of failures, or 410 Gone) and where to see why. It stays until an owner opens that integration.
 * Kept apart from views.tsx so the layout imports nothing that imports the layout.
 */
export function IntegrationBanner(props: {
  c: AdminContext;
  notices: Array<{ id: string; url: string; disabledReason: string | null }>;
}) {
  const t = props.c.var.t;
  return (
    <>
      {props.notices.map((n) => (
        <div class="notice warn" role="alert">
          <p>
            {t(n.disabledReason === 'gone' ? 'integrations:banner.gone' : 'integrations:banner.failing', {
              url: n.url,
            })}{' '}
            <a href={`/admin/settings/integrations/${n.id}`}>{t('integrations:banner.link')}</a>
          </p>
        </div>
      ))}
    </>
  );
}
