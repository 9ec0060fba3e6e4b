import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';

const root = join(import.meta.dirname, '..', '..');

/** Leaf keys, plural suffixes folded (Indonesian has only `_other`, English `_one` and `_other`). */
function keys(locale: string): string[] {
  const data = JSON.parse(readFileSync(join(root, 'locales', locale, 'applications.json'), 'utf8'));
  const out = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.add(path.replace(/_(?:one|other)$/, ''));
    else for (const [k, v] of Object.entries(node as object)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(data, '');
  return [...out].sort();
}

describe('locales/*/applications.json', () => {
  it('has the same keys in Indonesian and English', () => {
    expect(keys('en')).toEqual(keys('id'));
  });

  it('has no Indonesian plural form but `_other`', () => {
    const raw = readFileSync(join(root, 'locales', 'id', 'applications.json'), 'utf8');
    expect(raw).not.toMatch(/_(one|few|many|zero)"/);
  });

  // Every `fail('…')` of the parsers must have its sentence in both languages.
  const names = readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .flatMap((f) => {
      const source = readFileSync(join(import.meta.dirname, f), 'utf8');
      const prefix = /key: `(applications:[\w.]+)\.\$\{name\}`/.exec(source)?.[1];
      if (!prefix) return [];
      return [...source.matchAll(/fail\(\s*'([\w.]+)'/g)].map((m) => `${prefix}.${m[1]}`);
    });
  it('finds the parsers’ error names', () => {
    expect(names.length).toBeGreaterThan(20);
  });
  it.each([...new Set(names)])('%s exists in id and en', (key) => {
    for (const lng of ['id', 'en'])
      expect(
        i18n.exists(key, { lng, fallbackLng: false, count: 2 }) ||
          i18n.exists(key, { lng, fallbackLng: false }),
      ).toBe(true);
  });
});
