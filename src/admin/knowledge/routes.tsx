import { Hono } from 'hono';
import { parseImport } from '../../knowledge/format';
import {
  createEntry,
  deleteEntry,
  getEntry,
  importEntries,
  listEntries,
  updateEntry,
} from '../../knowledge/store';
import { getUnanswered, listUnanswered, setUnansweredStatus } from '../../knowledge/unanswered';
import { canWrite } from '../auth/middleware';
import { type AdminContext, type AdminDeps, type AdminEnv, organisationOf } from '../context';
import { page } from '../layout';
import { refuse } from '../refuse';
import { checkDraft, draftFrom, draftOf, type EntryDraft, emptyDraft } from './form';
import { asked, EntryForm, ImportResult, KnowledgePage } from './views';

/** The largest import file read (a few hundred entries fit in far less). */
const IMPORT_MAX = 1024 * 1024;

/**
 * The knowledge base of the member's organisation (issue #14): the questions nobody could answer, the
 * organisation's own entries (add, edit, delete, import JSON/CSV) and Jembatan's built-in ones.
 */
export function knowledgeRoutes(deps: AdminDeps) {
  const { db } = deps;
  const app = new Hono<AdminEnv>();
  const t = (c: AdminContext, key: string) => c.var.t(`knowledge:admin.${key}`);
  const denied = (c: AdminContext) =>
    refuse(c, 'inbox', { back: { href: '/admin/knowledge', label: t(c, 'back') } });
  const back = (c: AdminContext) => (
    <p class="back">
      <a href="/admin/knowledge">{t(c, 'back')}</a>
    </p>
  );

  const formPage = async (
    c: AdminContext,
    title: string,
    action: string,
    draft: EntryDraft,
    problems: string[] = [],
    status = 200,
  ) => {
    const from = draft.from ? await getUnanswered(db, organisationOf(c).slug, draft.from) : undefined;
    return page(
      c,
      title,
      'inbox',
      <>
        {back(c)}
        {from ? asked(c, from) : null}
        <EntryForm c={c} action={action} draft={draft} problems={problems} />
      </>,
      status,
    );
  };

  app.get('/', async (c) => {
    const org = organisationOf(c);
    const [unanswered, entries] = await Promise.all([listUnanswered(db, org.slug), listEntries(db, org.id)]);
    return page(c, t(c, 'title'), 'inbox', <KnowledgePage c={c} unanswered={unanswered} entries={entries} />);
  });

  app.get('/new', canWrite, async (c) => {
    const draft = emptyDraft();
    const from = await getUnanswered(db, organisationOf(c).slug, c.req.query('from'));
    if (from) {
      // The person's own words are the question and the first way to ask it.
      draft.from = from.id;
      draft.question_id = from.example.slice(0, 200);
      draft.keywords = from.normalized;
    }
    return formPage(c, t(c, from ? 'answerTitle' : 'newTitle'), '/admin/knowledge', draft);
  });

  app.post('/', canWrite, async (c) => {
    const org = organisationOf(c);
    const draft = draftFrom(await c.req.parseBody());
    const { value, problems } = checkDraft(draft);
    if (!value)
      return formPage(
        c,
        t(c, draft.from ? 'answerTitle' : 'newTitle'),
        '/admin/knowledge',
        draft,
        problems,
        422,
      );
    const entry = await createEntry(db, org.id, value);
    if (draft.from && (await setUnansweredStatus(db, org.slug, draft.from, 'answered', entry.id)))
      return c.redirect('/admin/knowledge?ok=knowledge:admin.flash.answered', 303);
    return c.redirect('/admin/knowledge?ok=knowledge:admin.flash.created', 303);
  });

  app.post('/import', canWrite, async (c) => {
    const org = organisationOf(c);
    const body = await c.req.parseBody();
    const file = body.file;
    const render = (result: Parameters<typeof ImportResult>[0], status = 200) =>
      page(
        c,
        t(c, 'importTitle'),
        'inbox',
        <>
          {back(c)}
          <ImportResult {...result} />
        </>,
        status,
      );
    if (!(file instanceof File) || file.size === 0) return render({ c, empty: true }, 422);
    if (file.size > IMPORT_MAX) return render({ c, unreadable: true }, 413);
    const parsed = parseImport(await file.text());
    if ('unreadable' in parsed) return render({ c, unreadable: true }, 422);
    const { created, updated } = await importEntries(db, org.id, parsed.entries);
    return render({ c, created, updated, problems: parsed.problems }, parsed.problems.length ? 422 : 200);
  });

  app.post('/unanswered/:uid/dismiss', canWrite, async (c) => {
    const ok = await setUnansweredStatus(db, organisationOf(c).slug, c.req.param('uid'), 'dismissed');
    if (!ok) return denied(c);
    return c.redirect('/admin/knowledge?ok=knowledge:admin.flash.dismissed', 303);
  });

  // Ownership before the role check: another organisation's entry is "not found" for everyone.
  app.use('/:eid/*', async (c, next) => {
    if (!(await getEntry(db, organisationOf(c).id, c.req.param('eid')))) return denied(c);
    await next();
  });

  app.get('/:eid/edit', canWrite, async (c) => {
    const row = (await getEntry(db, organisationOf(c).id, c.req.param('eid')))!;
    return formPage(c, t(c, 'editTitle'), `/admin/knowledge/${row.id}`, draftOf(row));
  });

  app.post('/:eid', canWrite, async (c) => {
    const id = c.req.param('eid');
    const row = await getEntry(db, organisationOf(c).id, id);
    if (!row) return denied(c);
    const draft = { ...draftFrom(await c.req.parseBody()), from: '' };
    const { value, problems } = checkDraft(draft);
    if (!value) return formPage(c, t(c, 'editTitle'), `/admin/knowledge/${id}`, draft, problems, 422);
    await updateEntry(db, organisationOf(c).id, id, { ...value, key: row.key });
    return c.redirect('/admin/knowledge?ok=knowledge:admin.flash.saved', 303);
  });

  app.post('/:eid/delete', canWrite, async (c) => {
    await deleteEntry(db, organisationOf(c).id, c.req.param('eid'));
    return c.redirect('/admin/knowledge?ok=knowledge:admin.flash.deleted', 303);
  });

  return app;
}
