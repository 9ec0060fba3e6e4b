import { Hono } from 'hono';
import {
  type Broadcast,
  BroadcastError,
  broadcastOutcomes,
  broadcastProgress,
  cancelBroadcast,
  createBroadcast,
  getBroadcast,
  listBroadcasts,
  previewBroadcast,
  scheduleBroadcast,
  sendBroadcastNow,
} from '../../broadcasts/service';
import { deliveryTallies } from '../../broadcasts/tallies';
import { programmeChoices } from '../../organisations/programme-choices';
import { canWrite } from '../auth/middleware';
import { type AdminContext, type AdminDeps, type AdminEnv, canAct, organisationOf } from '../context';
import { polled } from '../fragment';
import { page } from '../layout';
import { refuse } from '../refuse';
import { Composer } from './composer';
import { ConfirmStep, composerTarget } from './confirm';
import { AudienceCountError, AudienceCountView } from './count';
import { BroadcastPage, DeliveryPanel } from './detail';
import type { DraftSendValues } from './draft-send';
import {
  audienceFrom,
  type ComposerErrors,
  type ComposerValues,
  composerPrefill,
  NAMES,
  readComposer,
  scheduleFrom,
  startsQuiet,
  validateComposer,
} from './form';
import { BroadcastList } from './list';
import { isFinished } from './text';

/*
 * /admin/broadcasts: the list, the composer (form → confirm → created and sent or scheduled), a
 * broadcast's page with its live progress, sending or scheduling a draft (one made through the API),
 * and cancel. Every operation is the broadcast service's own
 * (the API's routes call the same functions), scoped to the session's organisation.
 */

/** Every value posted under each name (multi-selects and checkboxes send several). */
async function formValues(c: AdminContext): Promise<ComposerValues> {
  const body = await c.req.parseBody({ all: true });
  return readComposer((name) => {
    const value = body[name];
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return list.filter((v): v is string => typeof v === 'string');
  });
}

/** A service refusal in the staff's words (the service's messages are English, for the API). */
function serviceError(error: BroadcastError): ComposerErrors {
  if (/not open|is (closed|draft)/.test(error.message)) return { programme: { key: 'programmeClosed' } };
  if (/programme/.test(error.message)) return { programme: { key: 'programmeUnknown' } };
  if (/time has passed/.test(error.message)) return { date: { key: 'datePast' } };
  return { text: { key: 'failed' } };
}

