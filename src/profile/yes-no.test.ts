import { describe, expect, it } from 'vitest';
import { parseYesNo } from './yes-no';

describe('parseYesNo', () => {
  it.each([
    ['ya', true],
    ['Ya', true],
    ['iya', true],
    ['iyaaa', true],
    ['y', true],
    ['yes', true],
    ['ok', true],
    ['oke kak', true],
    ['boleh', true],
    ['betul', true],
    ['ada', true],
    ['punya', true],
    ['sudah pernah', true],
    ['iya saya punya tato', true],
    ['👍', true],
    // "no problem" said with a negation, and regional yes.
    ['ga papa', true],
    ['gak masalah kak', true],
    ['tidak keberatan', true],
    ['gpp', true],
    ['nggih', true],
    ['muhun', true],
    ['gak', false],
    ['ga', false],
    ['gaaak', false],
    ['tidak', false],
    ['tdk', false],
    ['ngga', false],
    ['nggak', false],
    ['enggak', false],
    ['no', false],
    ['n', false],
    ['belum', false],
    ['belum pernah', false],
    ['tidak ada', false],
    ['tidak ada apa apa', false],
    ['saya tidak punya', false],
    ['gak punya kak', false],
    ['bukan', false],
    ['👎', false],
  ])('%s → %s', (input, value) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'unknown'],
    ['mungkin', 'unsure'],
    ['gak tau', 'unsure'],
    ['tidak yakin', 'unsure'],
    ['160', 'unknown'],
    ['tato naga', 'unknown'],
    // A question, where "ya" is only a particle: asked again, never taken as yes.
    ['hmm gmn ya', 'unsure'],
    ['maksudnya apa ya?', 'unsure'],
    ['ya gimana kak', 'unsure'],
    ['boleh?', 'unsure'],
  ])('%j → %s', (input, reason) => {
    const result = parseYesNo(input);
    expect(result.ok || result.error.key).toBe(`profile:parse.yesNo.${reason}`);
  });
});
