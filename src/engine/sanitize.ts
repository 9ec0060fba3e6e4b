import type { Inbound } from '../shared/conversation';

/**
 * Postgres text and jsonb cannot hold NUL (\u0000) or half an emoji (a lone UTF-16 surrogate, e.g.
 * from text cut at a length limit); any adapter may let one through, so the engine drops them.
 * JSON.stringify escapes exactly those characters, which makes them easy to find.
 */
const UNSTORABLE = /\\u0000|\\ud[89a-f][0-9a-f]{2}/gi;

/** The longest name kept for a person (Telegram allows 64 characters; a WhatsApp profile name fewer). */
export const MAX_DISPLAY_NAME = 64;
/** A language tag is a few characters (`id`, `en-GB`); BCP 47 allows 35. */
const MAX_LANGUAGE_TAG = 35;

export function sanitizeInbound(inbound: Inbound): Inbound {
  const clipped = clipIdentity(inbound);
  const json = JSON.stringify(clipped);
  if (!UNSTORABLE.test(json)) return clipped;
  UNSTORABLE.lastIndex = 0;
  return JSON.parse(json.replace(UNSTORABLE, ''), (key, value) =>
    key === 'receivedAt' && typeof value === 'string' ? new Date(value) : value,
  );
}

/** What a platform says about the person is theirs to choose, not ours to store at any length. */
function clipIdentity(inbound: Inbound): Inbound {
  const { displayName, fullName, handle, languageCode } = inbound.user;
  const longName = displayName !== undefined && displayName.length > MAX_DISPLAY_NAME;
  const longFull = fullName !== undefined && fullName.length > MAX_DISPLAY_NAME * 2;
  const longHandle = handle !== undefined && handle.length > MAX_DISPLAY_NAME;
  const longTag = languageCode !== undefined && languageCode.length > MAX_LANGUAGE_TAG;
  if (!longName && !longFull && !longHandle && !longTag) return inbound;
  const user = { ...inbound.user };
  if (longName) user.displayName = displayName.slice(0, MAX_DISPLAY_NAME);
  if (longFull) user.fullName = fullName.slice(0, MAX_DISPLAY_NAME * 2);
  if (longHandle) delete user.handle;
  if (longTag) delete user.languageCode;
  return { ...inbound, user };
}
