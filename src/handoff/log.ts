import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type MessageTopic, messages } from '../db/schema';
import type { Channel } from '../shared/conversation';
import { maskNiksInText } from '../shared/nik-text';

/*
 * A person's conversation as staff read it: the message log (inbound and outbound, every origin),
 * normalised into entries a view or the API can show without knowing the stored body shapes.
 */

export type MediaKind = 'photo' | 'document' | 'audio' | 'video' | 'sticker';

export type LogContent =
  | { kind: 'text'; text: string; buttons?: string[] }
  /** A button press, with its label when the screen it belonged to is in the log. */
  | { kind: 'choice'; label?: string }
  | { kind: 'media'; media: MediaKind; fileName?: string; caption?: string; downloadable: boolean }
  | { kind: 'contact' }
  | { kind: 'location' }
  | { kind: 'document'; fileName: string; caption?: string }
  /** A file staff sent (kept in the document storage; downloadable by message id). */
  | { kind: 'file'; media: 'photo' | 'document'; fileName: string; size: number; caption?: string }
  | { kind: 'other'; what: string }
  /**
   * Messages that concern another organisation (its application form, its programme, its staff, its
   * broadcast), folded into one line that says only what kind of thing it was: "mengisi formulir
   * program lain".
   */
  | { kind: 'elsewhere'; topic: MessageTopic; count: number };

export interface LogEntry {
  id: number;
  at: Date;
  direction: 'in' | 'out';
  /** `person` for inbound; bot · staff · notice · broadcast for outbound. */
  origin: string;
  channel: Channel;
  /** Delivery status of outbound messages (pending, sending, sent, failed, blocked). */
  status: string;
  /** The staff member who wrote a staff message, when it was recorded. */
  author?: string;
  content: LogContent;
}

/** How many recent messages the page shows; older ones are counted, not listed. */
export const LOG_LIMIT = 300;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const MEDIA_KINDS = new Set<string>(['photo', 'document', 'audio', 'video', 'sticker']);

function contentOf(
  body: Record<string, unknown>,
  direction: 'in' | 'out',
  screens: Map<string, string[]>,
): LogContent {
  const type = str(body.type);
  if (type === 'text') {
    const choices = Array.isArray(body.choices) ? (body.choices as Array<{ label?: unknown }>) : [];
    const buttons = choices.map((c) => str(c.label)).filter((l): l is string => !!l);
    // The person's words are stored with any NIK masked; a row older than that is masked here too.
    const text = str(body.text) ?? '';
    return {
      kind: 'text',
      text: direction === 'in' ? maskNiksInText(text).text : text,
      ...(buttons.length ? { buttons } : {}),
    };
  }
  if (type === 'choice') {
    const labels = screens.get(str(body.token) ?? '');
    const label = typeof body.index === 'number' ? labels?.[body.index] : undefined;
    return { kind: 'choice', ...(label ? { label } : {}) };
  }
  if (type === 'media' && MEDIA_KINDS.has(str(body.mediaKind) ?? '')) {
    const fileName = str(body.fileName);
    const typed = str(body.caption);
    const caption = typed && direction === 'in' ? maskNiksInText(typed).text : typed;
    return {
      kind: 'media',
      media: body.mediaKind as MediaKind,
      ...(fileName ? { fileName } : {}),
      ...(caption ? { caption } : {}),
      // Stickers are not files anyone needs; the others can be fetched from the platform by their ref.
      downloadable: direction === 'in' && body.mediaKind !== 'sticker' && !!str(body.fileRef),
    };
  }
  if (type === 'contact') return { kind: 'contact' };
  if (type === 'location') return { kind: 'location' };
  if (type === 'document') {
    const caption = str(body.caption);
    return { kind: 'document', fileName: str(body.fileName) ?? '', ...(caption ? { caption } : {}) };
  }
  if (type === 'file' && str(body.key)) {
    const caption = str(body.caption);
    return {
      kind: 'file',
      media: body.media === 'photo' ? 'photo' : 'document',
      fileName: str(body.fileName) ?? '',
      size: typeof body.size === 'number' ? body.size : 0,
      ...(caption ? { caption } : {}),
    };
  }
  return { kind: 'other', what: str(body.what) ?? type ?? 'unknown' };
}

/**
 * The latest `limit` messages of a person as staff of `organisation` see them, oldest first, and how
 * many older ones were left out. What concerns another organisation (messages tagged with it: its
 * application form, its programme, its staff's conversation, its broadcast) is not shown: each run of
 * such messages becomes one `elsewhere` entry. The general conversation with the bot (no organisation)
 * and everything of this organisation are shown. A NIK in the person's text is already masked in the
 * log itself (the engine keeps the original only encrypted).
 */
