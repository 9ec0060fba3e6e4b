import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { SUBSCRIBABLE_EVENTS } from '../../webhooks/catalogue';
import { listDeliveries, resendDelivery } from '../../webhooks/deliveries';
import {
  acknowledgeNotice,
  createEndpoint,
  deleteEndpoint,
  disabledNotices,
  type Endpoint,
  EndpointError,
  type EndpointInput,
  getEndpoint,
  listEndpoints,
  MAX_ENDPOINTS,
  queuedCounts,
  rotateSecret,
  setEnabled,
  updateEndpoint,
} from '../../webhooks/endpoints';
import { requireRole } from '../auth/middleware';
import type { AdminContext, AdminDeps, AdminEnv } from '../context';
import { isFragment, polled } from '../fragment';
import { page } from '../layout';
import { refuse } from '../refuse';
import {
  DeliveriesTable,
  type EndpointErrors,
  EndpointPage,
  type EndpointValues,
  IntegrationsPage,
  k,
  NEW_ENDPOINT,
  SecretPage,
  type TestOutcome,
} from './views';

/*
 * /admin/settings/integrations (issue #19): owners connect their own systems. Every lookup is scoped to
 * the session's organisation: another organisation's endpoint answers 403 and shows nothing of it. The
 * services are src/webhooks' (the API's /webhooks routes call the same functions). Logs name endpoints
 * by id only; a secret is never logged and appears only in the answer to the POST that made it.
 */

const BASE = '/admin/settings/integrations';
const onlyOwners = requireRole('owner');
const orgId = (c: AdminContext) => c.var.session.organisationId;

/** What the form posted: the URL, the description and every event box ticked. */
async function posted(c: AdminContext): Promise<EndpointValues> {
  const body = await c.req.parseBody({ all: true });
  const one = (name: string) => {
    const value = body[name];
    return typeof value === 'string' ? value : '';
  };
  const events = body.events;
  const list = (Array.isArray(events) ? events : events === undefined ? [] : [events]).filter(
    (v): v is string => typeof v === 'string',
  );
  return {
    url: one('url').slice(0, 2000).trim(),
    description: one('description').slice(0, 200),
    events: list.filter((e) => (SUBSCRIBABLE_EVENTS as readonly string[]).includes(e)),
  };
}

/** A service refusal as the form's field errors. */
function formErrors(error: EndpointError): EndpointErrors | undefined {
  if (error.code === 'url') {
    const key = {
      invalid: 'urlInvalid',
      scheme: 'urlScheme',
      https: 'urlHttps',
      private: 'urlPrivate',
      credentials: 'urlCredentials',
    }[error.detail ?? 'invalid'];
    return { url: { key } };
  }
  if (error.code === 'events') return { events: { key: 'events' } };
  if (error.code === 'too_many') return { url: { key: 'tooMany', params: { max: MAX_ENDPOINTS } } };
  return undefined;
}

const input = (values: EndpointValues): EndpointInput => ({
  url: values.url,
  events: values.events,
  description: values.description,
});

const valuesOf = (endpoint: Endpoint): EndpointValues => ({
  url: endpoint.url,
  description: endpoint.description ?? '',
  events: [...endpoint.events],
});

/**
 * Owners see a banner on every page while an integration the dispatcher turned off waits for them
 * (one indexed query on page loads only, never on polls or posts).
 */
export function integrationNotices(deps: AdminDeps) {
  return createMiddleware<AdminEnv>(async (c, next) => {
    if (deps.webhooks && c.req.method === 'GET' && !isFragment(c) && c.var.session.role === 'owner') {
      const notices = await disabledNotices(deps.db, c.var.session.organisationId);
      if (notices.length) c.set('integrationNotices', notices);
    }
    await next();
  });
}

