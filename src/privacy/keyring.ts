import { createHash } from 'node:crypto';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createFieldCipher, type FieldCipher, parseKeyring } from '../shared/field-cipher';

/**
 * The cipher for personal data, from DATA_ENCRYPTION_KEY. Without one (development, tests) a fixed,
 * public development key is used and a warning says so; production refuses to start without a key
 * (config.ts).
 */
export function fieldCipherFromConfig(
  config: Pick<Config, 'DATA_ENCRYPTION_KEY'>,
  logger?: Logger,
): FieldCipher {
  if (config.DATA_ENCRYPTION_KEY) {
    const { keys, current } = parseKeyring(config.DATA_ENCRYPTION_KEY);
    return createFieldCipher(keys, current);
  }
  logger?.warn('DATA_ENCRYPTION_KEY is not set: personal data is encrypted with the public development key');
  const dev = createHash('sha256').update('jembatan-development-key-not-secret').digest();
  return createFieldCipher(new Map([['dev', dev]]), 'dev');
}