export async function conversationLog(
  db: Queryable,
  userId: string,
  organisation: string,
  limit = LOG_LIMIT,
): Promise<{ entries: LogEntry[]; older: number }> {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: messages.id,
        at: messages.createdAt,
        direction: messages.direction,
        origin: messages.origin,
        channel: messages.channel,
        status: messages.status,
        body: messages.body,
        organisation: messages.organisation,
        topic: messages.topic,
      })
      .from(messages)
      .where(eq(messages.userId, userId))
      .orderBy(desc(messages.id))
      .limit(limit),
    db.select({ n: sql<number>`count(*)::int` }).from(messages).where(eq(messages.userId, userId)),
  ]);
  rows.reverse();
  // Button presses carry only the screen token and an index: the labels come from the message that
  // showed those buttons.
  const screens = new Map<string, string[]>();
  const entries: LogEntry[] = [];
  for (const row of rows) {
    const body = row.body as Record<string, unknown>;
    if (row.organisation !== null && row.organisation !== organisation) {
      // Another organisation's: one line per run, nothing of the content (not even button labels).
      const topic: MessageTopic = row.topic ?? 'programme';
      const last = entries.at(-1);
      if (last?.content.kind === 'elsewhere' && last.content.topic === topic) last.content.count++;
      else
        entries.push({
          id: row.id,
          at: row.at,
          direction: row.direction,
          origin: row.direction === 'in' ? 'person' : row.origin,
          channel: row.channel,
          status: 'sent',
          content: { kind: 'elsewhere', topic, count: 1 },
        });
      continue;
    }
    if (row.direction === 'out' && typeof body.token === 'string' && Array.isArray(body.choices))
      screens.set(
        body.token,
        (body.choices as Array<{ label?: unknown }>).map((c) => str(c.label) ?? ''),
      );
    entries.push({
      id: row.id,
      at: row.at,
      direction: row.direction,
      origin: row.direction === 'in' ? 'person' : row.origin,
      channel: row.channel,
      status: row.status,
      ...(row.origin === 'staff' && str(body.author) ? { author: str(body.author) } : {}),
      content: contentOf(body, row.direction, screens),
    });
  }
  return { entries, older: Math.max(0, Number(total?.n ?? 0) - rows.length) };
}

/** Messages staff of `organisation` may read: the general conversation and their own organisation's. */
function readableBy(organisation: string) {
  return or(isNull(messages.organisation), eq(messages.organisation, organisation));
}

/**
 * A file the person sent, by message id, only if that message is theirs (the handoff's person) and not
 * another organisation's (a KTP photo sent for another programme's form stays with that organiser).
 */
export async function inboundFile(
  db: Queryable,
  userId: string,
  messageId: number,
  organisation: string,
): Promise<{ channel: Channel; fileRef: string; media: MediaKind } | undefined> {
  if (!Number.isSafeInteger(messageId) || messageId <= 0) return undefined;
  const [row] = await db
    .select({ channel: messages.channel, body: messages.body })
    .from(messages)
    .where(
      and(
        eq(messages.id, messageId),
        eq(messages.userId, userId),
        eq(messages.direction, 'in'),
        readableBy(organisation),
      ),
    );
  const body = row?.body as Record<string, unknown> | undefined;
  if (!row || body?.type !== 'media' || typeof body.fileRef !== 'string') return undefined;
  if (!MEDIA_KINDS.has(String(body.mediaKind)) || body.mediaKind === 'sticker') return undefined;
  return { channel: row.channel, fileRef: body.fileRef, media: body.mediaKind as MediaKind };
}

/** A file staff sent to the person, by message id, only if that message went to them (scoped like `inboundFile`). */
export async function staffFile(
  db: Queryable,
  userId: string,
  messageId: number,
  organisation: string,
): Promise<{ key: string; fileName: string; mimeType: string } | undefined> {
  if (!Number.isSafeInteger(messageId) || messageId <= 0) return undefined;
  const [row] = await db
    .select({ body: messages.body })
    .from(messages)
    .where(
      and(
        eq(messages.id, messageId),
        eq(messages.userId, userId),
        eq(messages.direction, 'out'),
        eq(messages.origin, 'staff'),
        readableBy(organisation),
      ),
    );
  const body = row?.body as Record<string, unknown> | undefined;
  if (body?.type !== 'file') return undefined;
  const key = str(body.key);
  const mimeType = str(body.mimeType);
  if (!key || !mimeType) return undefined;
  return { key, fileName: str(body.fileName) ?? '', mimeType };
}
