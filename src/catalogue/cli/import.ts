/**
 * npm run import -- FILE.json|FILE.csv [--strict] [--lang en]
 *
 * Loads a catalogue file into the database of DATABASE_URL (or the embedded PGlite in PGLITE_DIR).
 * Exit code 0: everything loaded; 1: some records had errors (or --strict stopped the import); 2: usage.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { tFor } from '../../i18n';
import { notifyAlerts } from '../alerts';
import { importProgrammes } from '../import';
import { cliLocale, openDatabaseFromEnv, printErrors, progressBar, summaryLine } from './common';

async function main(args: string[]): Promise<number> {
  const locale = cliLocale(args);
  const t = tFor(locale, 'catalogue');
  const strict = args.includes('--strict');
  const langAt = args.indexOf('--lang');
  const file = args.find((a, i) => !a.startsWith('--') && !(langAt >= 0 && i === langAt + 1));
  if (!file) {
    console.error(t('import.usage'));
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    console.error(t('import.file_missing', { file }));
    return 2;
  }
  console.error(t('import.reading', { file }));
  const database = await openDatabaseFromEnv();
  try {
    const format = file.toLowerCase().endsWith('.csv')
      ? 'csv'
      : file.toLowerCase().endsWith('.json')
        ? 'json'
        : 'auto';
    // Database time, so "created since" compares clocks of one machine.
    const [{ now: since } = { now: new Date() }] = await database.db
      .select({ now: sql<Date>`now()` })
      .from(sql`(select 1) as one`);
    const summary = await importProgrammes(database.db, text, {
      strict,
      locale,
      format,
      onProgress: progressBar(t('import.progress')),
    });
    printErrors(summary.errors, t('import.errors_heading', { count: summary.errors.length }), (count) =>
      t('import.more_errors', { count }),
    );
    if (summary.aborted) {
      console.error(t('import.strict_aborted', { count: summary.errors.length }));
      return 1;
    }
    console.log(summaryLine(t, summary));
    // People who asked "kabari aku kalau ada …" hear about the new programmes (sent by the server).
    const queued = await notifyAlerts(database.db, new Date(since));
    if (queued > 0) console.log(t('import.alerts_queued', { count: queued }));
    return summary.errors.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
