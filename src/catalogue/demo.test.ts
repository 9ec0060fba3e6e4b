import { describe, expect, it } from 'vitest';
import type { Programme } from '../shared/programme';
import { PROGRAMME_KINDS } from '../shared/vocabulary';
import { DEMO_ANCHOR_DATE, DEMO_SLUG_PREFIX, demoCatalogue } from './demo';
import { parseCatalogueJson } from './parse';

async function demo(today = DEMO_ANCHOR_DATE): Promise<Programme[]> {
  const result = await parseCatalogueJson(demoCatalogue({ today }));
  expect(result.errors.map((e) => e.message)).toEqual([]);
  return result.programmes;
}

const isOpen = (p: Programme, today: string) =>
  p.status === 'open' &&
  (!p.dates.registration_opens || p.dates.registration_opens <= today) &&
  (!p.dates.registration_closes || p.dates.registration_closes >= today);

describe('demo catalogue', () => {
  it('validates fully and is clearly marked as demo data', async () => {
    const programmes = await demo();
    expect(programmes.length).toBeGreaterThanOrEqual(45);
    for (const p of programmes) {
      expect(p.slug.startsWith(DEMO_SLUG_PREFIX)).toBe(true);
      expect(p.summary.id).toContain('(data demo)');
      if (p.summary.en) expect(p.summary.en).toContain('(demo data)');
      expect(p.sources?.length).toBeGreaterThan(0);
    }
  });

  it('covers what the bot has to show', async () => {
    const programmes = await demo();
    const today = DEMO_ANCHOR_DATE;
    expect(new Set(programmes.map((p) => p.kind))).toEqual(new Set(PROGRAMME_KINDS));
    expect(new Set(programmes.map((p) => p.destination_country).filter(Boolean))).toEqual(
      new Set(['JP', 'KR', 'TW', 'QA', 'AU', 'DE']),
    );
    expect(programmes.filter((p) => p.destination_country === 'JP').length).toBeGreaterThanOrEqual(4);
    const closingSoon = programmes.filter(
      (p) => isOpen(p, today) && p.dates.registration_closes && p.dates.registration_closes <= '2026-11-26',
    );
    expect(closingSoon.length).toBeGreaterThanOrEqual(3);
    expect(
      programmes.some((p) => p.status === 'closed' || (p.dates.registration_closes ?? '9') < today),
    ).toBe(true);
    expect(programmes.some((p) => (p.dates.registration_opens ?? '') > today)).toBe(true);
    expect(programmes.filter((p) => p.eligibility?.gender === 'perempuan').length).toBeGreaterThanOrEqual(2);
    expect(programmes.filter((p) => p.inclusion?.disability_friendly).length).toBeGreaterThanOrEqual(3);
    expect(programmes.filter((p) => p.costs.fee_idr > 0).length).toBeGreaterThanOrEqual(3);
    expect(programmes.filter((p) => p.costs.fee_idr === 0).length).toBeGreaterThan(programmes.length / 2);
    expect(
      programmes.filter((p) => p.benefits?.includes('bpjs_ketenagakerjaan')).length,
    ).toBeGreaterThanOrEqual(5);
    expect(programmes.filter((p) => p.dates.schedule_note).length).toBeGreaterThanOrEqual(5);
    expect(programmes.filter((p) => p.location.mode === 'daring').length).toBeGreaterThanOrEqual(3);
    const jatim = programmes.filter((p) => p.location.province === '35');
    expect(jatim.filter((p) => p.field === 'las').length).toBeGreaterThanOrEqual(2);
    expect(jatim.filter((p) => p.field === 'otomotif').length).toBeGreaterThanOrEqual(2);
    const freeTik = programmes.filter(
      (p) => p.field === 'tik' && p.costs.fee_idr === 0 && p.kind === 'pelatihan',
    );
    expect(new Set(freeTik.map((p) => p.location.province ?? 'daring')).size).toBeGreaterThanOrEqual(4);
    const questionIds = new Set(programmes.flatMap((p) => p.eligibility?.questions?.map((q) => q.id) ?? []));
    for (const id of ['tato', 'tinggi_cm', 'jlpt']) expect(questionIds.has(id)).toBe(true);
  });

  it('moves its dates with today so the demo stays current', async () => {
    const later = '2027-03-02';
    const shifted = await demo(later);
    const original = await demo();
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    for (const [i, p] of shifted.entries()) {
      const before = original[i]!;
      if (before.dates.registration_closes) {
        expect(days(before.dates.registration_closes, p.dates.registration_closes!)).toBe(
          days(DEMO_ANCHOR_DATE, later),
        );
      }
      expect(isOpen(p, later)).toBe(isOpen(before, DEMO_ANCHOR_DATE));
    }
    const unshifted = demoCatalogue({ today: later, shiftDates: false }) as { verified_at: string }[];
    expect(unshifted[0]!.verified_at).toBe(original[0]!.verified_at);
  });
});
