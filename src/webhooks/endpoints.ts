import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import { webhookDeliveries, webhookEndpoints } from '../db/schema';
import type { FieldCipher } from '../shared/field-cipher';
import { isSubscribable, type SubscribableEvent } from './catalogue';
import { newSecret } from './signing';

/*
 * An organisation's endpoints: where its events go, which ones, and the signing secret (shown once,
 * stored encrypted). Managed by owners in the dashboard (Pengaturan → Integrasi) and through
 * /api/v1/webhooks; every function is scoped to the organisation.
 */

export type Endpoint = typeof webhookEndpoints.$inferSelect;

/** Endpoints one organisation may have. */
export const MAX_ENDPOINTS = 10;
export const MAX_URL_LENGTH = 2000;
export const MAX_DESCRIPTION_LENGTH = 200;

export interface EndpointPolicy {
  /** Production: https only, and never a private or loopback address. */
  production: boolean;
}

export type UrlProblem = 'invalid' | 'scheme' | 'https' | 'private' | 'credentials';

export class EndpointError extends Error {
  constructor(
    readonly code: 'url' | 'events' | 'too_many' | 'not_found' | 'disabled' | 'redacted',
    readonly detail?: UrlProblem,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** Addresses a production server must not post to (a receiver is someone else's system on the internet). */
function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  if (host.includes(':')) {
    if (host === '::' || host === '::1') return true;
    // IPv4-mapped: the URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (mapped) {
      const [hi, lo] = [Number.parseInt(mapped[1]!, 16), Number.parseInt(mapped[2]!, 16)];
      return isPrivateHost(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    if (host.startsWith('::ffff:')) return isPrivateHost(host.slice(7));
    return /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  }
  return false;
}

/** The URL as it will be stored, or what is wrong with it. */
export function checkUrl(value: string, policy: EndpointPolicy): { url: string } | { problem: UrlProblem } {
  const text = value.trim();
  if (!text || text.length > MAX_URL_LENGTH) return { problem: 'invalid' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'scheme' };
  if (url.username || url.password) return { problem: 'credentials' };
  if (policy.production && url.protocol !== 'https:') return { problem: 'https' };
  if (policy.production && isPrivateHost(url.hostname)) return { problem: 'private' };
  return { url: url.toString() };
}

export interface EndpointInput {
  url: string;
  events: readonly string[];
  description?: string | null;
}

function checked(input: Partial<EndpointInput>, policy: EndpointPolicy) {
  const out: { url?: string; events?: SubscribableEvent[]; description?: string | null } = {};
  if (input.url !== undefined) {
    const result = checkUrl(input.url, policy);
    if ('problem' in result) throw new EndpointError('url', result.problem);
    out.url = result.url;
  }
  if (input.events !== undefined) {
    const events = [...new Set(input.events)].filter(isSubscribable);
    if (events.length === 0 || events.length !== new Set(input.events).size)
      throw new EndpointError('events');
    out.events = events;
  }
  if (input.description !== undefined)
    out.description = input.description?.trim().slice(0, MAX_DESCRIPTION_LENGTH) || null;
  return out;
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** A new endpoint and its secret — returned this once, stored only encrypted. */
export async function createEndpoint(
  db: Queryable,
  cipher: FieldCipher,
  organisationId: string,
  input: EndpointInput,
  policy: EndpointPolicy,
): Promise<{ endpoint: Endpoint; secret: string }> {
  const values = checked(input, policy);
  const [count] = rowsOf<{ n: number | string }>(
    await db.execute(
      sql`select count(*) as n from webhook_endpoints where organisation_id = ${organisationId}`,
    ),
  );
  if (Number(count?.n ?? 0) >= MAX_ENDPOINTS) throw new EndpointError('too_many');
  const secret = newSecret();
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({
      organisationId,
      url: values.url!,
      events: values.events!,
      description: values.description ?? null,
      secretCipher: cipher.encrypt(secret),
    })
    .returning();
  return { endpoint: endpoint!, secret };
}

export async function listEndpoints(db: Queryable, organisationId: string): Promise<Endpoint[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organisationId, organisationId))
    .orderBy(asc(webhookEndpoints.createdAt));
}

export async function getEndpoint(
  db: Queryable,
  organisationId: string,
  id: string,
): Promise<Endpoint | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organisationId, organisationId)));
  return row;
}

