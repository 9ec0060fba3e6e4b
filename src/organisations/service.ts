import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { apiTokens, handoffs, type OrganisationRole, organisationMembers, organisations } from '../db/schema';
import { slugify } from '../shared/text/normalise';
import { generateToken, hashToken } from './tokens';

/*
 * Organisations, their members and API tokens (issue #7). Used by the CLI (`npm run org`) and the
 * API's authentication. An organisation is known to the catalogue by its slug
 * (`application.organisation` of its programmes).
 */

export const ROLES = ['owner', 'staff', 'viewer'] as const satisfies readonly OrganisationRole[];
export const ORGANISATION_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Organisation = typeof organisations.$inferSelect;
export type Member = typeof organisationMembers.$inferSelect;

export class OrganisationError extends Error {
  constructor(
    readonly code: 'exists' | 'not_found' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

export async function createOrganisation(
  db: Queryable,
  input: { name: string; slug?: string },
): Promise<Organisation> {
  const name = input.name.trim();
  if (!name) throw new OrganisationError('invalid', 'the organisation needs a name');
  const slug = input.slug?.trim() || slugify(name);
  if (!ORGANISATION_SLUG.test(slug) || slug.length < 2)
    throw new OrganisationError('invalid', `"${slug}" is not a valid slug (a-z, 0-9 and -)`);
  const [created] = await db
    .insert(organisations)
    .values({ name, slug })
    .onConflictDoNothing({ target: organisations.slug })
    .returning();
  if (!created) throw new OrganisationError('exists', `an organisation with slug "${slug}" exists already`);
  return created;
}

/** By slug or id. */
export async function findOrganisation(db: Queryable, key: string): Promise<Organisation | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key);
  const [row] = await db
    .select()
    .from(organisations)
    .where(isUuid ? or(eq(organisations.id, key), eq(organisations.slug, key)) : eq(organisations.slug, key));
  return row;
}

export async function requireOrganisation(db: Queryable, key: string): Promise<Organisation> {
  const organisation = await findOrganisation(db, key);
  if (!organisation) throw new OrganisationError('not_found', `no organisation "${key}"`);
  return organisation;
}

export async function listOrganisations(db: Queryable): Promise<Organisation[]> {
  return db.select().from(organisations).orderBy(asc(organisations.slug));
}

export async function addMember(
  db: Queryable,
  organisationId: string,
  input: { name: string; email?: string; role: OrganisationRole },
): Promise<Member> {
  const email = input.email?.trim().toLowerCase() || null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new OrganisationError('invalid', 'not an email address');
  const [member] = await db
    .insert(organisationMembers)
    .values({ organisationId, name: input.name.trim(), email, role: input.role })
    .onConflictDoUpdate({
      target: [organisationMembers.organisationId, organisationMembers.email],
      set: { name: input.name.trim(), role: input.role },
    })
    .returning();
  return member!;
}

export async function listMembers(db: Queryable, organisationId: string): Promise<Member[]> {
  return db
    .select()
    .from(organisationMembers)
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(asc(organisationMembers.createdAt));
}

/** By id or email; their tokens are revoked with them and their open conversations go back to the queue. */
export async function removeMember(db: Queryable, organisationId: string, key: string): Promise<boolean> {
  const members = await listMembers(db, organisationId);
  const member = members.find((m) => m.id === key || m.email === key.toLowerCase());
  if (!member) return false;
  await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.memberId, member.id), isNull(apiTokens.revokedAt)));
  // Conversations they were handling go back to the queue rather than waiting for someone who left.
  await db
    .update(handoffs)
    .set({ assignedTo: null, status: 'waiting' })
    .where(and(eq(handoffs.assignedTo, member.id), inArray(handoffs.status, ['waiting', 'active'])));
  await db.delete(organisationMembers).where(eq(organisationMembers.id, member.id));
  return true;
}

export interface CreatedToken {
  id: string;
  /** The secret: shown once. */
  token: string;
  prefix: string;
  role: OrganisationRole;
}

/** A token for the organisation; one made for a member acts with the member's role. */
export async function createToken(
  db: Queryable,
  organisationId: string,
  input: { name?: string; role?: OrganisationRole; memberId?: string } = {},
): Promise<CreatedToken> {
  let role: OrganisationRole = input.role ?? 'staff';
  if (input.memberId) {
    const [member] = await db
      .select()
      .from(organisationMembers)
      .where(
        and(
          eq(organisationMembers.id, input.memberId),
          eq(organisationMembers.organisationId, organisationId),
        ),
      );
    if (!member) throw new OrganisationError('not_found', 'no such member in this organisation');
    role = input.role ?? member.role;
  }
  const { token, hash, prefix } = generateToken();
  const [row] = await db
    .insert(apiTokens)
    .values({
      organisationId,
      memberId: input.memberId ?? null,
      name: input.name?.trim() || 'api',
      role,
      tokenHash: hash,
      prefix,
    })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token, prefix, role };
}

export async function listTokens(db: Queryable, organisationId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      prefix: apiTokens.prefix,
      memberId: apiTokens.memberId,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.organisationId, organisationId))
    .orderBy(asc(apiTokens.createdAt));
}

