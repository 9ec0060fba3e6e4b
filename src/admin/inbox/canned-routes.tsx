import { Hono } from 'hono';
import {
  checkCanned,
  createCanned,
  deleteCanned,
  getCanned,
  listCanned,
  updateCanned,
} from '../../handoff/canned';
import { canWrite } from '../auth/middleware';
import { type AdminContext, type AdminDeps, type AdminEnv, formField, organisationOf } from '../context';
import { page } from '../layout';
import { type CannedDraft, CannedForm, CannedList } from './canned-view';
import { denied } from './shared';

/** Canned responses of the staff member's organisation: list, create, edit, delete. */
export function cannedRoutes(deps: AdminDeps) {
  const { db } = deps;
  const app = new Hono<AdminEnv>();

  const list = async (c: AdminContext, draft?: CannedDraft, status = 200) =>
    page(
      c,
      c.var.t('inbox:canned.title'),
      'inbox',
      <CannedList c={c} items={await listCanned(db, organisationOf(c).id)} {...(draft ? { draft } : {})} />,
      status,
    );

  const edit = (c: AdminContext, id: string, draft: CannedDraft, status = 200) =>
    page(
      c,
      c.var.t('inbox:canned.editTitle'),
      'inbox',
      <>
        <p>
          <a href="/admin/inbox/canned">{c.var.t('inbox:canned.title')}</a>
        </p>
        <CannedForm c={c} action={`/admin/inbox/canned/${id}`} draft={draft} />
      </>,
      status,
    );

  const posted = async (c: AdminContext) =>
    checkCanned({ title: await formField(c, 'title'), body: await formField(c, 'body') });

  app.get('/', (c) => list(c));

  app.post('/', canWrite, async (c) => {
    const { value, problems } = await posted(c);
    if (problems.length) return list(c, { ...value, problems }, 422);
    await createCanned(db, organisationOf(c).id, value);
    return c.redirect('/admin/inbox/canned?ok=inbox:flash.cannedCreated', 303);
  });

  // Ownership before the role check: another organisation's canned response is "not found" for all.
  app.use('/:cid/*', async (c, next) => {
    if (!(await getCanned(db, organisationOf(c).id, c.req.param('cid')))) return denied(c);
    await next();
  });

  app.get('/:cid/edit', canWrite, async (c) => {
    const row = (await getCanned(db, organisationOf(c).id, c.req.param('cid')))!;
    return edit(c, row.id, { title: row.title, body: row.body, problems: [] });
  });

  app.post('/:cid', canWrite, async (c) => {
    const id = c.req.param('cid');
    const { value, problems } = await posted(c);
    if (problems.length) return edit(c, id, { ...value, problems }, 422);
    await updateCanned(db, organisationOf(c).id, id, value);
    return c.redirect('/admin/inbox/canned?ok=inbox:flash.cannedSaved', 303);
  });

  app.post('/:cid/delete', canWrite, async (c) => {
    await deleteCanned(db, organisationOf(c).id, c.req.param('cid'));
    return c.redirect('/admin/inbox/canned?ok=inbox:flash.cannedDeleted', 303);
  });

  return app;
}
