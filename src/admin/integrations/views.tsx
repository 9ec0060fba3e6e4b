import type { T } from '../../i18n';
import { SUBSCRIBABLE_EVENTS } from '../../webhooks/catalogue';
import type { DeliveryRow } from '../../webhooks/deliveries';
import type { Endpoint } from '../../webhooks/endpoints';
import { FieldMessage, type FormError } from '../broadcasts/fields';
import type { AdminContext } from '../context';
import { ConfirmAction, Field, FormShell } from '../form-parts';
import { formatWib, isoOf } from '../inbox/format';
import { Csrf } from '../layout';
import { SettingsTabs } from '../settings/views/tabs';

/*
 * Pengaturan → Integrasi: the organisation's receiving addresses (owners only), the secret shown once,
 * one address with its recent deliveries (live while some wait), test, resend, on/off, edit, new
 * secret, delete. Text: locales/{id,en}/integrations.json.
 */

export const k = (t: T, key: string, params: Record<string, unknown> = {}) =>
  t(`integrations:${key}`, params);
/** `application.submitted` → its label. */
export const eventLabel = (t: T, type: string) =>
  t(`integrations:events.${type.replace('.', '_')}`, { defaultValue: type });

const BASE = '/admin/settings/integrations';
const ERRORS = 'integrations:errors';

export interface EndpointValues {
  url: string;
  description: string;
  events: string[];
}
export type EndpointField = 'url' | 'events';
export type EndpointErrors = Partial<Record<EndpointField, FormError>>;
const IDS: Record<EndpointField, string> = { url: 'int-url', events: 'int-events' };

export const NEW_ENDPOINT: EndpointValues = { url: '', description: '', events: [...SUBSCRIBABLE_EVENTS] };

function Time(props: { c: AdminContext; at: Date }) {
  return <time datetime={isoOf(props.at)}>{formatWib(props.at, props.c.var.locale)}</time>;
}

/** "Aktif", "Gagal, dicoba lagi 10.15 WIB", "Dimatikan otomatis"… */
export function StatusText(props: { c: AdminContext; endpoint: Endpoint }) {
  const { c, endpoint } = props;
  const t = c.var.t;
  if (!endpoint.enabled)
    return (
      <span class={endpoint.disabledReason === 'owner' ? 'badge' : 'badge alert'}>
        {k(t, `status.${endpoint.disabledReason ?? 'owner'}`)}
      </span>
    );
  if (endpoint.retryAt && endpoint.retryAt > new Date())
    return (
      <span class="badge alert">
        {k(t, 'status.backingOff', { time: formatWib(endpoint.retryAt, c.var.locale) })}
      </span>
    );
  return <span class="badge">{k(t, 'status.on')}</span>;
}

/** The URL, description and event checkboxes (adding and editing). */
function EndpointFields(props: {
  c: AdminContext;
  values: EndpointValues;
  errors: EndpointErrors;
  production: boolean;
}) {
  const { c, values, errors } = props;
  const t = c.var.t;
  return (
    <>
      <Field
        c={c}
        id={IDS.url}
        label={k(t, 'add.url')}
        hint={k(t, props.production ? 'add.urlHint' : 'add.urlHintDev')}
        prefix={ERRORS}
        error={errors.url}
        control={(aria) => (
          <input
            type="url"
            name="url"
            value={values.url}
            maxlength={2000}
            inputmode="url"
            autocomplete="off"
            spellcheck={false}
            required
            {...aria}
          />
        )}
      />
      <Field
        c={c}
        id="int-description"
        label={k(t, 'add.description')}
        hint={k(t, 'add.descriptionHint')}
        prefix={ERRORS}
        control={(aria) => (
          <input
            type="text"
            name="description"
            value={values.description}
            maxlength={200}
            autocomplete="off"
            {...aria}
          />
        )}
      />
      <fieldset
        class="prog-fieldset"
        id={IDS.events}
        aria-describedby={[`${IDS.events}-hint`, errors.events ? `${IDS.events}-error` : '']
          .filter(Boolean)
          .join(' ')}
      >
        <legend>{k(t, 'add.events')}</legend>
        <p class="muted bc-hint" id={`${IDS.events}-hint`}>
          {k(t, 'add.eventsHint')}
        </p>
        <ul class="bc-checks int-events">
          {SUBSCRIBABLE_EVENTS.map((type) => (
            <li>
              <input
                type="checkbox"
                id={`int-ev-${type.replace('.', '-')}`}
                name="events"
                value={type}
                checked={values.events.includes(type)}
              />
              <label for={`int-ev-${type.replace('.', '-')}`}>{eventLabel(t, type)}</label>
            </li>
          ))}
        </ul>
        <FieldMessage id={IDS.events} t={t} prefix={ERRORS} error={errors.events} />
      </fieldset>
    </>
  );
}

