/**
 * The demo catalogue (demo/demo-catalogue.json): realistic but invented programmes, slugs prefixed
 * `demo-`, summaries marked "(data demo)". Its dates were written around DEMO_ANCHOR_DATE; when
 * loaded, they are moved by the same number of days as today is from that anchor, so the demo always
 * shows some programmes open, some closing within days, some closed and some opening later.
 */
import type { Db } from '../db/client';
import { addDays, daysBetween, todayIso } from './dates';
import demoRecords from './demo/demo-catalogue.json';
import { type ImportOptions, type ImportSummary, importProgrammes } from './import';
import { catalogueSize } from './search';

/** "Today" as the demo file was written. */
export const DEMO_ANCHOR_DATE = '2026-11-23';
export const DEMO_SLUG_PREFIX = 'demo-';

export interface DemoOptions {
  /** The day the demo should look current on (default: today in Jakarta). */
  today?: string;
  /** Move dates with today (default true); false loads the file exactly as written. */
  shiftDates?: boolean;
}

type DemoRecord = { dates?: Record<string, unknown>; verified_at?: string } & Record<string, unknown>;

/** The demo records, dates moved so that DEMO_ANCHOR_DATE falls on `today`. */
export function demoCatalogue(options: DemoOptions = {}): unknown[] {
  const records = structuredClone(demoRecords) as unknown as DemoRecord[];
  if (options.shiftDates === false) return records;
  const offset = daysBetween(DEMO_ANCHOR_DATE, options.today ?? todayIso());
  if (offset === 0) return records;
  for (const record of records) {
    for (const key of ['registration_opens', 'registration_closes', 'starts', 'ends']) {
      const value = record.dates?.[key];
      if (typeof value === 'string' && record.dates) record.dates[key] = addDays(value, offset);
    }
    if (typeof record.verified_at === 'string') record.verified_at = addDays(record.verified_at, offset);
  }
  return records;
}

export async function seedDemoCatalogue(
  db: Db,
  options: DemoOptions & Pick<ImportOptions, 'onProgress'> = {},
): Promise<ImportSummary> {
  return importProgrammes(db, demoCatalogue(options), { strict: true, onProgress: options.onProgress });
}

/**
 * Loads the demo catalogue when the programmes table is empty (first start on the embedded
 * database); returns null when there was something already.
 */
export async function seedDemoCatalogueIfEmpty(
  db: Db,
  options: DemoOptions = {},
): Promise<ImportSummary | null> {
  if ((await catalogueSize(db)) > 0) return null;
  return seedDemoCatalogue(db, options);
}
