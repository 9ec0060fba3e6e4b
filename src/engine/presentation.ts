import { type Locale, tFor } from '../i18n';
import type { Channel, Outbound } from '../shared/conversation';
import { channelDescriptor } from './channels';

const PICTOGRAPHS = /(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})/gu;

export interface PresentationOptions {
  simpleText: boolean;
  channel: Channel;
  locale: Locale;
  /** A link that opens the bot with a start payload on this channel (t.me/…?start=, wa.me/…?text=). */
  deepLink?: (channel: Channel, payload: string) => string | undefined;
}

/** Flows write `startLink(payload)` into text; each channel gets its own kind of link. */
export function startLink(payload: string): string {
  return `⟦start:${payload}⟧`;
}

const START_LINK = /⟦start:([A-Za-z0-9_-]{1,64})⟧/g;

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
  let text = clean(message.text).replace(
    START_LINK,
    (_, payload: string) => options.deepLink?.(options.channel, payload) ?? `/start ${payload}`,
  );
  // Channels without dependable buttons get choices as numbered lines (design.md §1).
  const numbered = options.simpleText || !channelDescriptor(options.channel).buttons;
  if (numbered && message.freeText) {
    // Only navigation choices: a hint, so that a typed number stays an answer.
    text = `${text}\n\n${tFor(options.locale)('choice.freeTextHint')}`;
  } else if (choices?.length && numbered) {
    const lines = choices
      .map((c, i) => (c.listed ? undefined : `${i + 1}. ${c.label}`))
      .filter((line) => line !== undefined)
      .join('\n');
    text = `${text}\n\n${lines}\n${replyHint(options.locale, choices.length)}`;
  }
  return { ...message, text, ...(choices ? { choices } : {}) };
}

/** "Balas dengan angka 1–5." — or "Balas dengan angka 1." when there is one option ("1–1" reads odd). */
export function replyHint(locale: Locale, count: number): string {
  const t = tFor(locale);
  return count === 1 ? t('choice.replyWithOne') : t('choice.replyWithNumber', { count });
}
