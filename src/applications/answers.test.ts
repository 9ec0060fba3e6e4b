import { describe, expect, it } from 'vitest';
import { isSkip, parseAddress, parseEmail, parseFullName, parseMajor } from './answers';

describe('application answers', () => {
  it('reads names as on the KTP', () => {
    expect(parseFullName('  siti   nur  AISYAH ')).toEqual({ ok: true, value: 'siti nur AISYAH' });
    expect(parseFullName('Ni Made Dewi-Ayu, S.Pd.')).toEqual({ ok: true, value: 'Ni Made Dewi-Ayu, S.Pd.' });
    expect(parseFullName("Ma'ruf")).toEqual({ ok: true, value: "Ma'ruf" });
    expect(parseFullName('Budi 2')).toMatchObject({ error: { key: 'applications:parse.name.digits' } });
    expect(parseFullName('😀 Budi')).toMatchObject({ error: { key: 'applications:parse.name.characters' } });
    expect(parseFullName('B')).toMatchObject({ error: { key: 'applications:parse.name.short' } });
  });

  it('reads emails and skips', () => {
    expect(parseEmail('Sari.Dewi@GMAIL.COM')).toEqual({ ok: true, value: 'Sari.Dewi@gmail.com' });
    expect(parseEmail('sari dewi@gmail.com')).toMatchObject({
      error: { key: 'applications:parse.email.spaces' },
    });
    expect(parseEmail('sari.gmail.com')).toMatchObject({ error: { key: 'applications:parse.email.noAt' } });
    expect(parseEmail('sari@gmail')).toMatchObject({ error: { key: 'applications:parse.email.format' } });
    for (const word of ['lewati', 'Gak punya', 'tidak ada', '-', 'skip']) expect(isSkip(word)).toBe(true);
    for (const word of [
      'gk punya',
      'ga ada kak',
      'skip aja',
      'lewat',
      'email ga punya',
      'gapunya',
      'belum punya email',
    ])
      expect(isSkip(word), word).toBe(true);
    expect(isSkip('gak punya uang')).toBe(false);
    expect(isSkip('sari@gmail.com')).toBe(false);
  });

  it('wants an address that finds the house', () => {
    expect(parseAddress('Jl. Melati No. 5, Surabaya').ok).toBe(true);
    expect(parseAddress('Surabaya')).toMatchObject({ error: { key: 'applications:parse.address.short' } });
    expect(parseAddress('x'.repeat(301))).toMatchObject({
      error: { key: 'applications:parse.address.long' },
    });
  });

  it('reads a major', () => {
    expect(parseMajor(' Teknik  Pengelasan ')).toEqual({ ok: true, value: 'Teknik Pengelasan' });
    expect(parseMajor('12')).toMatchObject({ error: { key: 'applications:parse.major.short' } });
  });
});
