import { type Locale, tFor } from '../i18n';
import type { Channel, Outbound } from './types';

const PICTOGRAPHS = /(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})/gu;

/** Channels without dependable buttons get choices as numbered lines (design.md §1). */
const NUMBERED_CHANNELS: ReadonlySet<Channel> = new Set(['whatsapp', 'simulator']);

export interface PresentationOptions {
  simpleText: boolean;
  channel: Channel;
  locale: Locale;
}

/**
 * Last touches that depend on the person and the channel, not on the flow: numbered choices where
 * buttons don't work (and in simple-text mode, for screen readers), and no emoji in simple-text mode.
 * Flows get all of it without knowing about it.
 */
export function presentFor(message: Outbound, options: PresentationOptions): Outbound {
  if (message.type !== 'text') return message;
  const clean = (s: string) =>
    options.simpleText
      ? s
          .replace(PICTOGRAPHS, '')
          .replace(/[ \t]{2,}/g, ' ')
          .replace(/^ +/gm, '')
          .trim()
      : s;
  const choices = message.choices?.map((c) => ({ ...c, label: clean(c.label) }));
  let text = clean(message.text);
  if (choices?.length && (options.simpleText || NUMBERED_CHANNELS.has(options.channel))) {
    const lines = choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
    text = `${text}\n\n${lines}\n${tFor(options.locale)('choice.replyWithNumber', { count: choices.length })}`;
  }
  return { ...message, text, ...(choices ? { choices } : {}) };
}
