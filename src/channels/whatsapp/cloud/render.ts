import { encodeCallbackData } from '../../../engine/choices';
import { replyHint } from '../../../engine/presentation';
import { LOCALES, type Locale, tFor } from '../../../i18n';
import type { Choice, Outbound } from '../../../shared/conversation';

/*
 * Both WhatsApp transports share channel `whatsapp`, so the engine hands the Cloud API the same text as
 * Baileys: the question followed by numbered choices and "Balas dengan angka 1–N." Where the choices
 * fit WhatsApp's interactive messages, this renderer takes the numbered block off again and sends reply
 * buttons (≤ 3, titles ≤ 20) or a list (≤ 10 rows, titles ≤ 24) instead; the ids are `token:index`, as
 * in Telegram's callback data, so a tap resolves against the same screen. Typed numbers still work.
 */

export const LIMITS = {
  text: 4096,
  interactiveBody: 1024,
  buttons: 3,
  buttonTitle: 20,
  rows: 10,
  rowTitle: 24,
} as const;

type TextMessage = Extract<Outbound, { type: 'text' }>;

/** The question without the numbered block the presentation layer appended, and its language. */
export function splitNumbered(message: TextMessage): { body: string; locale: Locale } | undefined {
  const choices = message.choices ?? [];
  if (choices.length === 0) return undefined;
  const lines = choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
  for (const locale of LOCALES) {
    const hint = replyHint(locale, choices.length);
    const block = `\n\n${lines}\n${hint}`;
    if (message.text.endsWith(block)) return { body: message.text.slice(0, -block.length), locale };
  }
  return undefined;
}

function fits(choices: Choice[], count: number, titleLimit: number): boolean {
  const titles = choices.map((c) => c.label);
  return (
    choices.length <= count &&
    titles.every((t) => t.trim().length > 0 && t.length <= titleLimit) &&
    new Set(titles).size === titles.length
  );
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** The Graph API body for a text message (without `to`). */
export function renderText(message: TextMessage): Record<string, unknown> {
  const choices = message.choices ?? [];
  const split = message.token && !message.requestContact ? splitNumbered(message) : undefined;
  if (split?.body.trim() && split.body.length <= LIMITS.interactiveBody) {
    const id = (i: number) => encodeCallbackData(message.token!, i);
    if (fits(choices, LIMITS.buttons, LIMITS.buttonTitle))
      return {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: split.body },
          action: {
            buttons: choices.map((c, i) => ({ type: 'reply', reply: { id: id(i), title: c.label } })),
          },
        },
      };
    if (fits(choices, LIMITS.rows, LIMITS.rowTitle))
      return {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: split.body },
          action: {
            button: tFor(split.locale, 'whatsapp')('list.button'),
            sections: [{ rows: choices.map((c, i) => ({ id: id(i), title: c.label })) }],
          },
        },
      };
  }
  return { type: 'text', text: { body: clip(message.text, LIMITS.text), preview_url: false } };
}
