/*
 * The limits of a staff reply. 4000 characters stays under Telegram's 4096 per message (and WhatsApp's
 * 4096), so a reply is never split or cut on its way to the person.
 */
export const REPLY_MAX = 4000;

export type ReplyProblem = { key: 'empty' } | { key: 'tooLong'; length: number; max: number };

/** The text to send (trimmed), or why it cannot be sent. */
export function checkReply(raw: string): { text: string; problem?: ReplyProblem } {
  const text = raw.trim();
  if (!text) return { text, problem: { key: 'empty' } };
  if (text.length > REPLY_MAX)
    return { text, problem: { key: 'tooLong', length: text.length, max: REPLY_MAX } };
  return { text };
}
