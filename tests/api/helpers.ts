import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import type { OrganisationRole } from '../../src/db/schema';
import { applications, handoffs, identities, programmes, users } from '../../src/db/schema';
import { createOrganisation, createToken } from '../../src/organisations/service';
import type { Harness } from '../helpers/harness';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers read loosely in tests
  json: any;
}

/** Calls the organisation API of the harness's app. */
export async function call(
  h: Harness,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = contentType;
  const res = await h.runtime.app.request(`/api/v1${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export interface TestOrganisation {
  id: string;
  slug: string;
  name: string;
  token: string;
  viewer: string;
}

export async function organisation(db: Db, name: string, slug: string): Promise<TestOrganisation> {
  const org = await createOrganisation(db, { name, slug });
  const staff = await createToken(db, org.id, { name: 'tests', role: 'staff' as OrganisationRole });
  const viewer = await createToken(db, org.id, { name: 'viewer', role: 'viewer' });
  return { id: org.id, slug: org.slug, name: org.name, token: staff.token, viewer: viewer.token };
}

/** A person straight in the database (no conversation): a user, a Telegram identity, a profile. */
export async function person(
  db: Db,
  chatId: number,
  options: { profile?: Record<string, unknown>; locale?: string; subscribed?: boolean } = {},
): Promise<{ userId: string; identityId: string }> {
  const [user] = await db
    .insert(users)
    .values({ locale: options.locale ?? 'id', displayName: `P${chatId}` })
    .returning({ id: users.id });
  const [identity] = await db
    .insert(identities)
    .values({ userId: user!.id, channel: 'telegram', externalId: String(chatId), address: String(chatId) })
    .returning({ id: identities.id });
  if (options.profile)
    await db.execute(
      sql`insert into profiles (user_id, data) values (${user!.id}, ${JSON.stringify(options.profile)}::jsonb)`,
    );
  if (options.subscribed !== false)
    await db.execute(sql`insert into subscriptions (user_id) values (${user!.id}) on conflict do nothing`);
  return { userId: user!.id, identityId: identity!.id };
}

/** A submitted application, written directly (the chat form is issue #5's tests). */
export async function submittedApplication(
  db: Db,
  userId: string,
  programmeSlug: string,
  reference: string,
  extra: { gender?: string; status?: string; submittedAt?: Date } = {},
): Promise<string> {
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.slug, programmeSlug));
  const [row] = await db
    .insert(applications)
    .values({
      userId,
      programmeId: programme!.id,
      status: (extra.status ?? 'diajukan') as 'diajukan',
      reference,
      seat: 'general',
      fullName: 'Sari Test',
      phone: '+6281234567890',
      gender: extra.gender ?? 'perempuan',
      province: '35',
      submittedAt: extra.submittedAt ?? new Date(),
      channel: 'telegram',
    })
    .returning({ id: applications.id });
  return row!.id;
}

export async function handoff(db: Db, userId: string, organisation: string): Promise<string> {
  const [row] = await db
    .insert(handoffs)
    .values({ userId, organisation, status: 'waiting', reason: 'asked' })
    .returning({ id: handoffs.id });
  return row!.id;
}
