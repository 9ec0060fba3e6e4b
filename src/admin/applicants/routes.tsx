import { Hono } from 'hono';
import {
  previewNotice,
  StatusChangeError,
  undoableChange,
  undoStatusChange,
} from '../../applications/status';
import { waitlistPosition } from '../../applications/store';
import { evaluateFor } from '../../eligibility/for-profile';
import { changeApplicationStatus } from '../../organisations/applications';
import { logAccess } from '../../privacy/log';
import { type ApplicationStatus, canChange, STAFF_STATUSES } from '../../shared/application-statuses';
import { DOCUMENT_KINDS } from '../../shared/vocabulary';
import { canWrite } from '../auth/middleware';
import {
  type AdminContext,
  type AdminDeps,
  type AdminEnv,
  actorOf,
  canAct,
  formField,
  organisationOf,
} from '../context';
import { Csrf, page } from '../layout';
import { pageOf } from '../pager';
import { jakartaDate } from '../programmes/format';
import { programmeChoices } from '../programmes/service';
import { refuse } from '../refuse';
import { logAccessMany } from './audit';
import { bulkRoutes } from './bulk';
import { checkChange } from './change-form';
import { csvHeader, csvLines, separatorFor } from './csv';
import { DECISIONS, UNDO_SECONDS } from './decisions';
import { parseFilter } from './filters';
import {
  APPLICANT_PAGE_SIZE,
  type ApplicantDetail,
  applicantDocuments,
  applicantHistory,
  eachApplicant,
  getApplicant,
  latestConversation,
  listApplicants,
} from './service';
import { BulkFields } from './views/bulk';
import { ConfirmDecision } from './views/confirm';
import { ApplicantPage, type StatusForm } from './views/detail';
import { ApplicantList } from './views/list';

const SOURCE = { source: 'dashboard' } as const;

/** The statuses staff may move an application to from where it is now. */
const allowedFrom = (status: ApplicationStatus): ApplicationStatus[] =>
  STAFF_STATUSES.filter((s) => canChange(status, s));

/** Only the last four digits: enough to compare with a KTP held up on a call, useless if copied. */
const maskLastFour = (nik: string) =>
  nik.length >= 4 ? `${'*'.repeat(Math.max(0, nik.length - 4))}${nik.slice(-4)}` : '****';

const EMPTY_FORM: StatusForm = { values: { status: '', date: '', place: '', reason: '' }, errors: {} };