export function broadcastRoutes(deps: AdminDeps) {
  const { db } = deps;
  const app = new Hono<AdminEnv>();
  const title = (c: AdminContext, key: string) => c.var.t(`dashboard:broadcasts.titles.${key}`);

  const composer = async (
    c: AdminContext,
    values: ComposerValues,
    errors: ComposerErrors,
    status = 200,
    // Already read by a caller that needed them (the prefill): not read twice.
    loaded?: Awaited<ReturnType<typeof programmeChoices>>,
  ) => {
    const programmes = loaded ?? (await programmeChoices(db, c.var.session.organisationSlug));
    // A form that comes back (count, edit, errors) shows the count of what it describes.
    const count = c.req.method === 'POST' ? await countFragment(c, values) : undefined;
    return page(
      c,
      title(c, 'new'),
      'broadcasts',
      <Composer
        c={c}
        values={values}
        errors={errors}
        programmes={programmes}
        quiet={deps.broadcasts.quiet}
        {...(count ? { count: count.view } : {})}
      />,
      status,
    );
  };

  /** The audience service's count for the form's filters (the same preview the API answers with). */
  const countFragment = async (c: AdminContext, values: ComposerValues) => {
    const programmes = await programmeChoices(db, c.var.session.organisationSlug);
    const { audience, errors } = audienceFrom(values, programmes);
    if (Object.keys(errors).length > 0)
      return { ok: false, view: <AudienceCountError t={c.var.t} errors={errors} /> };
    const preview = await previewBroadcast(db, organisationOf(c), {
      audience,
      programmeSlug: values.programme || null,
      text: { id: '…' },
      code: 'preview',
    });
    return { ok: true, view: <AudienceCountView t={c.var.t} locale={c.var.locale} count={preview} /> };
  };

  app.get('/', async (c) => {
    const items = await listBroadcasts(db, organisationOf(c));
    const tallies = await deliveryTallies(
      db,
      c.var.session.organisationId,
      items.map((b) => b.id),
    );
    return page(
      c,
      c.var.t('nav.broadcasts'),
      'broadcasts',
      <BroadcastList c={c} items={items} tallies={tallies} canWrite={canAct(c)} />,
    );
  });

  app.get('/new', async (c) => {
    if (!canAct(c)) return refuse(c, 'broadcasts', { key: 'errors.forbidden' });
    const programmes = await programmeChoices(db, c.var.session.organisationSlug);
    const values = composerPrefill((name) => c.req.query(name), programmes);
    return composer(c, values, {}, 200, programmes);
  });

  // The live count: filter values only (codes and levels, never anyone's data) in the query.
  app.get('/audience', async (c) => {
    const values = readComposer((name) => c.req.queries(name) ?? []);
    const fragment = await countFragment(c, values);
    return c.html(fragment.view, fragment.ok ? 200 : 422);
  });

  app.post('/new', canWrite, async (c) => {
    const values = await formValues(c);
    const body = await c.req.parseBody();
    const intent = typeof body.intent === 'string' ? body.intent : 'review';
    if (intent === 'count' || intent === 'edit') {
      const { errors } = audienceFrom(values, await programmeChoices(db, c.var.session.organisationSlug));
      return composer(c, values, intent === 'count' ? errors : {}, 200);
    }
    const programmes = await programmeChoices(db, c.var.session.organisationSlug);
    const { broadcast, errors } = validateComposer(values, programmes);
    if (!broadcast) return composer(c, values, errors, 422);
    const org = organisationOf(c);

    const preview = await previewBroadcast(
      db,
      org,
      {
        audience: broadcast.audience,
        programmeSlug: broadcast.programme,
        text: broadcast.text,
        code: 'preview',
      },
      deps.deepLink,
    );
    // Sending now to nobody would only make an empty "sent" broadcast; a scheduled one counts later.
    if (intent === 'confirm' && broadcast.at === null && preview.recipients === 0)
      return composer(c, values, { provinces: { key: 'nobody' } }, 422);
    if (intent !== 'confirm') {
      return page(
        c,
        title(c, 'confirm'),
        'broadcasts',
        <ConfirmStep
          c={c}
          target={composerTarget(values)}
          broadcast={broadcast}
          preview={preview}
          programmes={programmes}
          quiet={deps.broadcasts.quiet}
          waitsForMorning={startsQuiet(broadcast.at, broadcast.urgent, deps.broadcasts.quiet)}
        />,
      );
    }

    let createdId: string | undefined;
    try {
      const created = await createBroadcast(db, org, {
        name: broadcast.name,
        text: broadcast.text,
        audience: broadcast.audience,
        programme: broadcast.programme,
        urgent: broadcast.urgent,
      });
      createdId = created.id;
      if (broadcast.at) await scheduleBroadcast(db, org, created.id, broadcast.at);
      else await sendBroadcastNow(db, deps.broadcasts, org, created.id);
      deps.logger.info(
        { broadcast: created.id, member: c.var.session.memberId, scheduled: broadcast.at !== null },
        'broadcast created from the dashboard',
      );
      const flash = broadcast.at ? 'scheduled' : 'sending';
      return c.redirect(`/admin/broadcasts/${created.id}?ok=dashboard:broadcasts.flash.${flash}`, 303);
    } catch (error) {
      if (!(error instanceof BroadcastError)) throw error;
      // Nothing half-made stays behind: the draft of a refused send is withdrawn.
      if (createdId) await cancelBroadcast(db, org, createdId).catch(() => undefined);
      return composer(c, values, serviceError(error), 422);
    }
  });

  const detailPage = async (
    c: AdminContext,
    broadcast: Broadcast,
    send?: { values: DraftSendValues; errors: ComposerErrors },
  ) => {
    const org = organisationOf(c);
    const [progress, outcomes, programmes] = [
      await broadcastProgress(db, broadcast.id),
      await broadcastOutcomes(db, org, broadcast, deps.broadcasts.attributionDays),
      await programmeChoices(db, org.slug),
    ];
    return page(
      c,
      broadcast.name,
      'broadcasts',
      <BroadcastPage
        c={c}
        broadcast={broadcast}
        progress={progress}
        outcomes={outcomes}
        programmes={programmes}
        canWrite={canAct(c)}
        quiet={deps.broadcasts.quiet}
        {...(send ? { send } : {})}
      />,
      send ? 422 : 200,
    );
  };

  app.get('/:id', async (c) => {
    const broadcast = await getBroadcast(db, organisationOf(c), c.req.param('id'));
    if (!broadcast) return refuse(c, 'broadcasts');
    return detailPage(c, broadcast);
  });

  // A draft (made through the API) sent now or scheduled: review with the live count, then confirm.
  app.post('/:id/send', canWrite, async (c) => {
    const org = organisationOf(c);
    const broadcast = await getBroadcast(db, org, c.req.param('id'));
    if (!broadcast) return refuse(c, 'broadcasts');
    const here = `/admin/broadcasts/${broadcast.id}`;
    if (broadcast.status !== 'draft')
      return c.redirect(`${here}?error=dashboard:broadcasts.flash.notDraft`, 303);
    const values = await formValues(c);
    const sendValues = { date: values.date, time: values.time };
    const intent = (await c.req.parseBody()).intent === 'confirm' ? 'confirm' : 'review';
    const { at, errors } = scheduleFrom(values);
    if (Object.keys(errors).length > 0) return detailPage(c, broadcast, { values: sendValues, errors });
    const preview = await previewBroadcast(db, org, broadcast, deps.deepLink);
    // The composer's rule: sending now to nobody would only make an empty "sent" broadcast.
    if (intent === 'confirm' && at === null && preview.recipients === 0)
      return detailPage(c, broadcast, { values: sendValues, errors: { provinces: { key: 'nobody' } } });
    if (intent === 'review') {
      const programmes = await programmeChoices(db, org.slug);
      return page(
        c,
        title(c, 'confirm'),
        'broadcasts',
        <ConfirmStep
          c={c}
          target={{
            action: `${here}/send`,
            hidden: [
              [NAMES.when, values.when],
              ...(at
                ? ([
                    [NAMES.date, values.date],
                    [NAMES.time, values.time],
                  ] as Array<[string, string]>)
                : []),
            ],
            back: { href: here, label: c.var.t('dashboard:broadcasts.draft.back') },
          }}
          broadcast={{
            name: broadcast.name,
            text: broadcast.text,
            audience: broadcast.audience,
            programme: broadcast.programmeSlug,
            urgent: broadcast.urgent,
            at,
          }}
          preview={preview}
          programmes={programmes}
          quiet={deps.broadcasts.quiet}
          waitsForMorning={startsQuiet(at, broadcast.urgent, deps.broadcasts.quiet)}
        />,
      );
    }
    try {
      if (at) await scheduleBroadcast(db, org, broadcast.id, at);
      else await sendBroadcastNow(db, deps.broadcasts, org, broadcast.id);
    } catch (error) {
      if (!(error instanceof BroadcastError)) throw error;
      return detailPage(c, broadcast, { values: sendValues, errors: serviceError(error) });
    }
    deps.logger.info(
      { broadcast: broadcast.id, member: c.var.session.memberId, scheduled: at !== null },
      'draft broadcast sent from the dashboard',
    );
    return c.redirect(`${here}?ok=dashboard:broadcasts.flash.${at ? 'scheduled' : 'sending'}`, 303);
  });

  app.get('/:id/progress', async (c) => {
    const broadcast = await getBroadcast(db, organisationOf(c), c.req.param('id'));
    if (!broadcast) return refuse(c, 'broadcasts');
    const progress = await broadcastProgress(db, broadcast.id);
    const finished = isFinished(broadcast.status, progress.queued);
    return polled(
      c,
      <DeliveryPanel c={c} broadcast={broadcast} progress={progress} canWrite={canAct(c)} />,
      finished,
    );
  });

  app.post('/:id/cancel', canWrite, async (c) => {
    const org = organisationOf(c);
    const broadcast = await getBroadcast(db, org, c.req.param('id'));
    if (!broadcast) return refuse(c, 'broadcasts');
    try {
      await cancelBroadcast(db, org, broadcast.id);
    } catch (error) {
      if (!(error instanceof BroadcastError)) throw error;
      return c.redirect(
        `/admin/broadcasts/${broadcast.id}?error=dashboard:broadcasts.flash.notCancellable`,
        303,
      );
    }
    return c.redirect(`/admin/broadcasts/${broadcast.id}?ok=dashboard:broadcasts.flash.cancelled`, 303);
  });

  return app;
}
