import { and, asc, count, desc, eq, min, notInArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import {
  consents,
  conversations,
  identities,
  messages,
  type ProgrammeRow,
  personalDataLog,
  profiles,
  programmeAlerts,
  programmes,
  type StoredProfile,
  savedProgrammes,
  users,
} from '../../db/schema';
import { HOME_FLOW } from '../../engine/flow';
import type { FieldCipher } from '../../shared/field-cipher';
import type { PersonalDataSource } from '../registry';

/*
 * The core tables (src/db/schema/core.ts, profile.ts, discovery.ts) as personal-data sources. Their
 * readable descriptions live with the privacy feature (src/features/privacy/describe.ts).
 */

/** How many messages an export carries, newest first: enough for any real conversation, a file of reasonable size. */
export const EXPORT_MESSAGE_LIMIT = 500;

/** Outbound rows still waiting to go out: withdrawing consent keeps them (reminders of saved programmes). */
const UNSENT = ['pending', 'sending'];

export interface AccountExport {
  userId: string;
  displayName: string | null;
  locale: string;
  localeChosen: boolean;
  simpleText: boolean;
  broadcastsStopped: boolean;
  createdAt: string;
  lastActiveAt: string;
  channels: Array<{
    channel: string;
    externalId: string;
    address: string;
    unreachable: boolean;
    createdAt: string;
    lastSeenAt: string;
  }>;
  conversation: { flow: string; step: string; data: Record<string, unknown>; updatedAt: string } | null;
}

export interface ConsentExport {
  purpose: string;
  granted: boolean;
  noticeVersion: string;
  channel: string;
  at: string;
}

export interface ProfileExport {
  data: StoredProfile;
  updatedAt: string;
}

export interface MessagesExport {
  total: number;
  /** When the oldest kept message was written. */
  since: string | null;
  included: number;
  limit: number;
  /** Newest last. */
  items: Array<{
    at: string;
    direction: 'in' | 'out';
    channel: string;
    origin: string;
    status: string;
    body: Record<string, unknown>;
  }>;
}

export interface SavedExport {
  slug: string;
  title: { id: string; en?: string } | null;
  savedAt: string;
}

export interface AlertExport {
  query: Record<string, unknown>;
  active: boolean;
  createdAt: string;
  lastNotifiedAt: string | null;
}

const iso = (d: Date | string | null | undefined): string =>
  d instanceof Date ? d.toISOString() : d ? new Date(d).toISOString() : '';

/**
 * The person's own row, their channel addresses and the conversation state. Erasing it clears the name,
 * and detaches the channel addresses from the platform ids (`erased:<id>`), so that a new message from
 * the same account starts a new person at once while the last reply can still be delivered; the row
 * itself goes when the erasure finishes (src/privacy/erasure.ts).
 */
export const accountSource: PersonalDataSource = {
  name: 'account',
  tables: ['users', 'identities', 'conversations', 'pending_erasures'],
  async export(db, userId): Promise<AccountExport | null> {
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    if (!user) return null;
    const channels = await db
      .select()
      .from(identities)
      .where(eq(identities.userId, userId))
      .orderBy(asc(identities.createdAt));
    const [conversation] = await db.select().from(conversations).where(eq(conversations.userId, userId));
    return {
      userId: user.id,
      displayName: user.displayName,
      locale: user.locale,
      localeChosen: user.localeChosen,
      simpleText: user.simpleText,
      broadcastsStopped: user.broadcastsStopped,
      createdAt: iso(user.createdAt),
      lastActiveAt: iso(user.lastActiveAt),
      channels: channels.map((c) => ({
        channel: c.channel,
        externalId: c.externalId,
        address: c.address,
        ...(c.fullName ? { fullName: c.fullName } : {}),
        ...(c.handle ? { handle: c.handle } : {}),
        unreachable: c.unreachable,
        createdAt: iso(c.createdAt),
        lastSeenAt: iso(c.lastSeenAt),
      })),
      conversation: conversation
        ? {
            flow: conversation.state.flow,
            step: conversation.state.step,
            data: conversation.state.data,
            updatedAt: iso(conversation.updatedAt),
          }
        : null,
    };
  },
  async erase(db, userId) {
    await db.update(users).set({ displayName: null }).where(eq(users.id, userId));
    await db
      .update(identities)
      .set({ externalId: sql`'erased:' || ${identities.id}::text`, fullName: null, handle: null })
      .where(eq(identities.userId, userId));
    await db
      .update(conversations)
      .set({ state: { flow: HOME_FLOW, step: 'start', data: {} } })
      .where(eq(conversations.userId, userId));
  },
};

/** Consent decisions: evidence while the person exists; erased with them. */
export const consentsSource: PersonalDataSource = {
  name: 'consents',
  tables: ['consents'],
  async export(db, userId): Promise<ConsentExport[]> {
    const rows = await db
      .select()
      .from(consents)
      .where(eq(consents.userId, userId))
      .orderBy(asc(consents.id));
    return rows.map((r) => ({
      purpose: r.purpose,
      granted: r.granted,
      noticeVersion: r.noticeVersion,
      channel: r.channel,
      at: iso(r.createdAt),
    }));
  },
  async erase(db, userId) {
    await db.delete(consents).where(eq(consents.userId, userId));
  },
};

/** What the person told us about themselves (with the disability answer and programme answers). */
export const profileSource: PersonalDataSource = {
  name: 'profile',
  tables: ['profiles'],
  async export(db, userId): Promise<ProfileExport | null> {
    const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId));
    return row ? { data: row.data, updatedAt: iso(row.updatedAt) } : null;
  },
  async erase(db, userId) {
    await db.delete(profiles).where(eq(profiles.userId, userId));
  },
  async withdraw(db, userId) {
    await db.delete(profiles).where(eq(profiles.userId, userId));
  },
};

