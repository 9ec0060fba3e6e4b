import { applicant } from '../applications/helpers';
import type { Reply } from '../helpers/conversation';
import type { Harness } from '../helpers/harness';
import { messageUpdate } from '../helpers/telegram';
import type { BaileysHarness } from '../helpers/whatsapp';
import { pnOf, type WaPerson, waMessage } from '../helpers/whatsapp-messages';

/**
 * A person talking to the bot with everything written down: what they typed or tapped and every
 * message the bot answered (with its buttons). Journeys assert on what the person saw; the transcript
 * is what a failing test prints, so the reader sees the conversation as the person did.
 */
export interface Turn {
  said: string;
  /** Every bot message this turn produced, in order. */
  replies: Reply[];
}

export function telegramPerson(
  h: Harness,
  person: { id: number; firstName?: string; languageCode?: string },
) {
  const a = applicant(h, person);
  const turns: Turn[] = [];
  const sentBefore = () => h.api.sent('sendMessage', person.id).length;
  const record = async (said: string, act: () => Promise<unknown>): Promise<Turn> => {
    const before = sentBefore();
    await act();
    const replies = h.api
      .sent('sendMessage', person.id)
      .slice(before)
      .map((c) => ({ text: String(c.body.text), buttons: buttonsOfBody(c.body) }));
    const turn = { said, replies };
    turns.push(turn);
    return turn;
  };
  const lastReply = (): Reply => a.last();
  return {
    person,
    turns,
    last: lastReply,
    say: (text: string) => record(text, () => a.say(text)),
    /** Taps a button of the last message (exact label or pattern). */
    tap: (label: string | RegExp) => {
      const reply = lastReply();
      const button = reply.buttons.find((b) =>
        typeof label === 'string' ? b.text === label : label.test(b.text),
      );
      if (!button)
        throw new Error(
          `no button ${label} in: ${reply.buttons.map((b) => b.text).join(' | ')}\n${transcriptOf(turns)}`,
        );
      return record(`[tap] ${button.text}`, () => a.press(button.text, reply));
    },
    photo: (data?: Uint8Array) => record('[photo]', () => a.photo(data)),
    document: (data: Uint8Array, name: string, mime?: string) =>
      record(`[file ${name}]`, () => a.document(data, name, mime)),
    sticker: () => record('[sticker]', () => a.sticker()),
    voice: () =>
      record('[voice note]', () =>
        h.post(
          messageUpdate(person, {
            voice: {
              file_id: `voice-${person.id}`,
              file_unique_id: 'v',
              duration: 4,
              mime_type: 'audio/ogg',
            },
          }),
        ),
      ),
    shareContact: (phone: string) => record(`[contact ${phone}]`, () => a.shareContact(phone)),
    /** Everything the bot sent during the whole journey. */
    allText: () => turns.flatMap((t) => t.replies.map((r) => r.text)).join('\n'),
    transcript: () => transcriptOf(turns),
  };
}

export type TelegramPerson = ReturnType<typeof telegramPerson>;

function buttonsOfBody(body: Record<string, unknown>): Array<{ text: string; data: string }> {
  const markup = body.reply_markup as
    | {
        inline_keyboard?: Array<Array<{ text: string; callback_data: string }>>;
        keyboard?: Array<Array<{ text: string }>>;
      }
    | undefined;
  return [
    ...(markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data })),
    ...(markup?.keyboard ?? []).flat().map((b) => ({ text: b.text, data: '(reply keyboard)' })),
  ];
}

/** A WhatsApp (Baileys) person: choices arrive as numbered lines, so they answer with numbers or words. */
export function whatsappPerson(h: BaileysHarness, person: WaPerson) {
  const turns: Turn[] = [];
  const jid = pnOf(person);
  const record = async (said: string, act: () => Promise<unknown>): Promise<Turn> => {
    const before = h.texts(jid).length;
    await act();
    const replies = h
      .texts(jid)
      .slice(before)
      .map((text) => ({ text, buttons: [] }));
    const turn = { said, replies };
    turns.push(turn);
    return turn;
  };
  return {
    person,
    turns,
    last: (): string => h.texts(jid).at(-1) ?? '',
    say: (text: string) => record(text, () => h.say(person, text)),
    sticker: () =>
      record('[sticker]', () =>
        h.receive(waMessage(person, { stickerMessage: { mimetype: 'image/webp', fileLength: 1200 } })),
      ),
    voice: () =>
      record('[voice note]', () =>
        h.receive(
          waMessage(person, { audioMessage: { mimetype: 'audio/ogg; codecs=opus', seconds: 4, ptt: true } }),
        ),
      ),
    allText: () => turns.flatMap((t) => t.replies.map((r) => r.text)).join('\n'),
    transcript: () => transcriptOf(turns),
  };
}

export function transcriptOf(turns: Turn[]): string {
  return turns
    .map((t) => {
      const replies = t.replies
        .map((r) => {
          const buttons = r.buttons.length ? `\n   [${r.buttons.map((b) => b.text).join('] [')}]` : '';
          return `🤖 ${r.text.replace(/\n/g, '\n   ')}${buttons}`;
        })
        .join('\n');
      return `👤 ${t.said}\n${replies || '🤖 (silence)'}`;
    })
    .join('\n\n');
}
