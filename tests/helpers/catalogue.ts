import { importProgrammes } from '../../src/catalogue';
import type { Db } from '../../src/db/client';

/** YYYY-MM-DD, `days` from today in Jakarta (negative: in the past), so the fixtures never go stale. */
export function daysFromNow(days: number): string {
  // Jakarta's day (UTC+7, no daylight saving), as the product counts days: from 17:00 UTC the UTC date
  // is still yesterday there, and "40 days from now" read as 39.
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid, open programme record; override anything. */
export function programme(slug: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug,
    kind: 'pelatihan',
    title: { id: `Program ${slug}` },
    summary: { id: 'Program uji.' },
    field: 'las',
    provider: { name: 'BLK Uji', type: 'BLK' },
    location: { province: '35', regency: '35.78', mode: 'luring' },
    dates: {
      registration_opens: daysFromNow(-10),
      registration_closes: daysFromNow(20),
      starts: daysFromNow(30),
      ends: daysFromNow(90),
    },
    seats: { total: 20 },
    costs: { fee_idr: 0 },
    benefits: ['sertifikat_kompetensi'],
    inclusion: { disability_friendly: false },
    eligibility: { age: { min: 18, max: 35 }, education: { min: 'SMP' } },
    application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    sources: ['https://example.org/sumber'],
    verified_at: daysFromNow(-3),
    status: 'open',
    ...overrides,
  };
}

export function overseas(
  slug: string,
  country: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return programme(slug, {
    kind: 'magang_luar_negeri',
    destination_country: country,
    field: 'manufaktur',
    ...overrides,
  });
}

/** Imports records strictly: a fixture that does not validate is a bug in the test. */
export async function loadCatalogue(db: Db, records: Record<string, unknown>[]): Promise<void> {
  const result = await importProgrammes(db, JSON.stringify(records), { strict: true });
  if (result.invalid > 0)
    throw new Error(`fixture catalogue invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
}
