import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows';
import { identities, messages, personalDataLog, profiles, staffSessions, users } from '../../src/db/schema';
import { silentLogger } from '../../src/logger';
import { createSession, loadSession } from '../../src/organisations/accounts/sessions';
import { PrivacyJobs, runPrivacyMaintenance } from '../../src/privacy/jobs';
import { subjectHash } from '../../src/privacy/log';
import { createStaff } from '../helpers/admin';
import { loadCatalogue } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { bornAgo, CATALOGUE, findEverywhere, personWithProfile } from './helpers';

let h: Harness;
let nextPerson = 7_340_000_000;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, CATALOGUE);
});
afterAll(async () => {
  await h.close();
});

async function userIdOf(telegramId: number): Promise<string | undefined> {
  const [row] = await h.runtime.db
    .select({ userId: identities.userId })
    .from(identities)
    .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, String(telegramId))));
  return row?.userId;
}

const statuses = async (userId: string) =>
  (
    await h.runtime.db.select({ status: messages.status }).from(messages).where(eq(messages.userId, userId))
  ).map((m) => m.status);

describe('retention: the purge job with a fake clock', () => {
  it('drops old messages after MESSAGE_RETENTION_DAYS and erases people inactive for RETENTION_DAYS', async () => {
    const db = h.runtime.db;
    const t0 = Date.now();
    let now = t0;
    const jobs = new PrivacyJobs({
      db,
      logger: silentLogger,
      retentionDays: 730,
      messageRetentionDays: 365,
      clock: () => new Date(now),
    });

    const gone = { id: nextPerson++, firstName: 'Safitri' };
    const stays = { id: nextPerson++, firstName: 'Maharani' };
    await personWithProfile(h, conversation(h, gone), bornAgo(24));
    await personWithProfile(h, conversation(h, stays), bornAgo(26));
    await h.runtime.marker.flush();
    const goneId = (await userIdOf(gone.id))!;
    const staysId = (await userIdOf(stays.id))!;
    // A reminder of a saved programme still to be sent, written long ago: it is not history, it stays.
    const [reminder] = await db
      .insert(messages)
      .values({
        userId: staysId,
        channel: 'telegram',
        direction: 'out',
        origin: 'reminder',
        body: { type: 'text', text: 'Pengingat' },
        status: 'pending',
        availableAt: new Date(t0 + 500 * DAY),
      })
      .returning({ id: messages.id });
    // A delivered export file: its contents go at the first purge.
    await db.insert(messages).values({
      userId: staysId,
      channel: 'telegram',
      direction: 'out',
      body: { type: 'document', fileName: 'data.json', mimeType: 'application/json', data: 'eyJ4IjoxfQ==' },
      status: 'sent',
    });

    // Day 0: the first tick purges nothing that is not due.
    const first = await jobs.tick();
    expect(first.purged).toEqual({ people: 0, messages: 0, files: 1 });
    expect((await statuses(goneId)).length).toBeGreaterThan(10);

    // An hour later the daily purge does not run again.
    now = t0 + 3_600_000;
    expect((await jobs.tick()).purged).toBeUndefined();

    // Day 400: everyone's messages are older than 365 days; nobody has been away 730 days.
    now = t0 + 400 * DAY;
    const day400 = await jobs.tick();
    expect(day400.purged!.people).toBe(0);
    expect(day400.purged!.messages).toBeGreaterThan(10);
    // What is left is only what is still to be sent: reminders of the saved programme.
    expect(new Set(await statuses(goneId))).toEqual(new Set(['pending']));
    expect(new Set(await statuses(staysId))).toEqual(new Set(['pending']));
    const kept = await db.select({ id: messages.id }).from(messages).where(eq(messages.id, reminder!.id));
    expect(kept).toHaveLength(1);
    expect(await db.select().from(profiles).where(eq(profiles.userId, goneId))).toHaveLength(1);

    // Maharani came back on day 700; Safitri never did.
    await db
      .update(users)
      .set({ lastActiveAt: new Date(t0 + 700 * DAY) })
      .where(eq(users.id, staysId));

    // Day 731: Safitri has been inactive for more than 730 days and is erased like /hapus_data would.
    now = t0 + 731 * DAY;
    const day731 = await jobs.tick();
    expect(day731.purged!.people).toBe(1);
    expect(await userIdOf(gone.id)).toBeUndefined();
    expect(await db.select().from(users).where(eq(users.id, goneId))).toEqual([]);
    expect(await findEverywhere(db, [gone.firstName, String(gone.id), goneId])).toEqual([]);
    expect(await userIdOf(stays.id)).toBe(staysId);
    expect(await db.select().from(profiles).where(eq(profiles.userId, staysId))).toHaveLength(1);

    // The log: the person's erasure by the system (hashed), and bulk purges with counts only.
    const entries = await db.select().from(personalDataLog).where(eq(personalDataLog.action, 'purge'));
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor: 'system',
        subjectHash: subjectHash(goneId),
        subjectUserId: null,
        detail: expect.objectContaining({ reason: 'retention', retentionDays: 730 }),
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor: 'system',
        subjectHash: null,
        detail: expect.objectContaining({ messages: day400.purged!.messages, messageRetentionDays: 365 }),
      }),
    );
    const file = rowsOf<{ body: Record<string, unknown> }>(
      await db.execute(sql`select body from messages where body->>'fileName' = 'data.json'`),
    );
    expect(file).toEqual([]); // deleted with the rest of the old messages by day 400
  });

  it('an expired message with a file staff sent takes the stored file with it', async () => {
    const db = h.runtime.db;
    const [person] = await db.insert(users).values({ displayName: 'Lestari' }).returning({ id: users.id });
    const file = (name: string, daysAgo: number) => ({
      userId: person!.id,
      channel: 'telegram' as const,
      direction: 'out' as const,
      origin: 'staff' as const,
      body: {
        type: 'file',
        media: 'document',
        key: `staff-files/${person!.id}/${name}`,
        fileName: name,
        mimeType: 'application/pdf',
        size: 10,
      },
      status: 'sent' as const,
      createdAt: new Date(Date.now() - daysAgo * DAY),
    });
    // A programme's brochure the bot sent (issue #20, point 8) is shared: its message goes, the file stays.
    const brochure = {
      ...file('brosur.jpg', 400),
      origin: 'bot' as const,
      body: { ...file('brosur.jpg', 400).body, key: 'brochures/0b4e7c2a-1111-4222-8333-444455556666.jpg' },
    };
    await db.insert(messages).values([file('lama.pdf', 400), file('baru.pdf', 3), brochure]);
    const deleted: string[] = [];
    const storage = {
      put: async () => {},
      get: async () => undefined,
      delete: async (key: string) => {
        deleted.push(key);
      },
      deletePrefix: async () => {},
    };
    const result = await runPrivacyMaintenance(db, {
      retentionDays: 730,
      messageRetentionDays: 365,
      storage,
    });
    expect(deleted).toEqual([`staff-files/${person!.id}/lama.pdf`]);
    expect(result.purged!.files).toBeGreaterThanOrEqual(1);
    const left = await db
      .select({ body: messages.body })
      .from(messages)
      .where(eq(messages.userId, person!.id));
    expect(left.map((m) => (m.body as { fileName: string }).fileName)).toEqual(['baru.pdf']);
  });

  it('the CLI run counts without changing anything in a dry run', async () => {
    const db = h.runtime.db;
    const p = { id: nextPerson++, firstName: 'Melati' };
    await conversation(h, p).say('/start');
    const id = (await userIdOf(p.id))!;
    const future = new Date(Date.now() + 800 * DAY);
    const dry = await runPrivacyMaintenance(db, {
      retentionDays: 730,
      messageRetentionDays: 365,
      now: future,
      dryRun: true,
    });
    expect(dry.purged!.people).toBeGreaterThanOrEqual(1);
    expect(await userIdOf(p.id)).toBe(id);
    const real = await runPrivacyMaintenance(db, {
      retentionDays: 730,
      messageRetentionDays: 365,
      now: future,
    });
    expect(real.purged!.people).toBe(dry.purged!.people);
    expect(await userIdOf(p.id)).toBeUndefined();
  });

  it('deletes expired staff sessions with the purge, in the Node job and in the cron run, and keeps live ones', async () => {
    const db = h.runtime.db;
    const { member } = await createStaff(db, { organisation: 'retensi', email: 'sesi@retensi.test' });
    const expire = async (token: string) => {
      const session = await loadSession(db, token);
      await db
        .update(staffSessions)
        .set({ expiresAt: sql`now() - interval '1 minute'` })
        .where(eq(staffSessions.tokenHash, session!.tokenHash));
    };
    const sessionsLeft = async () =>
      (await db.select().from(staffSessions).where(eq(staffSessions.memberId, member.id))).length;

    const live = await createSession(db, member.id);
    await expire((await createSession(db, member.id)).token);
    expect(await sessionsLeft()).toBe(2);
    const jobs = new PrivacyJobs({ db, logger: silentLogger, retentionDays: 730, messageRetentionDays: 365 });
    expect((await jobs.tick()).staffSessions).toBe(1);
    expect(await sessionsLeft()).toBe(1);
    expect(await loadSession(db, live.token)).toBeDefined();

    await expire((await createSession(db, member.id)).token);
    const dry = await runPrivacyMaintenance(db, {
      retentionDays: 730,
      messageRetentionDays: 365,
      dryRun: true,
    });
    expect(dry.staffSessions).toBeUndefined();
    expect(await sessionsLeft()).toBe(2);
    const cron = await runPrivacyMaintenance(db, { retentionDays: 730, messageRetentionDays: 365 });
    expect(cron.staffSessions).toBe(1);
    expect(await sessionsLeft()).toBe(1);
    expect(await loadSession(db, live.token)).toBeDefined();
  });
});
