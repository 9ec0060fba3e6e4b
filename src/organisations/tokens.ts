import { createHash, randomBytes } from 'node:crypto';

/** API tokens look like `jbt_<43 characters>`: 256 random bits, base64url. */
export const TOKEN_PREFIX = 'jbt_';

export interface NewToken {
  /** Shown once, never stored. */
  token: string;
  /** What is stored: SHA-256, hex. A token is random, so a plain hash (no salt, no KDF) is enough. */
  hash: string;
  /** The first characters, to tell tokens apart in lists. */
  prefix: string;
}

export function generateToken(): NewToken {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A random lower-case code of `length` letters and digits without look-alikes (0/o, 1/l). */
export function randomCode(length: number): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}
