import { and, eq, sql } from 'drizzle-orm';
import type { ProgrammeQuery } from '../../catalogue/search';
import type { Queryable } from '../../db/client';
import { identities, messages, programmeAlerts, savedProgrammes } from '../../db/schema';
import type { Outbound } from '../../shared/conversation';

/** Reminder days before registration closes, sent at 09:00 WIB (02:00 UTC). */
export const REMINDER_DAYS = [3, 1] as const;

export async function isSaved(db: Queryable, userId: string, programmeId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: savedProgrammes.programmeId })
    .from(savedProgrammes)
    .where(and(eq(savedProgrammes.userId, userId), eq(savedProgrammes.programmeId, programmeId)));
  return row !== undefined;
}

/**
 * Saves a programme and schedules its reminders as outbox rows that become due on the day: the
 * dispatcher sends them like any other message, so a restart loses none and sends none twice.
 */
export async function saveProgramme(
  db: Queryable,
  input: {
    userId: string;
    programmeId: string;
    slug: string;
    closes: string | undefined;
    identityId: string | undefined;
    channel: string;
    reminder: (daysLeft: number) => Outbound;
    /** The turn's clock: reminders already past are not planned. */
    now: Date;
  },
): Promise<void> {
  await db
    .insert(savedProgrammes)
    .values({ userId: input.userId, programmeId: input.programmeId })
    .onConflictDoNothing();
  if (!input.closes || !input.identityId) return;
  const closes = new Date(`${input.closes}T02:00:00Z`);
  const rows = REMINDER_DAYS.map((days) => ({ days, at: new Date(closes.getTime() - days * 86_400_000) }))
    .filter((r) => r.at > input.now)
    .map((r) => ({
      userId: input.userId,
      identityId: input.identityId!,
      channel: input.channel as 'telegram',
      direction: 'out' as const,
      origin: reminderOrigin(input.slug),
      body: input.reminder(r.days),
      status: 'pending',
      availableAt: r.at,
    }));
  if (rows.length) await db.insert(messages).values(rows);
}

export async function unsaveProgramme(
  db: Queryable,
  userId: string,
  programmeId: string,
  slug: string,
): Promise<void> {
  await db
    .delete(savedProgrammes)
    .where(and(eq(savedProgrammes.userId, userId), eq(savedProgrammes.programmeId, programmeId)));
  await db
    .delete(messages)
    .where(
      and(
        eq(messages.userId, userId),
        eq(messages.origin, reminderOrigin(slug)),
        eq(messages.status, 'pending'),
      ),
    );
}

function reminderOrigin(slug: string): string {
  return `reminder:${slug}`;
}

/** The identity a person last wrote from: reminders and notices go there. */
export async function latestIdentity(
  db: Queryable,
  userId: string,
): Promise<{ id: string; channel: string } | undefined> {
  const [row] = await db
    .select({ id: identities.id, channel: identities.channel })
    .from(identities)
    .where(and(eq(identities.userId, userId), eq(identities.unreachable, false)))
    .orderBy(sql`${identities.lastSeenAt} desc`)
    .limit(1);
  return row;
}

export async function addAlert(db: Queryable, userId: string, query: ProgrammeQuery): Promise<void> {
  await db.insert(programmeAlerts).values({ userId, query });
}

export async function countAlerts(db: Queryable, userId: string): Promise<number> {
  const rows = await db
    .select({ id: programmeAlerts.id })
    .from(programmeAlerts)
    .where(and(eq(programmeAlerts.userId, userId), eq(programmeAlerts.active, true)));
  return rows.length;
}
