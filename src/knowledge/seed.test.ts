import { describe, expect, it } from 'vitest';
import { globalEntries } from './entries';
import { parseImport, validateEntries } from './format';
import { maskPersonal } from './mask';
import seed from './seed.json';

describe("Jembatan's own knowledge-base entries", () => {
  it('are all valid, at least 40, each in Indonesian and English with a source and a checked date', () => {
    const parsed = validateEntries(seed as unknown[]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.length).toBeGreaterThanOrEqual(40);
    const keys = new Set<string>();
    for (const e of parsed.entries) {
      expect(e.key, e.question.id).toMatch(/^[a-z0-9-]+$/);
      expect(keys.has(e.key!), e.key).toBe(false);
      keys.add(e.key!);
      expect(e.question.en, e.key).toBeTruthy();
      expect(e.answer.en, e.key).toBeTruthy();
      expect(e.source.label.length, e.key).toBeGreaterThan(3);
      expect(e.checked_on, e.key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.keywords.length, e.key).toBeGreaterThan(2);
      // Short: one phone screen.
      expect(e.answer.id.length, e.key).toBeLessThanOrEqual(700);
      expect(e.answer.en!.length, e.key).toBeLessThanOrEqual(700);
    }
    for (const e of parsed.entries)
      if (e.related) expect(keys, `${e.key} → ${e.related}`).toContain(e.related);
    expect(globalEntries()).toHaveLength(parsed.entries.length);
  });
});

describe('the import format', () => {
  const row = {
    key: 'jam-kelas',
    question: { id: 'Jam berapa kelasnya?' },
    answer: { id: 'Pukul 08.00–15.00.' },
    keywords: 'jam kelas, jadwal kelas',
    source: { label: 'Jadwal 2026' },
    checked_on: '2026-12-01',
  };

  it('reads JSON (an array or { entries }) and CSV with the same rules', () => {
    const json = parseImport(JSON.stringify([row]));
    expect(json).toMatchObject({ records: 1, problems: [], entries: [{ key: 'jam-kelas', topic: 'other' }] });
    expect(parseImport(JSON.stringify({ entries: [row] }))).toMatchObject({ records: 1, problems: [] });
    const csv = parseImport(
      '\uFEFFkey,topic,question_id,answer_id,keywords,source_label,checked_on\njam-kelas,process,Jam berapa?,Pagi.,"a, b",Jadwal,2026-12-01\n',
    );
    expect(csv).toMatchObject({
      records: 1,
      problems: [],
      entries: [{ topic: 'process', keywords: ['a', 'b'] }],
    });
  });

  it('names the record and the column of every problem; unreadable files are said to be', () => {
    const bad = parseImport(
      JSON.stringify([row, { ...row, source: { label: '' }, checked_on: '2026-02-30' }]),
    );
    expect(bad).toMatchObject({
      records: 2,
      problems: [
        { record: 2, field: 'source_label' },
        { record: 2, field: 'checked_on' },
      ],
    });
    expect(parseImport('{ not json')).toEqual({ unreadable: true });
    expect(parseImport('{"x": 1}')).toEqual({ unreadable: true });
  });
});

describe('masking what people type into questions', () => {
  it('masks NIK-shaped numbers, phone numbers and e-mail addresses, and leaves the rest', () => {
    expect(maskPersonal('NIK aku 3578012345670001 ya')).toBe('NIK aku [NIK] ya');
    expect(maskPersonal('nik 3578 0123 4567 0001')).toBe('nik [NIK]');
    expect(maskPersonal('wa 0812-3456-7890 atau +62 812 3456 7890')).toBe('wa [nomor] atau [nomor]');
    expect(maskPersonal('email rina.s@gmail.com')).toBe('email [email]');
    expect(maskPersonal('umur 27, lulus 2019, gaji 5.000.000')).toBe('umur 27, lulus 2019, gaji 5.000.000');
  });
});
