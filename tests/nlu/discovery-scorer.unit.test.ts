import { describe, expect, it } from 'vitest';
import { type CatalogueRecord, judge, listedSlugs, shiftDates } from './discovery-scorer';

const record = (slug: string, title: string, provider = 'BLK Uji'): CatalogueRecord => ({
  slug,
  title: { id: title },
  provider: { name: provider },
});

const CATALOGUE = [
  record('las', 'Pelatihan Las'),
  record('las-lanjut', 'Pelatihan Las Lanjutan'),
  record('barista-a', 'Pelatihan Barista', 'BLK Medan'),
  record('barista-b', 'Pelatihan Barista', 'LPK Kopi Bandung'),
];

describe('discovery scorer', () => {
  it('finds the programmes a reply lists, a short title inside a longer one only where it stands alone', () => {
    const text =
      'Ada 2 pelatihan:\n\n1. Pelatihan Las Lanjutan\n   BLK Uji · Kota Surabaya\n2. Pelatihan Barista\n   LPK Kopi Bandung · Kota Bandung';
    expect(listedSlugs({ texts: [text], buttons: ['1', '2'] }, CATALOGUE)).toEqual([
      'las-lanjut',
      'barista-b',
    ]);
    expect(listedSlugs({ texts: ['Belum ada program las.'], buttons: ['Lihat 3'] }, CATALOGUE)).toEqual([]);
  });

  it('finds a programme named by its English title in a reply in English', () => {
    const english = [
      ...CATALOGUE,
      { ...record('kopi', 'Pelatihan Kopi'), title: { id: 'Pelatihan Kopi', en: 'Coffee training' } },
    ];
    const text = 'Found 1 programme:\n1. Coffee training\n   BLK Uji · Medan';
    expect(listedSlugs({ texts: [text], buttons: ['1'] }, english)).toEqual(['kopi']);
  });

  it('passes only a reply a patient staff member would give', () => {
    const q = { id: 'x', text: 'las', relevant: ['las', 'las-lanjut'], acceptable: ['barista-a'] };
    expect(judge(q, ['las', 'las-lanjut']).pass).toBe(true);
    expect(judge(q, ['las', 'las-lanjut', 'barista-a']).pass).toBe(true);
    // One relevant missing while there are five or fewer.
    expect(judge(q, ['las'])).toEqual({ pass: false, why: 'missing: las-lanjut' });
    // Something clearly wrong.
    expect(judge(q, ['las', 'las-lanjut', 'barista-b']).pass).toBe(false);
    expect(judge(q, []).pass).toBe(false);
    // Nothing fits: nothing, or only acceptable ones.
    const none = { id: 'y', text: 'drone', relevant: [], acceptable: ['las'] };
    expect(judge(none, []).pass).toBe(true);
    expect(judge(none, ['las']).pass).toBe(true);
    expect(judge(none, ['barista-a']).pass).toBe(false);
    // More than five relevant: one of them is enough.
    const many = { id: 'z', text: 'apa aja', relevant: ['a', 'b', 'c', 'd', 'e', 'f'] };
    expect(judge(many, ['c']).pass).toBe(true);
  });

  it('moves the catalogue to today', () => {
    const [moved] = shiftDates(
      [{ ...record('a', 'A'), dates: { registration_closes: '2026-12-20' }, verified_at: '2026-12-01' }],
      '2026-12-10',
    );
    expect(moved!.dates).toEqual({ registration_closes: '2026-12-23' });
    expect(moved!.verified_at).toBe('2026-12-04');
  });
});
