import { Hono } from 'hono';
import { previewNotice, StatusChangeError, undoStatusChange } from '../../applications/status';
import { changeApplicationStatus } from '../../organisations/applications';
import { canChange, STAFF_STATUSES } from '../../shared/application-statuses';
import { canWrite } from '../auth/middleware';
import { type AdminContext, type AdminDeps, type AdminEnv, actorOf, organisationOf } from '../context';
import { page } from '../layout';
import { refuse } from '../refuse';
import { logAccessMany } from './audit';
import { type ChangeValues, checkChange } from './change-form';
import { DECISIONS, UNDO_SECONDS } from './decisions';
import { type ApplicantDetail, getApplicant } from './service';
import { BulkPage, type BulkPerson, BulkResult } from './views/bulk';

/** A page of the list holds 25; more than this in one post is not a person ticking boxes. */
const MAX_BULK = 100;
const SOURCE = { source: 'dashboard', bulk: true } as const;

/** The ids posted (ticked on the list, or carried through the confirmation), each once. */
async function postedIds(c: AdminContext): Promise<string[]> {
  const body = await c.req.parseBody({ all: true });
  const raw = body.ids;
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (v): v is string => typeof v === 'string',
  );
  return [...new Set(list)].slice(0, MAX_BULK);
}

async function field(c: AdminContext, name: string): Promise<string> {
  const value = (await c.req.parseBody())[name];
  return typeof value === 'string' ? value : '';
}

/**
 * A status change for several applications at once (ticked on the list): the same checks as one at a
 * time, the same confirmation showing the message for final decisions, the same held notices and one
 * "Urungkan" for all of them. Applications another organisation owns are refused as a whole.
 */
export function bulkRoutes(deps: AdminDeps) {
  const { db } = deps;
  const app = new Hono<AdminEnv>();

  /** The selected applications, or a refusal when one is not the organisation's. */
  const load = async (c: AdminContext, ids: string[]) => {
    const own: ApplicantDetail[] = [];
    for (const id of ids) {
      const found = await getApplicant(db, organisationOf(c).slug, id);
      if ('denied' in found) return { denied: found.denied };
      if (!found.own.anonymised && found.own.reference) own.push(found.own);
    }
    return { own };
  };
  const personOf = (a: ApplicantDetail, status?: string): BulkPerson => ({
    id: a.id,
    name: a.fullName ?? a.reference ?? '',
    reference: a.reference ?? '',
    status: a.status,
    allowed: STAFF_STATUSES.some((s) => s === status && canChange(a.status, s)),
  });

  app.post('/', canWrite, async (c) => {
    const t = c.var.t;
    const title = t('dashboard:applicants.bulk.title');
    const loaded = await load(c, await postedIds(c));
    if ('denied' in loaded) return refuse(c, 'applicants', { status: loaded.denied! });
    const values: ChangeValues = {
      status: await field(c, 'status'),
      date: await field(c, 'date'),
      place: await field(c, 'place'),
      reason: await field(c, 'reason'),
    };
    const people = loaded.own.map((a) => personOf(a, values.status));
    const render = (
      errors: Record<string, string>,
      code: 200 | 422,
      confirm?: Parameters<typeof BulkPage>[0]['confirm'],
    ) =>
      page(
        c,
        title,
        'applicants',
        <BulkPage
          c={c}
          people={people}
          statuses={STAFF_STATUSES}
          values={values}
          errors={errors}
          confirm={confirm}
        />,
        code,
      );
    if (!people.length) return render({ _form: t('dashboard:applicants.bulk.none') }, 422);
    if ((await field(c, 'edit')) === '1') return render({}, 200);
    const { status, details, errors } = checkChange(t, values, STAFF_STATUSES);
    if (!status || Object.keys(errors).length) return render(errors, 422);
    const decision = DECISIONS.has(status);
    const targets = loaded.own.filter((a) => canChange(a.status, status));
    if (decision && (await field(c, 'confirm')) !== '1') {
      const first = targets[0];
      return render({}, 200, {
        status,
        preview: first ? await previewNotice(db, first.id, status, details) : undefined,
      });
    }

    const changed: BulkPerson[] = [];
    const skipped: { person: BulkPerson; why: string }[] = [];
    const actor = actorOf(c.var.session);
    for (const a of loaded.own) {
      const person = personOf(a, status);
      if (!person.allowed) {
        skipped.push({
          person,
          why: t('dashboard:applicants.bulk.notAllowed', {
            status: t(`applications:status.${status}.label`),
          }),
        });
        continue;
      }
      try {
        await changeApplicationStatus(
          db,
          organisationOf(c),
          a.reference!,
          status,
          details,
          actor,
          decision ? { noticeDelaySeconds: UNDO_SECONDS } : {},
        );
        changed.push(person);
      } catch (error) {
        if (!(error instanceof StatusChangeError)) throw error;
        skipped.push({ person, why: t(`dashboard:applicants.change.error.service.${error.code}`) });
      }
    }
    await logAccessMany(db, {
      actor,
      action: 'update',
      userIds: loaded.own.filter((a) => changed.some((p) => p.id === a.id)).map((a) => a.userId),
      detail: { ...SOURCE, field: 'status', to: status },
    });
    return page(
      c,
      title,
      'applicants',
      <BulkResult c={c} status={status} changed={changed} skipped={skipped} held={decision} />,
    );
  });

  app.post('/undo', canWrite, async (c) => {
    const t = c.var.t;
    const loaded = await load(c, await postedIds(c));
    if ('denied' in loaded) return refuse(c, 'applicants', { status: loaded.denied! });
    const undone: BulkPerson[] = [];
    const skipped: { person: BulkPerson; why: string }[] = [];
    const actor = actorOf(c.var.session);
    for (const a of loaded.own) {
      const person = personOf(a);
      try {
        await undoStatusChange(db, a.reference!, actor);
        undone.push(person);
      } catch (error) {
        if (!(error instanceof StatusChangeError)) throw error;
        const code = error.code === 'no_seat' ? 'undo_no_seat' : error.code;
        skipped.push({ person, why: t(`dashboard:applicants.change.error.service.${code}`) });
      }
    }
    await logAccessMany(db, {
      actor,
      action: 'update',
      userIds: loaded.own.filter((a) => undone.some((p) => p.id === a.id)).map((a) => a.userId),
      detail: { ...SOURCE, field: 'status', undo: true },
    });
    return page(
      c,
      t('dashboard:applicants.bulk.title'),
      'applicants',
      <>
        <p class="back">
          <a href="/admin/applicants">{t('dashboard:applicants.detail.back')}</a>
        </p>
        <p class="notice ok" role="status">
          {t('dashboard:applicants.bulk.undone', { count: undone.length })}
        </p>
        {skipped.length ? (
          <ul class="appl-bulk-people">
            {skipped.map((s) => (
              <li>
                <a href={`/admin/applicants/${s.person.id}`}>{s.person.name}</a> — {s.why}
              </li>
            ))}
          </ul>
        ) : null}
      </>,
    );
  });

  return app;
}
