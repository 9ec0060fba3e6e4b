import { NOTICE_VERSION } from '../consent/service';
import type { Queryable } from '../db/client';
import { personalDataSources } from './registry';
import './sources';

export const EXPORT_FORMAT = 'jembatan-personal-data';

/** The JSON export: every source's part, under its name; absent parts (nothing stored) are null. */
export interface PersonalDataExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  generatedAt: string;
  /** The privacy notice in force when the export was made (consents carry the version each one saw). */
  noticeVersion: string;
  legalBasis: string;
  data: Record<string, unknown>;
}

/** Everything kept about one person, from every registered source, inside the caller's transaction. */
export async function collectPersonalData(
  db: Queryable,
  userId: string,
  now: Date = new Date(),
): Promise<PersonalDataExport> {
  const data: Record<string, unknown> = {};
  // The account first in the file (it is erased last, hence last in the registry's order).
  const sources = personalDataSources();
  for (const source of [
    ...sources.filter((s) => s.name === 'account'),
    ...sources.filter((s) => s.name !== 'account'),
  ])
    data[source.name] = (await source.export(db, userId)) ?? null;
  return {
    format: EXPORT_FORMAT,
    version: 1,
    generatedAt: now.toISOString(),
    noticeVersion: NOTICE_VERSION,
    legalBasis:
      'UU No. 27/2022 tentang Pelindungan Data Pribadi, Pasal 7 (hak akses) dan Pasal 13 (portabilitas)',
    data,
  };
}

/** JSON text of an export (64-bit integers as strings, dates as ISO strings). */
export function exportJson(value: PersonalDataExport): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}
