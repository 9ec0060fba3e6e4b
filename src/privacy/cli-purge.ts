// `npm run privacy:purge [-- --dry-run]`: the retention purge by hand (the server also runs it daily).
// Prints counts only.
import { loadConfigOrExit } from '../config';
import { openDatabase } from '../db/client';
import { errorSummary } from '../engine/engine';
import { uploadsDir } from '../runtime';
import { LocalFolderStorage } from '../storage';
import { runPrivacyMaintenance } from './jobs';
import { fieldCipherFromConfig } from './keyring';

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const config = loadConfigOrExit();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    const result = await runPrivacyMaintenance(database.db, {
      retentionDays: config.RETENTION_DAYS,
      messageRetentionDays: config.MESSAGE_RETENTION_DAYS,
      dryRun,
      storage: new LocalFolderStorage(uploadsDir()),
      cipher: fieldCipherFromConfig(config),
    });
    const p = result.purged!;
    console.log(
      `${dryRun ? 'Would purge' : 'Purged'}: ${p.people} inactive people (> ${config.RETENTION_DAYS} days), ` +
        `${p.messages} messages (> ${config.MESSAGE_RETENTION_DAYS} days), ${p.files} files (delivered exports, staff files of expired messages); ` +
        `${result.finished} pending erasures completed.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error('privacy purge failed:', errorSummary(error).message);
  process.exit(1);
});
