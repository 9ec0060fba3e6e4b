/** What the catalogue command-line tools share: the database from the environment, a progress bar. */
import type { TFunction } from 'i18next';
import { type Database, openDatabase } from '../../db/client';
import { isLocale, type Locale } from '../../i18n';
import type { CatalogueError } from '../errors';
import type { ImportProgress, ImportSummary } from '../import';

/** DATABASE_URL (Postgres) or else the embedded PGlite in PGLITE_DIR (default ./data/pglite). */
export function openDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return openDatabase({ databaseUrl, pgliteDir: env.PGLITE_DIR?.trim() || './data/pglite' });
}

export function cliLocale(args: string[], env: NodeJS.ProcessEnv = process.env): Locale {
  const i = args.indexOf('--lang');
  const wanted = i >= 0 ? args[i + 1] : env.DEFAULT_LOCALE;
  return isLocale(wanted) ? wanted : 'id';
}

/** A one-line progress bar on stderr (redrawn in place on a terminal, a few lines otherwise). */
export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): (p: ImportProgress) => void {
  const width = 30;
  let lastTenth = -1;
  return ({ done, total }) => {
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * width);
    const line = `${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.round(ratio * 100)}% ${done}/${total}`;
    if (stream.isTTY) {
      stream.write(`\r${line}`);
      if (done >= total) stream.write('\n');
    } else {
      const tenth = Math.floor(ratio * 10);
      if (tenth !== lastTenth) stream.write(`${line}\n`);
      lastTenth = tenth;
    }
  };
}

export function printErrors(
  errors: CatalogueError[],
  heading: string,
  more: (count: number) => string,
  limit = 50,
): void {
  if (errors.length === 0) return;
  console.error(heading);
  for (const error of errors.slice(0, limit)) console.error(`  • ${error.message}`);
  if (errors.length > limit) console.error(`  ${more(errors.length - limit)}`);
}

export function summaryLine(t: TFunction, s: ImportSummary): string {
  return t('import.summary', {
    created: s.created,
    updated: s.updated,
    unchanged: s.unchanged,
    invalid: s.invalid,
  });
}
