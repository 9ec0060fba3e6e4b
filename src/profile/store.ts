import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { profiles, type StoredProfile } from '../db/schema';

export async function loadProfile(db: Queryable, userId: string): Promise<StoredProfile> {
  const [row] = await db.select({ data: profiles.data }).from(profiles).where(eq(profiles.userId, userId));
  return row?.data ?? {};
}

export async function saveProfile(db: Queryable, userId: string, data: StoredProfile): Promise<void> {
  await db
    .insert(profiles)
    .values({ userId, data })
    .onConflictDoUpdate({ target: profiles.userId, set: { data, updatedAt: sql`now()` } });
}

export async function deleteProfile(db: Queryable, userId: string): Promise<void> {
  await db.delete(profiles).where(eq(profiles.userId, userId));
}
