import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';

const root = join(import.meta.dirname, '..', '..');

/** Leaf keys, plural suffixes folded (Indonesian has only `_other`, English `_one` and `_other`). */
function keys(namespace: string, locale: string): string[] {
  const data = JSON.parse(readFileSync(join(root, 'locales', locale, `${namespace}.json`), 'utf8'));
  const out = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.add(path.replace(/_(?:one|other)$/, ''));
    else for (const [k, v] of Object.entries(node as object)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(data, '');
  return [...out].sort();
}

describe.each(['eligibility', 'profile'])('locales/*/%s.json', (namespace) => {
  it('has the same keys in Indonesian and English', () => {
    expect(keys(namespace, 'en')).toEqual(keys(namespace, 'id'));
  });
});

describe('parse error messages', () => {
  // Every `fail('…')` in the parsers must have its sentence in both languages.
  const dirs = ['profile', 'quiz'].map((d) => join(root, 'src', d));
  const names = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) => [
        ...readFileSync(join(dir, f), 'utf8').matchAll(
          /fail(?:<\w+>)?\(\s*(?:[^']*\?\s*)?'([\w.]+)'(?:\s*:\s*'([\w.]+)')?/g,
        ),
      ])
      .flatMap((m) => [m[1], m[2]].filter((n): n is string => n !== undefined)),
  );
  it('finds the parsers’ error names', () => {
    expect(names.length).toBeGreaterThan(20);
  });
  it.each([...new Set(names)])('profile:parse.%s exists in id and en', (name) => {
    for (const lng of ['id', 'en'])
      expect(i18n.exists(`profile:parse.${name}`, { lng, fallbackLng: false })).toBe(true);
  });
});
