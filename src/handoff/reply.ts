/*
 * The limits of a staff reply. 4000 characters stays under Telegram's 4096 per message (and WhatsApp's
 * 4096), so a reply is never split or cut on its way to the person. With a file the text is its
 * caption, which both platforms cut at 1024.
 */
export const REPLY_MAX = 4000;
/** Telegram's and WhatsApp's limit for a caption. */
export const CAPTION_MAX = 1024;

export type ReplyProblem =
  | { key: 'empty' }
  | { key: 'tooLong'; length: number; max: number }
  | { key: 'captionTooLong'; length: number; max: number };

/** The text to send (trimmed), or why it cannot be sent. With a file, the text may be empty. */
export function checkReply(
  raw: string,
  options: { withFile?: boolean } = {},
): { text: string; problem?: ReplyProblem } {
  const text = raw.trim();
  if (options.withFile) {
    if (text.length > CAPTION_MAX)
      return { text, problem: { key: 'captionTooLong', length: text.length, max: CAPTION_MAX } };
    return { text };
  }
  if (!text) return { text, problem: { key: 'empty' } };
  if (text.length > REPLY_MAX)
    return { text, problem: { key: 'tooLong', length: text.length, max: REPLY_MAX } };
  return { text };
}