export function applicantRoutes(deps: AdminDeps) {
  const { db } = deps;
  const app = new Hono<AdminEnv>();
  app.route('/bulk', bulkRoutes(deps));

  /** Under the list, for staff who may change statuses: the rows ticked get one status. */
  const bulkForm = (c: AdminContext) =>
    canAct(c) ? (
      <form id="appl-bulk" method="post" action="/admin/applicants/bulk" class="card appl-bulk">
        <Csrf c={c} />
        <h2>{c.var.t('dashboard:applicants.bulk.heading')}</h2>
        <p class="muted">{c.var.t('dashboard:applicants.bulk.hint')}</p>
        <BulkFields c={c} statuses={STAFF_STATUSES} values={EMPTY_FORM.values} errors={{}} />
        <p class="actions">
          <button type="submit">{c.var.t('dashboard:applicants.bulk.next')}</button>
        </p>
      </form>
    ) : undefined;

  /**
   * The applicant list for a filter (GET) or a name searched for (POST /search, first page only); the
   * people shown are logged as viewed either way.
   */
  const listPage = async (
    c: AdminContext,
    view: 'applicant_list' | 'applicant_search',
    shown: Pick<
      Parameters<typeof ApplicantList>[0],
      'filter' | 'query' | 'raw' | 'errors' | 'page' | 'search'
    >,
  ) => {
    const [{ total, items }, programmes] = await Promise.all([
      listApplicants(db, organisationOf(c).slug, shown.search ? { search: shown.search } : shown.filter, {
        page: shown.page,
      }),
      programmeChoices(db, organisationOf(c).slug),
    ]);
    await logAccessMany(db, {
      actor: actorOf(c.var.session),
      action: 'view',
      userIds: items.filter((a) => !a.anonymised).map((a) => a.userId),
      detail: { ...SOURCE, view },
    });
    return page(
      c,
      c.var.t('dashboard:applicants.list.title'),
      'applicants',
      <ApplicantList
        t={c.var.t}
        locale={c.var.locale}
        {...shown}
        programmes={programmes}
        items={items}
        total={total}
        perPage={APPLICANT_PAGE_SIZE}
        csrf={c.var.session.csrfToken}
        bulk={bulkForm(c)}
      />,
    );
  };

  app.get('/', async (c) => {
    const { filter, query, errors } = parseFilter((name) => c.req.query(name));
    return listPage(c, 'applicant_list', {
      filter,
      query,
      raw: (name) => c.req.query(name),
      errors,
      page: pageOf(c.req.query('page')),
    });
  });

  // A POST, so the name searched for is in no URL, history entry or log line.
  app.post('/search', async (c) => {
    const search = (await formField(c, 'q')).trim().slice(0, 100);
    if (!search) return c.redirect('/admin/applicants', 303);
    return listPage(c, 'applicant_search', {
      filter: {},
      query: {},
      raw: () => undefined,
      errors: {},
      page: 1,
      search,
    });
  });

  app.get('/export.csv', async (c) => {
    const t = c.var.t;
    const { filter } = parseFilter((name) => c.req.query(name));
    const sep = separatorFor(c.req.query('sep'), c.var.locale);
    let body = csvHeader(t, sep);
    const userIds: (string | null)[] = [];
    let rows = 0;
    for await (const batch of eachApplicant(db, organisationOf(c).slug, filter)) {
      body += csvLines(t, c.var.locale, batch, sep);
      rows += batch.length;
      for (const a of batch) if (!a.anonymised) userIds.push(a.userId);
    }
    await logAccessMany(db, {
      actor: actorOf(c.var.session),
      action: 'export',
      userIds,
      detail: { ...SOURCE, view: 'applicants_csv', rows },
    });
    const file = `pendaftar-${organisationOf(c).slug}-${jakartaDate(new Date())}.csv`;
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file}"`,
    });
  });

  const detailPage = async (
    c: AdminContext,
    a: ApplicantDetail,
    form: StatusForm,
    status: 200 | 409 | 422 = 200,
  ) => {
    const t = c.var.t;
    let nik = '—';
    if (a.nikCipher) {
      try {
        nik = deps.applications ? maskLastFour(deps.applications.cipher.decrypt(a.nikCipher)) : '****';
      } catch {
        nik = '****';
      }
    }
    const [docs, history, position, undoable, conversation] = await Promise.all([
      applicantDocuments(db, a.id),
      applicantHistory(db, c.var.session.organisationId, a.id),
      a.status === 'cadangan' ? waitlistPosition(db, a.id) : Promise.resolve(undefined),
      undoableChange(db, a.id),
      latestConversation(db, organisationOf(c).slug, a.anonymised ? null : a.userId),
    ]);
    // Judged on what was submitted, as on the day it was: what the organisers decide on.
    const evaluation =
      a.applicant && !a.anonymised
        ? evaluateFor(a.programmeRecord, a.applicant, c.var.locale, jakartaDate(a.submittedAt ?? new Date()))
        : undefined;
    if (a.userId)
      await logAccess(db, {
        actor: actorOf(c.var.session),
        action: 'view',
        userId: a.userId,
        detail: { ...SOURCE, view: 'application' },
      });
    return page(
      c,
      a.anonymised
        ? t('dashboard:applicants.anonymised')
        : t('dashboard:applicants.detail.title', { name: a.fullName ?? a.reference ?? '' }),
      'applicants',
      <ApplicantPage
        c={c}
        a={a}
        nik={nik}
        docs={docs}
        history={history}
        allowed={allowedFrom(a.status)}
        canWrite={canAct(c)}
        canDownload={deps.applications !== undefined}
        form={form}
        position={position}
        undoable={undoable}
        evaluation={evaluation}
        conversation={conversation}
      />,
      status,
    );
  };

  app.get('/:id', async (c) => {
    const found = await getApplicant(db, organisationOf(c).slug, c.req.param('id'));
    if ('denied' in found) return refuse(c, 'applicants', { status: found.denied });
    return detailPage(c, found.own, EMPTY_FORM);
  });

  app.post('/:id/status', canWrite, async (c) => {
    const t = c.var.t;
    const k = (key: string, vars?: Record<string, unknown>) =>
      t(`dashboard:applicants.change.error.${key}`, vars ?? {});
    const found = await getApplicant(db, organisationOf(c).slug, c.req.param('id'));
    if ('denied' in found) return refuse(c, 'applicants', { status: found.denied });
    const a = found.own;
    const values = {
      status: await formField(c, 'status'),
      date: await formField(c, 'date'),
      place: await formField(c, 'place'),
      reason: await formField(c, 'reason'),
    };
    const confirmed = (await formField(c, 'confirm')) === '1';
    if ((await formField(c, 'edit')) === '1') return detailPage(c, a, { values, errors: {} });
    if (a.anonymised || !a.reference)
      return detailPage(c, a, { values, errors: { _form: k('anonymised') } }, 409);
    const { status, details, errors } = checkChange(t, values, allowedFrom(a.status));
    if (Object.keys(errors).length || !status) return detailPage(c, a, { values, errors }, 422);

    const decision = DECISIONS.has(status);
    if (decision && !confirmed)
      return page(
        c,
        t('dashboard:applicants.confirm.title'),
        'applicants',
        <ConfirmDecision
          c={c}
          id={a.id}
          name={a.fullName ?? a.reference}
          status={status}
          values={values}
          preview={await previewNotice(db, a.id, status, details)}
        />,
      );

    try {
      const result = await changeApplicationStatus(
        db,
        organisationOf(c),
        a.reference,
        status,
        details,
        actorOf(c.var.session),
        decision ? { noticeDelaySeconds: UNDO_SECONDS } : {},
      );
      if (a.userId)
        await logAccess(db, {
          actor: actorOf(c.var.session),
          action: 'update',
          userId: a.userId,
          detail: { ...SOURCE, field: 'status', from: result.from, to: result.to },
        });
      const flash = !result.notified ? 'changedNotNotified' : decision ? 'held' : 'changed';
      return c.redirect(`/admin/applicants/${a.id}?ok=dashboard:applicants.flash.${flash}`, 303);
    } catch (error) {
      if (!(error instanceof StatusChangeError)) throw error;
      // Someone else changed it meanwhile, or the last seat went: show the page as it is now.
      const fresh = await getApplicant(db, organisationOf(c).slug, a.id);
      const current = 'own' in fresh ? fresh.own : a;
      return detailPage(c, current, { values, errors: { _form: k(`service.${error.code}`) } }, 409);
    }
  });

  app.post('/:id/undo', canWrite, async (c) => {
    const t = c.var.t;
    const found = await getApplicant(db, organisationOf(c).slug, c.req.param('id'));
    if ('denied' in found) return refuse(c, 'applicants', { status: found.denied });
    const a = found.own;
    if (a.anonymised || !a.reference)
      return detailPage(
        c,
        a,
        { ...EMPTY_FORM, errors: { _form: t('dashboard:applicants.change.error.anonymised') } },
        409,
      );
    try {
      const result = await undoStatusChange(db, a.reference, actorOf(c.var.session));
      if (a.userId)
        await logAccess(db, {
          actor: actorOf(c.var.session),
          action: 'update',
          userId: a.userId,
          detail: { ...SOURCE, field: 'status', from: result.from, to: result.to, undo: true },
        });
      return c.redirect(`/admin/applicants/${a.id}?ok=dashboard:applicants.flash.undone`, 303);
    } catch (error) {
      if (!(error instanceof StatusChangeError)) throw error;
      const fresh = await getApplicant(db, organisationOf(c).slug, a.id);
      const current = 'own' in fresh ? fresh.own : a;
      const code = error.code === 'no_seat' ? 'undo_no_seat' : error.code;
      return detailPage(
        c,
        current,
        { ...EMPTY_FORM, errors: { _form: t(`dashboard:applicants.change.error.service.${code}`) } },
        409,
      );
    }
  });

  app.get('/:id/documents/:kind', async (c) => {
    const kind = c.req.param('kind');
    const found = await getApplicant(db, organisationOf(c).slug, c.req.param('id'));
    if ('denied' in found) return refuse(c, 'applicants', { status: found.denied });
    const a = found.own;
    const doc = (DOCUMENT_KINDS as readonly string[]).includes(kind)
      ? (await applicantDocuments(db, a.id)).find((d) => d.kind === kind)
      : undefined;
    const data = doc && deps.applications ? await deps.applications.storage.get(doc.storageKey) : undefined;
    if (!doc || !data) return refuse(c, 'applicants', { status: 404 });
    if (a.userId)
      await logAccess(db, {
        actor: actorOf(c.var.session),
        action: 'view',
        userId: a.userId,
        detail: { ...SOURCE, view: 'document', kind },
      });
    const ext = doc.storageKey.split('.').pop() ?? 'bin';
    return c.body(data as Uint8Array<ArrayBuffer>, 200, {
      'content-type': doc.mimeType,
      'content-disposition': `attachment; filename="${a.reference ?? 'lamaran'}-${kind}.${ext}"`,
    });
  });

  return app;
}
