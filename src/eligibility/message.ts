import { type Locale, tFor } from '../i18n';
import type { Message } from '../shared/profile';

/** Renders a message descriptor; keys carry their namespace, so any fixed `t` (or `ctx.t`) works too. */
export function renderMessage(message: Message, locale: Locale = 'id'): string {
  return tFor(locale)(message.key, message.vars ?? {}) as string;
}
