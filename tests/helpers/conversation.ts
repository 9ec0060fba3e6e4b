import type { Harness } from './harness';
import { buttonsOf, callbackUpdate, textUpdate } from './telegram';

export interface Reply {
  text: string;
  buttons: Array<{ text: string; data: string }>;
}

/**
 * One Telegram user talking to the bot through the webhook, the way a person does: type, read the
 * last message, tap a button by its label.
 */
export function conversation(h: Harness, person: { id: number; firstName?: string; languageCode?: string }) {
  const last = (): Reply => {
    const sent = h.api.sent('sendMessage', person.id).at(-1);
    if (!sent) throw new Error('the bot has sent nothing to this person');
    return { text: String(sent.body.text), buttons: buttonsOf(sent.body) };
  };
  return {
    person,
    last,
    /** Everything the bot sent this person, in order. */
    texts: () => h.api.texts(person.id),
    async say(text: string): Promise<Reply> {
      await h.post(textUpdate(person, text));
      return last();
    },
    async press(label: string | RegExp, reply: Reply = last()): Promise<Reply> {
      const button = reply.buttons.find((b) =>
        typeof label === 'string' ? b.text === label : label.test(b.text),
      );
      if (!button) throw new Error(`no button ${label} in: ${reply.buttons.map((b) => b.text).join(' | ')}`);
      await h.post(callbackUpdate(person, button.data));
      return last();
    },
  };
}