export function integrationRoutes(deps: AdminDeps) {
  const { db, logger } = deps;
  const app = new Hono<AdminEnv>();
  const title = (c: AdminContext) => k(c.var.t, 'title');
  const production = () => deps.webhooks?.policy.production ?? true;
  const audit = (c: AdminContext, event: string, endpoint: string) =>
    logger.info({ event, by: c.var.session.memberId, endpoint }, 'dashboard integration changed');

  const list = async (c: AdminContext, values = NEW_ENDPOINT, errors: EndpointErrors = {}, status = 200) => {
    const isOwner = c.var.session.role === 'owner';
    const available = deps.webhooks !== undefined;
    const endpoints = isOwner && available ? await listEndpoints(db, orgId(c)) : [];
    const queued = endpoints.length ? await queuedCounts(db, orgId(c)) : new Map<string, number>();
    return page(
      c,
      title(c),
      'settings',
      <IntegrationsPage
        c={c}
        isOwner={isOwner}
        available={available}
        endpoints={endpoints}
        queued={queued}
        values={values}
        errors={errors}
        production={production()}
      />,
      status,
    );
  };

  const denied = (c: AdminContext) =>
    refuse(c, 'settings', { title: title(c), back: { href: BASE, label: k(c.var.t, 'detail.back') } });

  const detail = async (
    c: AdminContext,
    endpoint: Endpoint,
    extra: { values?: EndpointValues; errors?: EndpointErrors; test?: TestOutcome; problem?: string } = {},
    status = 200,
  ) => {
    const deliveries = await listDeliveries(db, orgId(c), endpoint.id);
    const queued = (await queuedCounts(db, orgId(c))).get(endpoint.id) ?? 0;
    return page(
      c,
      endpoint.description ?? title(c),
      'settings',
      <EndpointPage
        c={c}
        endpoint={endpoint}
        deliveries={deliveries}
        queued={queued}
        values={extra.values ?? valuesOf(endpoint)}
        errors={extra.errors ?? {}}
        production={production()}
        test={extra.test}
        problem={extra.problem}
      />,
      status,
    );
  };

  app.get('/', (c) => list(c));

  // Everything below changes or shows an endpoint: owners only, and only with webhooks configured.
  app.use('*', onlyOwners, async (c, next) => {
    if (!deps.webhooks) return refuse(c, 'settings', { status: 404, title: title(c) });
    await next();
  });

  app.post('/', async (c) => {
    const values = await posted(c);
    try {
      const { endpoint, secret } = await createEndpoint(
        db,
        deps.webhooks!.cipher,
        orgId(c),
        input(values),
        deps.webhooks!.policy,
      );
      audit(c, 'admin_integration_added', endpoint.id);
      c.header('Cache-Control', 'no-store');
      return page(
        c,
        k(c.var.t, 'secret.title'),
        'settings',
        <SecretPage c={c} endpoint={endpoint} secret={secret} reason="created" />,
      );
    } catch (error) {
      const errors = error instanceof EndpointError ? formErrors(error) : undefined;
      if (!errors) throw error;
      return list(c, values, errors, 422);
    }
  });

  app.get('/:id', async (c) => {
    const endpoint = await getEndpoint(db, orgId(c), c.req.param('id'));
    if (!endpoint) return denied(c);
    // An owner has now seen why it was turned off: the banner goes.
    if (endpoint.disabledNotice) await acknowledgeNotice(db, orgId(c), endpoint.id);
    return detail(c, endpoint);
  });

  app.get('/:id/deliveries', async (c) => {
    const endpoint = await getEndpoint(db, orgId(c), c.req.param('id'));
    if (!endpoint) return denied(c);
    const deliveries = await listDeliveries(db, orgId(c), endpoint.id);
    const waiting = deliveries.some((d) => d.status === 'pending');
    return polled(c, <DeliveriesTable c={c} endpoint={endpoint} deliveries={deliveries} />, !waiting);
  });

  app.post('/:id', async (c) => {
    const endpoint = await getEndpoint(db, orgId(c), c.req.param('id'));
    if (!endpoint) return denied(c);
    const values = await posted(c);
    try {
      await updateEndpoint(db, orgId(c), endpoint.id, input(values), deps.webhooks!.policy);
    } catch (error) {
      const errors = error instanceof EndpointError ? formErrors(error) : undefined;
      if (!errors) throw error;
      return detail(c, endpoint, { values, errors }, 422);
    }
    audit(c, 'admin_integration_changed', endpoint.id);
    return c.redirect(`${BASE}/${endpoint.id}?ok=integrations:detail.saved`, 303);
  });

  app.post('/:id/test', async (c) => {
    const endpoint = await getEndpoint(db, orgId(c), c.req.param('id'));
    if (!endpoint) return denied(c);
    const session = c.var.session;
    const result = await deps.webhooks!.deliverer.sendTest(
      { id: session.organisationId, slug: session.organisationSlug },
      endpoint.id,
      c.var.t('integrations:testMessage'),
    );
    const fresh = (await getEndpoint(db, orgId(c), endpoint.id)) ?? endpoint;
    return detail(c, fresh, { test: result });
  });

  app.post('/:id/enabled', async (c) => {
    const id = c.req.param('id');
    if (!(await getEndpoint(db, orgId(c), id))) return denied(c);
    const on = (await c.req.parseBody()).enabled === '1';
    await setEnabled(db, orgId(c), id, on);
    audit(c, on ? 'admin_integration_enabled' : 'admin_integration_disabled', id);
    return c.redirect(`${BASE}/${id}?ok=integrations:detail.${on ? 'enabledFlash' : 'disabledFlash'}`, 303);
  });

  app.post('/:id/deliveries/:delivery/resend', async (c) => {
    const id = c.req.param('id');
    const endpoint = await getEndpoint(db, orgId(c), id);
    if (!endpoint) return denied(c);
    const delivery = Number(c.req.param('delivery'));
    if (!Number.isSafeInteger(delivery) || delivery <= 0) return denied(c);
    try {
      await resendDelivery(db, orgId(c), id, delivery);
    } catch (error) {
      if (!(error instanceof EndpointError)) throw error;
      if (error.code === 'not_found') return denied(c);
      const problem = error.code === 'disabled' ? 'flash.disabledRefused' : 'flash.redactedRefused';
      return detail(c, endpoint, { problem }, 409);
    }
    audit(c, 'admin_integration_resend', id);
    return c.redirect(`${BASE}/${id}?ok=integrations:deliveries.resent#deliveries`, 303);
  });

  app.post('/:id/secret', async (c) => {
    const endpoint = await getEndpoint(db, orgId(c), c.req.param('id'));
    if (!endpoint) return denied(c);
    const secret = await rotateSecret(db, deps.webhooks!.cipher, orgId(c), endpoint.id);
    audit(c, 'admin_integration_secret_rotated', endpoint.id);
    c.header('Cache-Control', 'no-store');
    return page(
      c,
      k(c.var.t, 'secret.title'),
      'settings',
      <SecretPage c={c} endpoint={endpoint} secret={secret} reason="rotated" />,
    );
  });

  app.post('/:id/delete', async (c) => {
    const id = c.req.param('id');
    if (!(await deleteEndpoint(db, orgId(c), id))) return denied(c);
    audit(c, 'admin_integration_deleted', id);
    return c.redirect(`${BASE}?ok=integrations:detail.deleted`, 303);
  });

  return app;
}
