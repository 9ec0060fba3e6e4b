import { Hono } from 'hono';
import { raw } from 'hono/html';
import { isQueueTab, listQueue, type QueueTab, queueCounts } from '../../handoff/inbox';
import { countOpen } from '../../knowledge/unanswered';
import type { AdminContext, AdminDeps, AdminEnv } from '../context';
import { page } from '../layout';
import { pageOf } from '../pager';
import { PER_PAGE, QueueRegion, queueTitle } from './queue-view';
import { viewerOf } from './shared';

/** Tab and page from the query; anything unexpected falls back to the first page of "waiting". */
function where(c: AdminContext): { tab: QueueTab; page: number } {
  const tab = c.req.query('tab');
  return { tab: isQueueTab(tab) ? tab : 'waiting', page: pageOf(c.req.query('page')) };
}

/** The queue page, and the fragment its `data-poll` refreshes. */
export function queueRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();

  const region = async (c: AdminContext) => {
    const { tab, page: pageNo } = where(c);
    const viewer = viewerOf(c);
    const [counts, items] = await Promise.all([
      queueCounts(deps.db, viewer),
      listQueue(deps.db, viewer, { tab, page: pageNo, perPage: PER_PAGE }),
    ]);
    return {
      tab,
      pageNo,
      counts,
      el: <QueueRegion c={c} tab={tab} page={pageNo} counts={counts} items={items} />,
    };
  };

  app.get('/', async (c) => {
    const [{ tab, pageNo, counts, el }, unanswered] = await Promise.all([
      region(c),
      countOpen(deps.db, c.var.session.organisationSlug),
    ]);
    const t = c.var.t;
    return page(
      c,
      t('inbox:title'),
      'inbox',
      <>
        <p>
          <a href="/admin/inbox/canned">{t('inbox:queue.canned')}</a>
          {' · '}
          <a href="/admin/knowledge">{t('knowledge:admin.inboxLink', { count: unanswered })}</a>
        </p>
        <div id="inbox-queue" data-poll={`/admin/inbox/queue?tab=${tab}&page=${pageNo}`} data-poll-ms="5000">
          {el}
        </div>
        {/* Without scripts the list still keeps itself up to date, as the empty "waiting" tab promises.
            Raw markup: Hono's JSX would hoist a <meta> out of the <noscript> into <head>, refreshing
            the page for everyone. */}
        {raw('<noscript><meta http-equiv="refresh" content="30"></noscript>')}
      </>,
      200,
      queueTitle(c, counts),
    );
  });

  app.get('/queue', async (c) => {
    const { el } = await region(c);
    return c.html(el);
  });

  return app;
}