export async function revokeToken(db: Queryable, tokenId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(tokenId)) return false;
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length > 0;
}

export interface Principal {
  tokenId: string;
  role: OrganisationRole;
  organisation: { id: string; slug: string; name: string };
}

/**
 * The organisation and role behind a bearer token, or undefined (unknown or revoked). Stamps
 * `last_used_at`, at most once a minute per token so the API does not write on every request, by the
 * caller's clock (`now`, src/shared/clock.ts).
 */
export async function authenticate(
  db: Queryable,
  token: string,
  now: Date = new Date(),
): Promise<Principal | undefined> {
  if (!token || token.length > 200) return undefined;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      role: apiTokens.role,
      lastUsedAt: apiTokens.lastUsedAt,
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  return {
    tokenId: row.tokenId,
    role: row.role,
    organisation: { id: row.id, slug: row.slug, name: row.name },
  };
}

/*
 * Member management for the dashboard's settings (issue #8). Every function is scoped to one
 * organisation, so an id from another organisation is simply not found.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One member of the organisation by id; undefined for another organisation's member or a malformed id. */
export async function getMember(
  db: Queryable,
  organisationId: string,
  memberId: string,
): Promise<Member | undefined> {
  if (!UUID.test(memberId)) return undefined;
  const [member] = await db
    .select()
    .from(organisationMembers)
    .where(and(eq(organisationMembers.id, memberId), eq(organisationMembers.organisationId, organisationId)));
  return member;
}

/**
 * A new member, or undefined when the email is already one of the organisation's (unlike `addMember`,
 * which updates that member: the dashboard must not silently change someone else's account).
 */
export async function createMember(
  db: Queryable,
  organisationId: string,
  input: { name: string; email: string; role: OrganisationRole },
): Promise<Member | undefined> {
  const email = input.email.trim().toLowerCase();
  const [existing] = await db
    .select({ id: organisationMembers.id })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        sql`lower(${organisationMembers.email}) = ${email}`,
      ),
    );
  if (existing) return undefined;
  const [member] = await db
    .insert(organisationMembers)
    .values({ organisationId, name: input.name.trim(), email, role: input.role })
    .onConflictDoNothing({ target: [organisationMembers.organisationId, organisationMembers.email] })
    .returning();
  return member;
}

export type MemberChange = 'done' | 'not_found' | 'last_owner';

/**
 * Runs a change to a member with the organisation's row locked, so two owners demoting or removing
 * each other at the same moment cannot leave the organisation without an owner.
 */
async function withOwnersLocked(
  db: Queryable,
  organisationId: string,
  memberId: string,
  change: (tx: Queryable, member: Member, owners: number) => Promise<MemberChange>,
): Promise<MemberChange> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
      .for('update');
    const member = await getMember(tx, organisationId, memberId);
    if (!member) return 'not_found';
    const [row] = await tx
      .select({ owners: sql<number>`count(*)::int` })
      .from(organisationMembers)
      .where(
        and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.role, 'owner')),
      );
    return change(tx, member, row?.owners ?? 0);
  });
}

/** Changes a member's role; refused when it would take away the organisation's last owner. */
export function changeMemberRole(
  db: Queryable,
  organisationId: string,
  memberId: string,
  role: OrganisationRole,
): Promise<MemberChange> {
  return withOwnersLocked(db, organisationId, memberId, async (tx, member, owners) => {
    if (member.role === 'owner' && role !== 'owner' && owners <= 1) return 'last_owner';
    await tx.update(organisationMembers).set({ role }).where(eq(organisationMembers.id, member.id));
    return 'done';
  });
}

/**
 * Removes a member (their API tokens revoked by `removeMember`; their dashboard sessions go with the
 * row, `staff_sessions.member_id` cascades); refused for the organisation's last owner.
 */
export function removeMemberKeepingOwner(
  db: Queryable,
  organisationId: string,
  memberId: string,
): Promise<MemberChange> {
  return withOwnersLocked(db, organisationId, memberId, async (tx, member, owners) => {
    if (member.role === 'owner' && owners <= 1) return 'last_owner';
    return (await removeMember(tx, organisationId, member.id)) ? 'done' : 'not_found';
  });
}

/** Bounds of the inbox alert: a minute to a day. */
export const SLA_MINUTES = { min: 1, max: 1440 } as const;

/** An organisation's office hours (`1-5 08:00-16:00`, checked by the caller), or null for the server's. */
export async function setOfficeHours(
  db: Queryable,
  organisationId: string,
  hours: string | null,
): Promise<void> {
  await db.update(organisations).set({ officeHours: hours }).where(eq(organisations.id, organisationId));
}

/** How long a person may wait in the inbox before the dashboard raises an alert. */
export async function setSlaMinutes(db: Queryable, organisationId: string, minutes: number): Promise<void> {
  if (!Number.isInteger(minutes) || minutes < SLA_MINUTES.min || minutes > SLA_MINUTES.max)
    throw new OrganisationError('invalid', `the SLA must be ${SLA_MINUTES.min}–${SLA_MINUTES.max} minutes`);
  await db.update(organisations).set({ slaMinutes: minutes }).where(eq(organisations.id, organisationId));
}
