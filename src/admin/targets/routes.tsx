import { Hono } from 'hono';
import { jakartaDay, toIsoDate } from '../../eligibility';
import { programmeChoices } from '../../organisations/programme-choices';
import { applicantBreakdown, recruitmentFunnel } from '../../organisations/recruitment-stats';
import {
  createTarget,
  DEFAULT_COUNTED,
  deleteTarget,
  getTarget,
  listTargets,
  TargetError,
  targetProgress,
  updateTarget,
} from '../../organisations/targets';
import { canWrite } from '../auth/middleware';
import { type AdminContext, type AdminDeps, type AdminEnv, canAct, organisationOf } from '../context';
import { page } from '../layout';
import { refuse } from '../refuse';
import { TargetPage } from './detail';
import {
  EMPTY_TARGET,
  readTarget,
  type TargetErrors,
  type TargetValues,
  targetValues,
  validateTarget,
} from './form';
import { TargetForm } from './form-view';
import { TargetList } from './list';

/*
 * /admin/targets: recruitment targets with their progress as charts, the organisation's funnel and
 * applicants, and the form to set or change a target. The targets service (also behind the API) does
 * the work; every query is scoped to the session's organisation.
 */

const today = () => toIsoDate(jakartaDay());

async function formValues(c: AdminContext): Promise<TargetValues> {
  const body = await c.req.parseBody();
  return readTarget((name) => (typeof body[name] === 'string' ? (body[name] as string) : undefined));
}

export function targetRoutes(deps: AdminDeps) {
  const { db } = deps;
  const app = new Hono<AdminEnv>();
  const k = (c: AdminContext, key: string) => c.var.t(`dashboard:targets.${key}`);

  const form = async (
    c: AdminContext,
    options: {
      title: string;
      action: string;
      values: TargetValues;
      errors: TargetErrors;
      cancel: string;
      status?: number;
    },
  ) =>
    page(
      c,
      options.title,
      'targets',
      <TargetForm
        c={c}
        action={options.action}
        values={options.values}
        errors={options.errors}
        programmes={await programmeChoices(db, c.var.session.organisationSlug)}
        submit={k(c, 'form.save')}
        cancelHref={options.cancel}
      />,
      options.status ?? 200,
    );

  app.get('/', async (c) => {
    const org = organisationOf(c);
    const programmes = await programmeChoices(db, org.slug);
    // The overview's programme comes from the query; anything not the organisation's means "all".
    const asked = c.req.query('programme') ?? '';
    const programme = programmes.some((p) => p.slug === asked) ? asked : '';
    const items = [];
    for (const target of await listTargets(db, org))
      items.push({ target, progress: await targetProgress(db, org, target) });
    const scope = { organisation: org, programme: programme || null };
    const overview = {
      programme,
      funnel: await recruitmentFunnel(db, scope),
      breakdown: await applicantBreakdown(db, scope),
    };
    return page(
      c,
      c.var.t('nav.targets'),
      'targets',
      <TargetList c={c} items={items} programmes={programmes} overview={overview} canWrite={canAct(c)} />,
    );
  });

  app.get('/new', async (c) => {
    if (!canAct(c)) return refuse(c, 'targets', { key: 'errors.forbidden' });
    return form(c, {
      title: k(c, 'titles.new'),
      action: '/admin/targets/new',
      values: EMPTY_TARGET,
      errors: {},
      cancel: '/admin/targets',
    });
  });

  app.post('/new', canWrite, async (c) => {
    const org = organisationOf(c);
    const values = await formValues(c);
    const { input, errors } = validateTarget(values, await programmeChoices(db, org.slug), {
      today: today(),
    });
    const again = (e: TargetErrors) =>
      form(c, {
        title: k(c, 'titles.new'),
        action: '/admin/targets/new',
        values,
        errors: e,
        cancel: '/admin/targets',
        status: 422,
      });
    if (!input) return again(errors);
    try {
      const target = await createTarget(db, org, input);
      return c.redirect(`/admin/targets/${target.id}?ok=dashboard:targets.flash.created`, 303);
    } catch (error) {
      if (error instanceof TargetError) return again({ programme: { key: 'programmeUnknown' } });
      throw error;
    }
  });

  app.get('/:id', async (c) => {
    const org = organisationOf(c);
    const target = await getTarget(db, org, c.req.param('id'));
    if (!target) return refuse(c, 'targets');
    const scope = { organisation: org, programme: target.programmeSlug };
    const [progress, funnel, breakdown, programmes] = [
      await targetProgress(db, org, target),
      await recruitmentFunnel(db, scope),
      // The same applications the target's progress counts.
      await applicantBreakdown(db, scope, target.statuses?.length ? target.statuses : DEFAULT_COUNTED),
      await programmeChoices(db, org.slug),
    ];
    return page(
      c,
      target.name,
      'targets',
      <TargetPage
        c={c}
        target={target}
        progress={progress}
        funnel={funnel}
        breakdown={breakdown}
        programmes={programmes}
        canWrite={canAct(c)}
      />,
    );
  });

  app.get('/:id/edit', async (c) => {
    const target = await getTarget(db, organisationOf(c), c.req.param('id'));
    if (!target) return refuse(c, 'targets');
    if (!canAct(c)) return refuse(c, 'targets', { key: 'errors.forbidden' });
    return form(c, {
      title: k(c, 'titles.edit'),
      action: `/admin/targets/${target.id}/edit`,
      values: targetValues(target),
      errors: {},
      cancel: `/admin/targets/${target.id}`,
    });
  });

  app.post('/:id/edit', canWrite, async (c) => {
    const org = organisationOf(c);
    const target = await getTarget(db, org, c.req.param('id'));
    if (!target) return refuse(c, 'targets');
    const values = await formValues(c);
    const { input, errors } = validateTarget(values, await programmeChoices(db, org.slug), {
      today: today(),
      previousDeadline: target.deadline,
    });
    const again = (e: TargetErrors) =>
      form(c, {
        title: k(c, 'titles.edit'),
        action: `/admin/targets/${target.id}/edit`,
        values,
        errors: e,
        cancel: `/admin/targets/${target.id}`,
        status: 422,
      });
    if (!input) return again(errors);
    try {
      await updateTarget(db, org, target.id, input);
    } catch (error) {
      if (error instanceof TargetError) return again({ programme: { key: 'programmeUnknown' } });
      throw error;
    }
    return c.redirect(`/admin/targets/${target.id}?ok=dashboard:targets.flash.saved`, 303);
  });

  app.post('/:id/delete', canWrite, async (c) => {
    if (!(await deleteTarget(db, organisationOf(c), c.req.param('id')))) return refuse(c, 'targets');
    return c.redirect('/admin/targets?ok=dashboard:targets.flash.deleted', 303);
  });

  return app;
}
