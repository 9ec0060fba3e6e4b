import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { handoffs, organisationMembers } from '../db/schema';
import { isUuid } from './inbox';
import { type Handoff, OPEN_STATUSES } from './service';

/** Members who may answer handoffs: owners and staff (viewers only read). */
export async function assignableMembers(
  db: Queryable,
  organisationId: string,
): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: organisationMembers.id, name: organisationMembers.name })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        inArray(organisationMembers.role, ['owner', 'staff']),
      ),
    )
    .orderBy(asc(organisationMembers.name));
}

export class AssignError extends Error {
  constructor(readonly code: 'not_member' | 'closed') {
    super(code);
  }
}

/**
 * Hands an open handoff to another owner or staff member of the same organisation. It counts as
 * claimed (status active), so it leaves the "waiting" tab and shows in their "mine".
 */
export async function assignHandoff(
  db: Queryable,
  input: { id: string; organisationSlug: string; organisationId: string; memberId: string },
): Promise<Handoff> {
  if (!isUuid(input.memberId)) throw new AssignError('not_member');
  const [member] = await db
    .select({ id: organisationMembers.id })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.id, input.memberId),
        eq(organisationMembers.organisationId, input.organisationId),
        inArray(organisationMembers.role, ['owner', 'staff']),
      ),
    );
  if (!member) throw new AssignError('not_member');
  const [row] = await db
    .update(handoffs)
    .set({
      status: 'active',
      assignedTo: member.id,
      claimedAt: sql`coalesce(${handoffs.claimedAt}, now())`,
    })
    .where(
      and(
        eq(handoffs.id, input.id),
        eq(handoffs.organisation, input.organisationSlug),
        inArray(handoffs.status, [...OPEN_STATUSES]),
      ),
    )
    .returning();
  if (!row) throw new AssignError('closed');
  return row;
}
