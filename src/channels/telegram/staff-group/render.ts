import type { TFunction } from 'i18next';
import { STAFF_FILE_MAX_BYTES } from '../../../handoff/files';
import type { Channel } from '../../../shared/conversation';
import { maskNiksInText } from '../../../shared/nik-text';
import { describeHours, isOpen, type OfficeHours } from '../../../shared/office-hours';

/*
 * What the staff group reads, as pure functions of stored rows (unit-tested beside this file). Plain
 * text only: no parse_mode, so nothing a person typed can break the formatting or inject links.
 */

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const TOPIC_NAME_LIMIT = 128;

/** Topic icon colours Telegram allows, one per channel so staff see at a glance where a person writes. */
export const TOPIC_COLOURS: Record<Channel, 7322096 | 9367192 | 16766590> = {
  telegram: 0x6fb9f0,
  whatsapp: 0x8eee98,
  simulator: 0xffd67e,
};

/** One post into a topic. Files a Telegram person sent are re-sent by their file_id (a copy). */
export type Post =
  | { kind: 'text'; text: string }
  | { kind: 'photo' | 'document'; fileId: string; caption: string; fallback: string };

export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** A short reference staff can say aloud ("#3F2A9C"); the id itself stays out of the topic name. */
export function shortRef(handoffId: string): string {
  return handoffId.replaceAll('-', '').slice(0, 6).toUpperCase();
}

/** The person's first name as they gave it to the platform, or "Peserta": never a phone or NIK. */
export function personName(t: TFunction, displayName: string | null | undefined): string {
  const name = displayName?.replace(/\s+/g, ' ').trim();
  return name ? clip(name, 40) : t('topic.anonymous');
}

export function topicName(
  t: TFunction,
  input: { displayName: string | null; channel: Channel | null; handoffId: string },
): string {
  return clip(
    t('topic.name', {
      name: personName(t, input.displayName),
      channel: t(`channel.${input.channel ?? 'telegram'}`),
      ref: shortRef(input.handoffId),
    }),
    TOPIC_NAME_LIMIT,
  );
}

export interface SummaryInput {
  displayName: string | null;
  channel: Channel | null;
  programmeTitle?: string | undefined;
  reason: string;
  officeHours: OfficeHours;
  now: Date;
  /** `${PUBLIC_URL}/admin/inbox/<id>`, when the server has a public address. */
  inboxUrl?: string | undefined;
  /** The person's last texts before the handoff, oldest first (context for a "bot did not understand"). */
  recent: string[];
}

/** The first post of a topic: who, from where, about what, when staff work, and how to answer. */
export function summaryText(t: TFunction, common: TFunction, input: SummaryInput): string {
  const hours = describeHours(input.officeHours);
  const when = {
    days: `${common(`handoff.day${hours.firstDay}`)}–${common(`handoff.day${hours.lastDay}`)}`,
    open: hours.open,
    close: hours.close,
  };
  const lines = [
    t('summary.title'),
    '',
    t('summary.person', {
      name: personName(t, input.displayName),
      channel: t(`channel.${input.channel ?? 'telegram'}`),
    }),
    input.programmeTitle ? t('summary.programme', { title: input.programmeTitle }) : t('summary.noProgramme'),
    t(input.reason === 'misses' ? 'summary.reasonMisses' : 'summary.reasonAsked'),
    t(isOpen(input.officeHours, input.now) ? 'summary.hoursOpen' : 'summary.hoursClosed', when),
  ];
  if (input.recent.length) {
    lines.push('', t('summary.recent'));
    for (const text of input.recent)
      lines.push(`• ${clip(maskNiksInText(text).text.replace(/\s+/g, ' '), 200)}`);
  }
  if (input.inboxUrl) lines.push('', t('summary.inbox', { url: input.inboxUrl }));
  lines.push('', t('summary.howTo', { max: STAFF_FILE_MAX_BYTES / (1024 * 1024) }));
  return clip(lines.join('\n'), TEXT_LIMIT);
}

