import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { DELETE_PHRASE, isWithdrawalRequest, WITHDRAW_PHRASE } from '../../src/features/privacy/keywords';
import { subjectHash } from '../../src/privacy/log';
import { normaliseText as normaliseTyped } from '../../src/shared/text/normalise';

const root = join(import.meta.dirname, '..', '..');

function keys(locale: string): string[] {
  const data = JSON.parse(readFileSync(join(root, 'locales', locale, 'privacy.json'), 'utf8'));
  const out = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.add(path.replace(/_(?:one|other)$/, ''));
    else for (const [k, v] of Object.entries(node as object)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(data, '');
  return [...out].sort();
}

describe('locales/*/privacy.json', () => {
  it('has the same keys in Indonesian and English', () => {
    expect(keys('en')).toEqual(keys('id'));
  });
  it('uses only the `other` plural form in Indonesian', () => {
    expect(readFileSync(join(root, 'locales', 'id', 'privacy.json'), 'utf8')).not.toContain('_one"');
  });
});

describe('typed privacy requests', () => {
  it.each([
    'tarik persetujuan',
    'Tarik persetujuan!',
    'saya mau menarik persetujuan',
    'aku ingin cabut persetujuan data pribadi',
    'withdraw my consent',
  ])('"%s" withdraws consent', (text) => {
    expect(isWithdrawalRequest(text)).toBe(true);
  });
  it.each(['persetujuan', 'tarik tunai', 'bagaimana cara tarik persetujuan kalau sudah daftar?', 'setuju'])(
    '"%s" does not',
    (text) => {
      expect(isWithdrawalRequest(text)).toBe(false);
    },
  );
  it('confirms erasure only with the phrase', () => {
    for (const text of ['ya hapus', 'Ya, hapus!', 'ya hapus semua', 'iya hapus data saya', 'yes delete'])
      expect(DELETE_PHRASE.test(normaliseTyped(text))).toBe(true);
    for (const text of ['ya', 'hapus', 'oke', 'ya jangan hapus', 'tidak hapus'])
      expect(DELETE_PHRASE.test(normaliseTyped(text))).toBe(false);
    expect(WITHDRAW_PHRASE.test(normaliseTyped('Ya, tarik'))).toBe(true);
    expect(WITHDRAW_PHRASE.test(normaliseTyped('ya'))).toBe(false);
  });
});

describe('retention settings', () => {
  it('defaults to 730 days for people and 365 for messages', () => {
    const config = loadConfig({});
    expect(config.RETENTION_DAYS).toBe(730);
    expect(config.MESSAGE_RETENTION_DAYS).toBe(365);
  });
  it('refuses a retention longer than the notice promises, or absurdly short', () => {
    expect(() => loadConfig({ RETENTION_DAYS: '1000' })).toThrow(
      /RETENTION_DAYS: the privacy notice promises/,
    );
    expect(() => loadConfig({ RETENTION_DAYS: '3', MESSAGE_RETENTION_DAYS: 'x' })).toThrow(
      /RETENTION_DAYS: must be at least 30 days[\s\S]*MESSAGE_RETENTION_DAYS/,
    );
  });
});

describe('subject hash', () => {
  it('is stable, one-way and does not contain the id', () => {
    const id = '8c1f0a52-3f5e-4a8e-9a1d-2b7c6d5e4f30';
    expect(subjectHash(id)).toBe(subjectHash(id));
    expect(subjectHash(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(subjectHash(id)).not.toContain(id.slice(0, 8));
  });
});
