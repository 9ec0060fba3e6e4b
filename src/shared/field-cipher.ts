import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Field encryption for personal data at rest (NIK and the like): AES-256-GCM with a random 96-bit IV.
 * Stored form: `<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts). The key id makes rotation possible:
 * decrypt with any known key, encrypt with the current one, re-encrypt rows in the background
 * (README, "Rotating DATA_ENCRYPTION_KEY").
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export class KeyringError extends Error {}

/**
 * `keys`: key id → 32-byte key. `current`: the id new values are encrypted with.
 * Parse them from DATA_ENCRYPTION_KEY with `parseKeyring`.
 */
export function createFieldCipher(keys: Map<string, Buffer>, current: string): FieldCipher {
  const currentKey = keys.get(current);
  if (!currentKey) throw new KeyringError(`no key with id ${current}`);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        current,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        data.toString('base64url'),
      ].join(':');
    },
    decrypt(stored) {
      const [id, iv, tag, data] = stored.split(':');
      const key = id ? keys.get(id) : undefined;
      if (!key || !iv || !tag || data === undefined)
        throw new KeyringError('value was encrypted with an unknown key or is malformed');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/**
 * DATA_ENCRYPTION_KEY: one or more `id=base64key` pairs separated by commas, the first being current
 * (e.g. `k2=…,k1=…` while rotating from k1 to k2). A bare base64 key means `k1=<key>`.
 * Generate one with `openssl rand -base64 32`.
 */
export function parseKeyring(value: string): { keys: Map<string, Buffer>; current: string } {
  const keys = new Map<string, Buffer>();
  let current: string | undefined;
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    // "id=key" (ids are short), or a bare base64 key, whose only "=" is padding at the end.
    const [id, b64] = /^[A-Za-z0-9_-]{1,16}=./.test(part) ? splitOnce(part) : ['k1', part];
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new KeyringError(`key ${id} must be 32 bytes (base64 of 32 random bytes)`);
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(id)) throw new KeyringError('key ids are 1–16 of A-Za-z0-9_-');
    keys.set(id, key);
    current ??= id;
  }
  if (!current) throw new KeyringError('no key given');
  return { keys, current };
}

function splitOnce(part: string): [string, string] {
  const i = part.indexOf('=');
  return [part.slice(0, i), part.slice(i + 1)];
}

/** Masks a NIK for display: `3578********0001`. */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 4)}********${nik.slice(12)}` : '****************';
}
