import { Hono } from 'hono';
import {
  advanceImportJob,
  getImportJob,
  type ImportRowError,
  importJobErrors,
  MAX_IMPORT_BYTES,
  recentImportJobs,
  startImportJob,
} from '../../organisations/import-jobs';
import { getOwnProgramme } from '../../organisations/programmes';
import { SLUG_PATTERN } from '../../shared/programme';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../../shared/vocabulary';
import { canWrite } from '../auth/middleware';
import { type AdminContext, type AdminDeps, type AdminEnv, canAct, organisationOf } from '../context';
import { polled } from '../fragment';
import { page } from '../layout';
import { pageOf } from '../pager';
import { refuse } from '../refuse';
import { BROCHURE_MAX_BYTES, brochureKey, storeBrochure } from './brochure';
import { type FormErrors, type FormValues, saveProgrammeForm, valuesFrom, valuesOf } from './edit-form';
import { localized } from './format';
import { importPacing } from './import-pacing';
import { createProgrammeForm, NEW_FIELDS, newProgrammeDefaults } from './new-form';
import { regionGroups } from './regions';
import { listProgrammesWithCounts, PROGRAMME_PAGE_SIZE, programmeOwnership } from './service';
import { importTemplate } from './template';
import { ProgrammeEdit } from './views/edit';
import { ImportPage, ImportProgress, UploadForm } from './views/import';
import { ProgrammeList } from './views/list';
import { NextSteps, ProgrammeNew } from './views/new';

