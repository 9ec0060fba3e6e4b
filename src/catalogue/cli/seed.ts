/**
 * npm run seed [-- --force] [--no-shift] [--lang en]
 *
 * Loads the demo catalogue (src/catalogue/demo/demo-catalogue.json) when the catalogue is empty, or
 * always with --force (an upsert: demo programmes are updated, others untouched). Dates move with
 * today unless --no-shift.
 */
import { tFor } from '../../i18n';
import { seedDemoCatalogue } from '../demo';
import { catalogueSize } from '../search';
import { cliLocale, openDatabaseFromEnv, printErrors, progressBar, summaryLine } from './common';

async function main(args: string[]): Promise<number> {
  const t = tFor(cliLocale(args), 'catalogue');
  const database = await openDatabaseFromEnv();
  try {
    const count = await catalogueSize(database.db);
    if (count > 0 && !args.includes('--force')) {
      console.log(t('import.seed_skipped', { count }));
      return 0;
    }
    const summary = await seedDemoCatalogue(database.db, {
      shiftDates: !args.includes('--no-shift'),
      onProgress: progressBar(t('import.progress')),
    });
    printErrors(summary.errors, t('import.errors_heading', { count: summary.errors.length }), (n) =>
      t('import.more_errors', { count: n }),
    );
    console.log(t('import.seeded', { summary: summaryLine(t, summary) }));
    return summary.errors.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