async function required(db: Queryable, organisationId: string, id: string): Promise<Endpoint> {
  const endpoint = await getEndpoint(db, organisationId, id);
  if (!endpoint) throw new EndpointError('not_found');
  return endpoint;
}

export async function updateEndpoint(
  db: Queryable,
  organisationId: string,
  id: string,
  patch: Partial<EndpointInput>,
  policy: EndpointPolicy,
): Promise<Endpoint> {
  await required(db, organisationId, id);
  const values = checked(patch, policy);
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organisationId, organisationId)))
    .returning();
  return row!;
}

/**
 * Turns an endpoint on or off. On: a fresh start (failures forgotten, due at once). Off by an owner: its
 * queue waits (new events are not queued while it is off) and goes out when it is turned on again.
 */
export async function setEnabled(
  db: Queryable,
  organisationId: string,
  id: string,
  enabled: boolean,
): Promise<Endpoint> {
  await required(db, organisationId, id);
  const [row] = await db
    .update(webhookEndpoints)
    .set(
      enabled
        ? {
            enabled: true,
            disabledAt: null,
            disabledReason: null,
            disabledNotice: false,
            failures: 0,
            failingSince: null,
            retryAt: null,
            updatedAt: sql`now()`,
          }
        : {
            enabled: false,
            disabledAt: sql`now()`,
            disabledReason: 'owner',
            disabledNotice: false,
            updatedAt: sql`now()`,
          },
    )
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organisationId, organisationId)))
    .returning();
  return row!;
}

export async function deleteEndpoint(db: Queryable, organisationId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organisationId, organisationId)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** A new secret (the old one stops at once); returned this once. */
export async function rotateSecret(
  db: Queryable,
  cipher: FieldCipher,
  organisationId: string,
  id: string,
): Promise<string> {
  await required(db, organisationId, id);
  const secret = newSecret();
  await db
    .update(webhookEndpoints)
    .set({ secretCipher: cipher.encrypt(secret), updatedAt: sql`now()` })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organisationId, organisationId)));
  return secret;
}

/** Endpoints the dispatcher disabled whose reason no owner has seen yet (the dashboard's banner). */
export async function disabledNotices(
  db: Queryable,
  organisationId: string,
): Promise<Array<Pick<Endpoint, 'id' | 'url' | 'disabledReason' | 'disabledAt' | 'lastError'>>> {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      disabledReason: webhookEndpoints.disabledReason,
      disabledAt: webhookEndpoints.disabledAt,
      lastError: webhookEndpoints.lastError,
    })
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.organisationId, organisationId), eq(webhookEndpoints.disabledNotice, true)),
    )
    .limit(5);
}

/** An owner opened the endpoint: the banner about it goes. */
export async function acknowledgeNotice(db: Queryable, organisationId: string, id: string): Promise<void> {
  await db
    .update(webhookEndpoints)
    .set({ disabledNotice: false })
    .where(
      and(
        eq(webhookEndpoints.id, id),
        eq(webhookEndpoints.organisationId, organisationId),
        eq(webhookEndpoints.disabledNotice, true),
      ),
    );
}

/** Queued deliveries per endpoint of the organisation (the list page). */
export async function queuedCounts(db: Queryable, organisationId: string): Promise<Map<string, number>> {
  const rows = rowsOf<{ endpoint_id: string; n: number | string }>(
    await db.execute(sql`
      select d.endpoint_id, count(*) as n from ${webhookDeliveries} d
      join ${webhookEndpoints} e on e.id = d.endpoint_id
      where e.organisation_id = ${organisationId} and d.status = 'pending'
      group by d.endpoint_id`),
  );
  return new Map(rows.map((r) => [r.endpoint_id, Number(r.n)]));
}
