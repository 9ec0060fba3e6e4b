import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organisationMembers } from '../db/schema';
import { setPassword } from '../organisations/accounts/login';
import { addMember, createOrganisation, findOrganisation } from '../organisations/service';

export const DEMO_STAFF = { email: 'petugas@demo.jembatan', password: 'jembatan-demo' } as const;

/**
 * The local demo (embedded database, no public address): an owner account on the default desk so a
 * newcomer can open /admin and answer their own chat. Never called for a real Postgres or a public server.
 */
export async function seedDemoStaff(db: Db, organisationSlug: string): Promise<boolean> {
  const organisation =
    (await findOrganisation(db, organisationSlug)) ??
    (await createOrganisation(db, { name: 'Jembatan (demo)', slug: organisationSlug }));
  const [existing] = await db
    .select({ id: organisationMembers.id })
    .from(organisationMembers)
    .where(eq(organisationMembers.organisationId, organisation.id))
    .limit(1);
  if (existing) return false;
  const member = await addMember(db, organisation.id, {
    name: 'Petugas Demo',
    email: DEMO_STAFF.email,
    role: 'owner',
  });
  await setPassword(db, member.id, DEMO_STAFF.password);
  return true;
}
