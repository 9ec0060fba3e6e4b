import { describe, expect, it } from 'vitest';
import { globalEntries, sourceLabel } from './entries';

const INDONESIAN = /\b(tahun|tentang|pasal|yang|dan|untuk|pelatihan|layanan|pengaduan|daftar|kementerian)\b/i;

describe('sources in English', () => {
  it('cite Indonesian regulations the English way, with no Indonesian words left', () => {
    const e = globalEntries().find((x) => x.source.label.startsWith('UU No. 18 Tahun 2017, Pasal 13'))!;
    expect(sourceLabel(e, 'en').startsWith('Law No. 18 of 2017, Article 13')).toBe(true);
    expect(sourceLabel(e, 'id')).toBe(e.source.label);
    for (const entry of globalEntries()) expect(sourceLabel(entry, 'en'), entry.key).not.toMatch(INDONESIAN);
  });
});