/** A row of the message log as the mirror reads it. */
export interface LoggedMessage {
  direction: 'in' | 'out';
  origin: string;
  channel: Channel;
  body: Record<string, unknown>;
}

/** Marks a staff reply that came from the staff group itself (the group has it already). */
export const FROM_STAFF_GROUP = 'staff-group';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * The post for one logged message, or undefined for what the group need not see: button presses (not
 * something the person said), bot and notice messages, and staff replies written in the group itself.
 */
export function postFor(t: TFunction, message: LoggedMessage, name: string): Post | undefined {
  const body = message.body;
  if (message.direction === 'out') {
    if (message.origin !== 'staff' || body.via === FROM_STAFF_GROUP) return undefined;
    const text = body.type === 'file' ? staffFileLabel(t, body) : str(body.text);
    if (!text) return undefined;
    const author = str(body.author) ?? t('post.staffUnknown');
    return { kind: 'text', text: clip(t('post.staff', { name: author, text }), TEXT_LIMIT) };
  }
  // The person's words, with any NIK masked (rows written before masking at write time included).
  const say = (text: string): Post => ({
    kind: 'text',
    text: clip(t('post.person', { name, text: maskNiksInText(text).text }), TEXT_LIMIT),
  });
  switch (body.type) {
    case 'text':
      return str(body.text) ? say(String(body.text)) : undefined;
    case 'choice':
      return undefined;
    case 'contact':
      // The number stays in the dashboard: a chat group is a wider audience than the inbox.
      return say(t('label.contact'));
    case 'location':
      return say(t('label.location'));
    case 'media': {
      const kind = str(body.mediaKind) ?? 'other';
      const label = t(
        `label.${['photo', 'document', 'audio', 'video', 'sticker'].includes(kind) ? kind : 'other'}`,
      );
      const typed = str(body.caption);
      const caption = typed ? maskNiksInText(typed).text : undefined;
      const labelled = caption ? `${label} ${caption}` : label;
      const fileId = str(body.fileRef);
      // A Telegram file_id works for any chat of the same bot; other channels' files stay in the dashboard.
      if (message.channel === 'telegram' && fileId && (kind === 'photo' || kind === 'document'))
        return {
          kind,
          fileId,
          caption: clip(t('post.caption', { name, label: labelled }), CAPTION_LIMIT),
          fallback: clip(t('post.person', { name, text: labelled }), TEXT_LIMIT),
        };
      const seeInbox = kind === 'sticker' ? '' : ` ${t('post.seeInbox')}`;
      return say(`${labelled}${seeInbox}`);
    }
    default:
      return say(t('label.other'));
  }
}

/** A file staff sent from the dashboard, as a line: the group sees what went, the file is in the dashboard. */
function staffFileLabel(t: TFunction, body: Record<string, unknown>): string | undefined {
  const name = str(body.fileName);
  if (!name) return undefined;
  const label = t(body.media === 'photo' ? 'label.photo' : 'label.document');
  const caption = str(body.caption);
  return `${label} ${name}${caption ? ` — ${caption}` : ''} ${t('post.seeInbox')}`;
}

export type GroupCommand = { kind: 'close' } | { kind: 'unknown' } | { kind: 'elsewhere' };

/**
 * A bot command in the group: `/tutup` or `/tutup@<this bot>` closes; a command addressed to another
 * bot is none of ours; anything else starting with a command is not relayed.
 */
export function groupCommand(
  text: string | undefined,
  botUsername: string | undefined,
): GroupCommand | undefined {
  const match = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?=\s|$)/.exec(text ?? '');
  if (!match) return undefined;
  const [, command, target] = match;
  if (target && target.toLowerCase() !== botUsername?.toLowerCase()) return { kind: 'elsewhere' };
  return command!.toLowerCase() === 'tutup' ? { kind: 'close' } : { kind: 'unknown' };
}
