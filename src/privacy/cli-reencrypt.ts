// `npm run privacy:reencrypt`: step 3 of rotating DATA_ENCRYPTION_KEY (docs/privacy.md) — re-encrypts
// every stored value with the current (first) key. Prints a count only.
import { loadConfigOrExit } from '../config';
import { openDatabase } from '../db/client';
import { errorSummary } from '../engine/engine';
import { parseKeyring } from '../shared/field-cipher';
import { fieldCipherFromConfig } from './keyring';
import { reencryptAll } from './rotation';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.DATA_ENCRYPTION_KEY) {
    console.error('DATA_ENCRYPTION_KEY is not set: nothing to rotate to.');
    process.exit(1);
  }
  const { current } = parseKeyring(config.DATA_ENCRYPTION_KEY);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    const count = await reencryptAll(database.db, fieldCipherFromConfig(config), current);
    console.log(`Re-encrypted ${count} values with key ${current}. Older keys can now be removed.`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error('re-encryption failed:', errorSummary(error).message);
  process.exit(1);
});