/**
 * The message log (what they wrote and what the bot answered): the newest EXPORT_MESSAGE_LIMIT. A message
 * whose stored text had a NIK masked is exported with the person's own words (`body` as they wrote it)
 * when a cipher is given (src/runtime.ts registers this source with it); without one, as stored.
 */
export function createMessagesSource(cipher?: Pick<FieldCipher, 'decrypt'>): PersonalDataSource {
  return { ...messagesSource, export: (db, userId) => exportMessages(db, userId, cipher) };
}

function ownWords(
  body: Record<string, unknown>,
  original: string | null,
  cipher?: Pick<FieldCipher, 'decrypt'>,
): Record<string, unknown> {
  if (!original || !cipher) return body;
  try {
    return { ...body, ...(JSON.parse(cipher.decrypt(original)) as Record<string, unknown>) };
  } catch {
    return body; // a key no longer held: the masked text is what there is
  }
}

async function exportMessages(
  db: Queryable,
  userId: string,
  cipher?: Pick<FieldCipher, 'decrypt'>,
): Promise<MessagesExport> {
  const [total] = await db
    .select({ n: count(), since: min(messages.createdAt) })
    .from(messages)
    .where(eq(messages.userId, userId));
  const rows = await db
    .select({
      createdAt: messages.createdAt,
      direction: messages.direction,
      channel: messages.channel,
      origin: messages.origin,
      status: messages.status,
      body: messages.body,
      original: messages.originalCipher,
    })
    .from(messages)
    .where(eq(messages.userId, userId))
    .orderBy(desc(messages.id))
    .limit(EXPORT_MESSAGE_LIMIT);
  return {
    total: Number(total?.n ?? 0),
    since: total?.since ? iso(total.since) : null,
    included: rows.length,
    limit: EXPORT_MESSAGE_LIMIT,
    items: rows.reverse().map((r) => ({
      at: iso(r.createdAt),
      direction: r.direction,
      channel: r.channel,
      origin: r.origin,
      status: r.status,
      body: withoutFileData(ownWords(r.body as Record<string, unknown>, r.original, cipher)),
    })),
  };
}

