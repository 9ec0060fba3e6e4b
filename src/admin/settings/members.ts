import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { handoffs, type OrganisationRole, organisationMembers } from '../../db/schema';
import { OPEN_STATUSES } from '../../handoff/service';
import { oneTimeColumns, setPassword } from '../../organisations/accounts/login';
import { hashPassword } from '../../organisations/accounts/passwords';
import { createMember, getMember, listMembers, type Member } from '../../organisations/service';
import { oneTimePassword } from './one-time-password';

/*
 * What the settings pages do with members, on top of the organisations service: accounts created or
 * reset with a one-time password (returned once, to be shown once, never stored in clear or logged).
 */

/** A member as the settings pages show them: never the password hash. */
export interface MemberRow {
  id: string;
  name: string;
  email: string | null;
  role: OrganisationRole;
  hasPassword: boolean;
  lastLoginAt: Date | null;
  /** Only while the lock holds. */
  lockedUntil: Date | null;
}

export function memberRow(member: Member, now: Date = new Date()): MemberRow {
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    role: member.role,
    hasPassword: member.passwordHash !== null,
    lastLoginAt: member.lastLoginAt,
    lockedUntil: member.lockedUntil && member.lockedUntil > now ? member.lockedUntil : null,
  };
}

export async function memberRows(db: Queryable, organisationId: string): Promise<MemberRow[]> {
  const now = new Date();
  return (await listMembers(db, organisationId)).map((m) => memberRow(m, now));
}

export interface IssuedPassword {
  member: MemberRow;
  password: string;
}

/** A new member with a one-time password; undefined when the email is already in the organisation. */
export async function addMemberWithPassword(
  db: Db,
  organisationId: string,
  input: { name: string; email: string; role: OrganisationRole },
): Promise<IssuedPassword | undefined> {
  const password = oneTimePassword();
  // Hashed before the transaction: scrypt takes a while, and PGlite's one connection would wait on it.
  const passwordHash = await hashPassword(password);
  // One transaction: a member is never left behind without the password the owner was shown.
  return db.transaction(async (tx) => {
    const member = await createMember(tx, organisationId, input);
    if (!member) return undefined;
    await tx
      .update(organisationMembers)
      .set({ passwordHash, ...oneTimeColumns() })
      .where(eq(organisationMembers.id, member.id));
    return { member: memberRow({ ...member, passwordHash }), password };
  });
}

/**
 * A new one-time password for a member of the organisation: their sessions end and a lock from failed
 * logins is lifted (`setPassword` does both). Undefined for anyone outside the organisation.
 */
export async function resetMemberPassword(
  db: Queryable,
  organisationId: string,
  memberId: string,
): Promise<IssuedPassword | undefined> {
  const member = await getMember(db, organisationId, memberId);
  if (!member) return undefined;
  const password = oneTimePassword();
  await setPassword(db, member.id, password, { oneTime: true });
  return { member: memberRow({ ...member, lockedUntil: null }), password };
}

/** Conversations the member holds (waiting or active), so an owner reassigns them before removing. */
export async function openConversationsOf(db: Queryable, memberId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(handoffs)
    .where(and(eq(handoffs.assignedTo, memberId), inArray(handoffs.status, [...OPEN_STATUSES])));
  return row?.n ?? 0;
}