export function programmeRoutes(deps: AdminDeps) {
  const { db } = deps;
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const t = c.var.t;
    const raw = c.req.query('status');
    const status = (PROGRAMME_STATUSES as readonly string[]).includes(raw ?? '')
      ? (raw as ProgrammeStatus)
      : undefined;
    const pageNo = pageOf(c.req.query('page'));
    const { total, items } = await listProgrammesWithCounts(db, c.var.session.organisationSlug, {
      status,
      page: pageNo,
    });
    return page(
      c,
      t('dashboard:programmes.list.title'),
      'programmes',
      <ProgrammeList
        t={t}
        locale={c.var.locale}
        status={status}
        items={items}
        total={total}
        page={pageNo}
        perPage={PROGRAMME_PAGE_SIZE}
        canWrite={canAct(c)}
      />,
    );
  });

  // ——— Import (staff and owners only: the whole page is a form) ———

  const uploadPage = async (
    c: AdminContext,
    status: 200 | 413 | 422,
    problem: { message?: string; errors?: ImportRowError[] } = {},
  ) =>
    page(
      c,
      c.var.t('dashboard:programmes.import.title'),
      'programmes',
      <UploadForm
        c={c}
        maxMb={MAX_IMPORT_BYTES / 1024 / 1024}
        message={problem.message}
        errors={problem.errors ?? []}
        recent={await recentImportJobs(db, organisationOf(c))}
      />,
      status,
    );

  app.get('/import', canWrite, (c) => uploadPage(c, 200));

  app.post('/import', canWrite, async (c) => {
    const t = c.var.t;
    const maxMb = MAX_IMPORT_BYTES / 1024 / 1024;
    // The session middleware has read the form already (for its CSRF field); this refuses early when it can.
    if (Number(c.req.header('content-length') ?? 0) > MAX_IMPORT_BYTES + 64 * 1024)
      return uploadPage(c, 413, { message: t('dashboard:programmes.import.tooLarge', { max: maxMb }) });
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return uploadPage(c, 422, { message: t('dashboard:programmes.import.noFile') });
    if (file.size > MAX_IMPORT_BYTES)
      return uploadPage(c, 413, { message: t('dashboard:programmes.import.tooLarge', { max: maxMb }) });
    if (!/\.csv$/i.test(file.name) && !/^text\/(csv|plain)/.test(file.type))
      return uploadPage(c, 422, { message: t('dashboard:programmes.import.notCsv') });
    const text = await file.text();
    // Excel's "CSV" (not "CSV UTF-8") is Windows-1252: decoding it as UTF-8 leaves replacement characters.
    if (text.includes('\uFFFD'))
      return uploadPage(c, 422, { message: t('dashboard:programmes.import.encoding') });
    const started = await startImportJob(db, organisationOf(c), {
      csv: text,
      fileName: file.name,
      memberId: c.var.session.memberId,
      locale: c.var.locale,
      chunkRows: importPacing.chunkRows,
    });
    if (!started.ok)
      return uploadPage(c, 422, {
        message: t('dashboard:programmes.import.unreadable'),
        errors: started.errors,
      });
    return c.redirect(`/admin/programmes/import/${started.job.id}`, 303);
  });

  /**
   * Imports a chunk, and more while the pacing budget lasts, then returns the job as it stands. A GET that writes: it
   * only continues a job its organisation's staff started with a CSRF-checked POST, and can neither
   * start nor change one — so a reload (or the no-script refresh) is all it takes to go on.
   */
  const advance = async (c: AdminContext, jobId: string) => {
    const org = organisationOf(c);
    let job = await getImportJob(db, org, jobId);
    if (!job) return undefined;
    const started = Date.now();
    do {
      if (job.finishedAt) break;
      const result = await advanceImportJob(db, org, job);
      if (result === 'failed') deps.logger.warn({ job: job.id }, 'programme import chunk failed');
      job = (await getImportJob(db, org, jobId))!;
      if (result !== 'advanced') break;
    } while (Date.now() - started < importPacing.pollBudgetMs);
    const errors = job.finishedAt ? await importJobErrors(db, job) : [];
    return { job, errors };
  };

  app.get('/import/template.csv', canWrite, (c) =>
    c.body(
      importTemplate({ slug: c.var.session.organisationSlug, name: c.var.session.organisationName }),
      200,
      {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="templat-program-jembatan.csv"',
      },
    ),
  );

  app.get('/import/:id', canWrite, async (c) => {
    const state = await advance(c, c.req.param('id'));
    if (!state) return refuse(c, 'programmes', { status: 404 });
    return page(
      c,
      c.var.t('dashboard:programmes.import.progressTitle'),
      'programmes',
      <ImportPage c={c} job={state.job} errors={state.errors} />,
    );
  });

  app.get('/import/:id/progress', canWrite, async (c) => {
    const state = await advance(c, c.req.param('id'));
    if (!state) return c.text(c.var.t('errors.notFound'), 404);
    return polled(
      c,
      <ImportProgress t={c.var.t} locale={c.var.locale} job={state.job} errors={state.errors} />,
      Boolean(state.job.finishedAt),
    );
  });

  /**
   * The brochure file posted with a programme form, stored: its name, the message to show on the field
   * when it is refused, or undefined when no file came.
   */
  const brochureOf = async (
    c: AdminContext,
    body: Record<string, unknown>,
  ): Promise<{ name: string } | { error: string } | undefined> => {
    const file = body.brochure;
    if (!(file instanceof File) || file.size === 0) return undefined;
    const storage = deps.applications?.storage;
    const stored = storage ? await storeBrochure(storage, file) : { error: 'type' as const };
    if ('error' in stored)
      return {
        error: c.var.t(`dashboard:programmes.new.brochureError.${stored.error}`, {
          max: BROCHURE_MAX_BYTES / 1024 / 1024,
        }),
      };
    return stored;
  };

  // ——— A new programme (staff and owners only) ———

  const newPage = (
    c: AdminContext,
    form: { values: FormValues; errors?: FormErrors; other?: string[] },
    status: 200 | 422 = 200,
  ) =>
    page(
      c,
      c.var.t('dashboard:programmes.new.title'),
      'programmes',
      <ProgrammeNew
        c={c}
        values={form.values}
        errors={form.errors ?? {}}
        other={form.other ?? []}
        regions={regionGroups()}
      />,
      status,
    );

  app.get('/new', canWrite, (c) =>
    newPage(c, { values: newProgrammeDefaults(c.var.session.organisationName) }),
  );

  app.post('/new', canWrite, async (c) => {
    const t = c.var.t;
    const body = await c.req.parseBody({ all: true });
    const values = valuesFrom(body, NEW_FIELDS);
    // A brochure is stored first so the record can name it; removed again if nothing is created.
    const upload = await brochureOf(c, body);
    if (upload && 'error' in upload) return newPage(c, { values, errors: { brochure: upload.error } }, 422);
    const brochure = upload?.name;
    const result = await createProgrammeForm(db, c.var.session.organisationSlug, values, {
      locale: c.var.locale,
      pastDeadline: t('dashboard:programmes.edit.pastDeadline'),
      slugTaken: (free) => t('dashboard:programmes.new.slugTaken', { free }),
      brochure,
    });
    if (!result.ok) {
      // The brochure was not kept: the form asks for the file again.
      if (brochure) await deps.applications?.storage.delete(brochureKey(brochure));
      return newPage(c, result, 422);
    }
    return c.redirect(`/admin/programmes/${result.slug}?ok=dashboard:programmes.flash.created`, 303);
  });

  // ——— One programme ———

  const editPage = (
    c: AdminContext,
    slug: string,
    form: {
      values: FormValues;
      errors?: FormErrors;
      other?: string[];
      version: string;
      conflict?: boolean;
      title: string;
      /** The stored brochure's name, if the programme has one. */
      brochure?: string | undefined;
    },
    status: 200 | 409 | 422 = 200,
  ) =>
    page(
      c,
      c.var.t('dashboard:programmes.edit.title', { title: form.title }),
      'programmes',
      <>
        {c.req.query('ok') === 'dashboard:programmes.flash.created' ? (
          <NextSteps
            c={c}
            slug={slug}
            share={deps.deepLink?.('telegram', `p_${slug}`)}
            canBroadcast={canAct(c) && form.values.status === 'open'}
          />
        ) : null}
        <ProgrammeEdit
          c={c}
          slug={slug}
          values={form.values}
          errors={form.errors ?? {}}
          other={form.other ?? []}
          version={form.version}
          {...(form.conflict ? { conflict: true } : {})}
          canWrite={canAct(c)}
          bot={deps.deepLink?.('telegram', `p_${slug}`)}
          brochure={form.brochure}
        />
      </>,
      status,
    );

  /** The organisation's programme, or the reason it may not be shown. */
  const load = async (c: AdminContext, slug: string) => {
    if (!SLUG_PATTERN.test(slug) || slug.length > 80) return { denied: 404 as const };
    const row = await getOwnProgramme(db, c.var.session.organisationSlug, slug);
    if (row) return { row };
    const whose = await programmeOwnership(db, c.var.session.organisationSlug, slug);
    return { denied: whose === 'other' ? (403 as const) : (404 as const) };
  };

  app.get('/:slug', async (c) => {
    const slug = c.req.param('slug');
    const found = await load(c, slug);
    if (!found.row) return refuse(c, 'programmes', { status: found.denied });
    const { row } = found;
    return editPage(c, slug, {
      values: valuesOf(row.record),
      version: row.updatedAt.toISOString(),
      title: localized(row.record.title, c.var.locale),
      brochure: row.record.brochure,
    });
  });

  app.post('/:slug', canWrite, async (c) => {
    const slug = c.req.param('slug');
    const found = await load(c, slug);
    if (!found.row) return refuse(c, 'programmes', { status: found.denied });
    const { row } = found;
    const body = await c.req.parseBody({ all: true });
    const values = valuesFrom(body);
    const version = row.updatedAt.toISOString();
    const title = localized(row.record.title, c.var.locale);
    // Someone saved the programme since this form was opened: show what was typed against the new version.
    if (body.version !== version)
      return editPage(
        c,
        slug,
        { values, version, conflict: true, title, brochure: row.record.brochure },
        409,
      );
    // A new brochure replaces the old one; the box removes it. The old file goes once the record is saved.
    const upload = await brochureOf(c, body);
    if (upload && 'error' in upload)
      return editPage(
        c,
        slug,
        { values, version, errors: { brochure: upload.error }, title, brochure: row.record.brochure },
        422,
      );
    const brochure = upload ? upload.name : body.brochure_remove === 'yes' ? null : undefined;
    const result = await saveProgrammeForm(db, c.var.session.organisationSlug, row.record, values, {
      locale: c.var.locale,
      pastDeadline: c.var.t('dashboard:programmes.edit.pastDeadline'),
      brochure,
    });
    const storage = deps.applications?.storage;
    if (!result.ok) {
      if (upload) await storage?.delete(brochureKey(upload.name));
      return editPage(
        c,
        slug,
        { values, version, errors: result.errors, other: result.other, title, brochure: row.record.brochure },
        422,
      );
    }
    const previous = row.record.brochure;
    if (previous && brochure !== undefined && previous !== brochure)
      await storage?.delete(brochureKey(previous));
    const flash = result.changed ? 'saved' : 'unchanged';
    return c.redirect(`/admin/programmes/${slug}?ok=dashboard:programmes.flash.${flash}`, 303);
  });

  return app;
}