export const messagesSource: PersonalDataSource = {
  name: 'messages',
  tables: ['messages'],
  export: (db, userId) => exportMessages(db, userId),
  async erase(db, userId) {
    await db.delete(messages).where(eq(messages.userId, userId));
  },
  async withdraw(db, userId) {
    // The history holds the answers given under the consent; what is still to be sent stays.
    await db
      .delete(messages)
      .where(
        and(
          eq(messages.userId, userId),
          or(eq(messages.direction, 'in'), notInArray(messages.status, UNSENT)),
        ),
      );
  },
};

/** A file the bot sent (an earlier export) is listed by name, not copied into the next export. */
function withoutFileData(body: Record<string, unknown>): Record<string, unknown> {
  if (body.type !== 'document') return body;
  const { data: _data, ...rest } = body;
  return rest;
}

/** Programmes the person saved ("Simpan"). */
export const savedProgrammesSource: PersonalDataSource = {
  name: 'savedProgrammes',
  tables: ['saved_programmes'],
  async export(db, userId): Promise<SavedExport[]> {
    const rows = await db
      .select({ slug: programmes.slug, record: programmes.record, savedAt: savedProgrammes.createdAt })
      .from(savedProgrammes)
      .innerJoin(programmes, eq(programmes.id, savedProgrammes.programmeId))
      .where(eq(savedProgrammes.userId, userId))
      .orderBy(asc(savedProgrammes.createdAt));
    return rows.map((r) => ({
      slug: r.slug,
      title: (r.record as ProgrammeRow['record'] | null)?.title ?? null,
      savedAt: iso(r.savedAt),
    }));
  },
  async erase(db, userId) {
    await db.delete(savedProgrammes).where(eq(savedProgrammes.userId, userId));
  },
};

/** Stored searches ("kabari aku kalau ada …"). */
export const alertsSource: PersonalDataSource = {
  name: 'alerts',
  tables: ['programme_alerts'],
  async export(db, userId): Promise<AlertExport[]> {
    const rows = await db
      .select()
      .from(programmeAlerts)
      .where(eq(programmeAlerts.userId, userId))
      .orderBy(asc(programmeAlerts.id));
    return rows.map((r) => ({
      query: r.query as Record<string, unknown>,
      active: r.active,
      createdAt: iso(r.createdAt),
      lastNotifiedAt: r.lastNotifiedAt ? iso(r.lastNotifiedAt) : null,
    }));
  },
  async erase(db, userId) {
    await db.delete(programmeAlerts).where(eq(programmeAlerts.userId, userId));
  },
};

export interface LogEntryExport {
  action: string;
  /** `user`, `system`, or `staff` (which staff member is the organisation's record, not shown here). */
  actor: string;
  at: string;
}

/** Who accessed or changed the person's data (the processing log), without staff identities. */
export const processingLogSource: PersonalDataSource = {
  name: 'processingLog',
  async export(db, userId): Promise<LogEntryExport[]> {
    const rows = await db
      .select({ action: personalDataLog.action, actor: personalDataLog.actor, at: personalDataLog.at })
      .from(personalDataLog)
      .where(eq(personalDataLog.subjectUserId, userId))
      .orderBy(asc(personalDataLog.id));
    return rows.map((r) => ({
      action: r.action,
      actor: r.actor.startsWith('staff:') ? 'staff' : r.actor,
      at: iso(r.at),
    }));
  },
  // The log outlives the person: its link becomes null and only a one-way hash is left (schema/privacy.ts).
  async erase() {},
};

export const CORE_SOURCES: PersonalDataSource[] = [
  profileSource,
  consentsSource,
  savedProgrammesSource,
  alertsSource,
  messagesSource,
  processingLogSource,
  accountSource,
];