function summaryOf(errors: EndpointErrors): Array<[string, FormError]> {
  return (Object.entries(errors) as Array<[EndpointField, FormError]>).map(([f, e]) => [IDS[f], e]);
}

/** The list and the form to add one (owners); others read that only owners manage integrations. */
export function IntegrationsPage(props: {
  c: AdminContext;
  isOwner: boolean;
  available: boolean;
  endpoints: Endpoint[];
  queued: Map<string, number>;
  values: EndpointValues;
  errors: EndpointErrors;
  production: boolean;
}) {
  const { c, endpoints } = props;
  const t = c.var.t;
  if (!props.available || !props.isOwner)
    return (
      <>
        <SettingsTabs c={c} current="integrations" />
        <p>{k(t, 'intro')}</p>
        <p class="notice">{k(t, props.available ? 'ownersOnly' : 'flash.notAvailable')}</p>
      </>
    );
  return (
    <>
      <SettingsTabs c={c} current="integrations" />
      <p>{k(t, 'intro')}</p>
      <h2>{k(t, 'listHeading', { count: endpoints.length })}</h2>
      {endpoints.length === 0 ? (
        <p class="notice">
          <a href="#int-add-heading">{k(t, 'empty')}</a>
        </p>
      ) : (
        <div class="table-wrap">
          <table class="stack int-list">
            <caption class="sr-only">{k(t, 'caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{k(t, 'col.url')}</th>
                <th scope="col">{k(t, 'col.status')}</th>
                <th scope="col">{k(t, 'col.events')}</th>
                <th scope="col">{k(t, 'col.queued')}</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr>
                  <th scope="row" class="int-url">
                    <a href={`${BASE}/${e.id}`}>{e.description ?? e.url}</a>
                    {e.description ? <div class="muted">{e.url}</div> : null}
                  </th>
                  <td data-label={k(t, 'col.status')}>
                    <StatusText c={c} endpoint={e} />
                  </td>
                  <td data-label={k(t, 'col.events')}>{k(t, 'eventsCount', { count: e.events.length })}</td>
                  <td data-label={k(t, 'col.queued')}>{props.queued.get(e.id) ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="int-add-heading">
        <h2 id="int-add-heading">{k(t, 'add.heading')}</h2>
        <FormShell
          c={c}
          action={BASE}
          class="set-form"
          submit={k(t, 'add.submit')}
          prefix={ERRORS}
          summary={k(t, 'errors.summary')}
          errors={summaryOf(props.errors)}
        >
          <EndpointFields c={c} values={props.values} errors={props.errors} production={props.production} />
        </FormShell>
      </section>
    </>
  );
}

const SNIPPET = `import { Webhook } from 'standardwebhooks';

const wh = new Webhook(process.env.JEMBATAN_WEBHOOK_SECRET);
// rawBody: the request body as text, exactly as it arrived
const event = wh.verify(rawBody, headers); // throws if forged or older than 5 minutes
if (alreadySeen(headers['webhook-id'])) return; // the same event may come twice
// event.type, event.timestamp, event.data`;

/** The secret, shown once as the direct answer to the POST that made it (no-store, never in a URL). */
export function SecretPage(props: {
  c: AdminContext;
  endpoint: Endpoint;
  secret: string;
  reason: 'created' | 'rotated';
}) {
  const { c, endpoint } = props;
  const t = c.var.t;
  return (
    <>
      <SettingsTabs c={c} current="integrations" />
      <p class="notice ok" role="status">
        {k(t, `secret.${props.reason}`)}
      </p>
      <dl class="set-dl">
        <dt>{k(t, 'detail.url')}</dt>
        <dd>{endpoint.url}</dd>
        <dt>{k(t, 'secret.label')}</dt>
        <dd>
          <code class="set-secret">{props.secret}</code>
        </dd>
      </dl>
      <div class="notice warn">
        <p>{k(t, 'secret.once')}</p>
        <p>{k(t, 'secret.private')}</p>
      </div>
      <form method="post" action={`${BASE}/${endpoint.id}/test`}>
        <Csrf c={c} />
        <div class="actions">
          <button type="submit">{k(t, 'detail.testSubmit')}</button>
          <a class="button secondary" href={`${BASE}/${endpoint.id}`}>
            {k(t, 'secret.next')}
          </a>
        </div>
      </form>
      <h2>{k(t, 'secret.howHeading')}</h2>
      <p>{k(t, 'secret.how')}</p>
      <pre class="set-cli">
        <code>{SNIPPET}</code>
      </pre>
      <p class="muted">{k(t, 'secret.dedupe')}</p>
    </>
  );
}

export interface TestOutcome {
  ok: boolean;
  status: number | null;
  ms: number;
  error: string | null;
}

function TestNotice(props: { c: AdminContext; test: TestOutcome }) {
  const { c, test } = props;
  const t = c.var.t;
  if (test.ok)
    return (
      <p class="notice ok" role="status">
        {k(t, 'detail.testOk', { status: test.status, ms: test.ms })}
      </p>
    );
  return (
    <p class="notice error" role="alert">
      {test.status !== null
        ? k(t, 'detail.testFailedStatus', { status: test.status, ms: test.ms, error: test.error ?? '' })
        : k(t, 'detail.testFailed', { error: test.error ?? '' })}
    </p>
  );
}

/** The deliveries table: the page's section, and the fragment that refreshes it while some wait. */
export function DeliveriesTable(props: { c: AdminContext; endpoint: Endpoint; deliveries: DeliveryRow[] }) {
  const { c, endpoint, deliveries } = props;
  const t = c.var.t;
  if (deliveries.length === 0) return <p class="notice">{k(t, 'deliveries.empty')}</p>;
  return (
    <div class="table-wrap">
      <table class="stack int-deliveries">
        <caption class="sr-only">{k(t, 'deliveries.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{k(t, 'deliveries.event')}</th>
            <th scope="col">{k(t, 'deliveries.status')}</th>
            <th scope="col">{k(t, 'deliveries.attempts')}</th>
            <th scope="col">{k(t, 'deliveries.response')}</th>
            <th scope="col">{k(t, 'deliveries.error')}</th>
            <th scope="col">{k(t, 'deliveries.action')}</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr>
              <th scope="row">
                {eventLabel(t, d.type)}
                <div class="muted">
                  <Time c={c} at={d.occurredAt} /> · <code>{d.type}</code>
                </div>
              </th>
              <td data-label={k(t, 'deliveries.status')}>
                <span class={d.status === 'failed' ? 'badge alert' : 'badge'}>
                  {k(t, `deliveries.states.${d.status}`)}
                </span>
              </td>
              <td data-label={k(t, 'deliveries.attempts')}>{d.attempts}</td>
              <td data-label={k(t, 'deliveries.response')}>
                {d.attempts === 0
                  ? '—'
                  : d.lastStatus === null
                    ? k(t, 'deliveries.noAnswer')
                    : k(t, 'deliveries.answer', { status: d.lastStatus, ms: d.lastDurationMs ?? 0 })}
              </td>
              <td data-label={k(t, 'deliveries.error')} class={d.lastError ? 'int-error' : 'stack-empty'}>
                {d.lastError ?? ''}
              </td>
              <td data-label={k(t, 'deliveries.action')} class="stack-empty">
                {d.redacted ? (
                  <span class="muted">{k(t, 'deliveries.redacted')}</span>
                ) : endpoint.enabled && d.status !== 'pending' && d.type !== 'webhook.test' ? (
                  <form method="post" action={`${BASE}/${endpoint.id}/deliveries/${d.id}/resend`}>
                    <Csrf c={c} />
                    <button type="submit" class="secondary">
                      {k(t, 'deliveries.resend')}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One address: status, test, on/off, deliveries, edit, new secret, delete. */
export function EndpointPage(props: {
  c: AdminContext;
  endpoint: Endpoint;
  deliveries: DeliveryRow[];
  queued: number;
  values: EndpointValues;
  errors: EndpointErrors;
  production: boolean;
  test?: TestOutcome | undefined;
  problem?: string | undefined;
}) {
  const { c, endpoint } = props;
  const t = c.var.t;
  const base = `${BASE}/${endpoint.id}`;
  const waiting = props.deliveries.some((d) => d.status === 'pending');
  return (
    <>
      <SettingsTabs c={c} current="integrations" />
      <p class="back">
        <a href={BASE}>{k(t, 'detail.back')}</a>
      </p>
      {props.problem ? (
        <p class="notice error" role="alert">
          {k(t, props.problem)}
        </p>
      ) : null}
      {props.test ? <TestNotice c={c} test={props.test} /> : null}
      {!endpoint.enabled ? (
        <p class={endpoint.disabledReason === 'owner' ? 'notice' : 'notice warn'}>
          {endpoint.disabledReason === 'owner'
            ? k(t, 'detail.disabledOwner')
            : k(t, endpoint.disabledReason === 'gone' ? 'detail.disabledGone' : 'detail.disabledFailing', {
                time: endpoint.disabledAt ? formatWib(endpoint.disabledAt, c.var.locale) : '',
              })}
        </p>
      ) : null}
      <dl class="set-dl">
        <dt>{k(t, 'detail.url')}</dt>
        <dd class="int-url">{endpoint.url}</dd>
        {endpoint.description ? (
          <>
            <dt>{k(t, 'detail.description')}</dt>
            <dd>{endpoint.description}</dd>
          </>
        ) : null}
        <dt>{k(t, 'detail.status')}</dt>
        <dd>
          <StatusText c={c} endpoint={endpoint} />
        </dd>
        <dt>{k(t, 'detail.lastSuccess')}</dt>
        <dd>{endpoint.lastSuccessAt ? <Time c={c} at={endpoint.lastSuccessAt} /> : k(t, 'detail.never')}</dd>
        {endpoint.failingSince ? (
          <>
            <dt>{k(t, 'detail.failingSince')}</dt>
            <dd>
              <Time c={c} at={endpoint.failingSince} />
            </dd>
          </>
        ) : null}
        {endpoint.lastError ? (
          <>
            <dt>{k(t, 'detail.lastError')}</dt>
            <dd class="int-error">{endpoint.lastError}</dd>
          </>
        ) : null}
        <dt>{k(t, 'detail.queued')}</dt>
        <dd>{props.queued}</dd>
        <dt>{k(t, 'detail.events')}</dt>
        <dd>{endpoint.events.map((e) => eventLabel(t, e)).join(', ')}</dd>
      </dl>
      <div class="actions">
        <form method="post" action={`${base}/test`}>
          <Csrf c={c} />
          <button type="submit" aria-describedby="int-test-hint">
            {k(t, 'detail.testSubmit')}
          </button>
        </form>
        {endpoint.enabled ? (
          <form method="post" action={`${base}/enabled`} data-confirm={k(t, 'detail.disableConfirm')}>
            <Csrf c={c} />
            <input type="hidden" name="enabled" value="0" />
            <button type="submit" class="secondary">
              {k(t, 'detail.disable')}
            </button>
          </form>
        ) : (
          <form method="post" action={`${base}/enabled`}>
            <Csrf c={c} />
            <input type="hidden" name="enabled" value="1" />
            <button type="submit">{k(t, 'detail.enable')}</button>
          </form>
        )}
      </div>
      <p class="muted" id="int-test-hint">
        {k(t, 'detail.testHint')}
      </p>

      <h2 id="deliveries">{k(t, 'deliveries.heading')}</h2>
      {waiting ? <p class="muted">{k(t, 'deliveries.live')}</p> : null}
      <div
        aria-live="polite"
        {...(waiting ? { 'data-poll': `${base}/deliveries`, 'data-poll-ms': '3000' } : {})}
      >
        <DeliveriesTable c={c} endpoint={endpoint} deliveries={props.deliveries} />
      </div>

      <h2 id="int-edit-heading">{k(t, 'detail.editHeading')}</h2>
      <FormShell
        c={c}
        action={base}
        class="set-form"
        labelledBy="int-edit-heading"
        submit={k(t, 'detail.editSubmit')}
        prefix={ERRORS}
        summary={k(t, 'errors.summary')}
        errors={summaryOf(props.errors)}
      >
        <EndpointFields c={c} values={props.values} errors={props.errors} production={props.production} />
      </FormShell>

      {(['secret', 'delete'] as const).map((what) => (
        <ConfirmAction
          c={c}
          action={`${base}/${what}`}
          heading={k(t, `detail.${what}Heading`)}
          hint={k(t, `detail.${what}Hint`)}
          confirm={k(t, `detail.${what}Confirm`)}
          submit={k(t, `detail.${what}Submit`)}
          tone={what === 'delete' ? 'danger' : 'secondary'}
        />
      ))}
    </>
  );
}
