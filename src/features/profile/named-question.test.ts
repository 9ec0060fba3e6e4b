import { describe, expect, it } from 'vitest';
import { parseNumber, parseYesNo, parseYesNoTo } from '../../profile/parse';
import type { ProgrammeQuestion } from '../../shared/profile';
import { namedQuestions } from './named-question';

const q = (id: string, ask: string, type: ProgrammeQuestion['type'] = 'yes_no'): ProgrammeQuestion => ({
  id,
  ask: { id: ask },
  type,
});
const eps = q('eps', 'Apakah kamu sudah lulus EPS-TOPIK?');
const sim = q('sim', 'Apakah kamu punya SIM (A, B1, atau C) yang masih berlaku?');
const swim = q('swim', 'Apakah kamu bisa berenang?');
const tattoo = q('tato', 'Apakah kamu memiliki tato atau tindik (selain anting untuk perempuan)?');
const years = q('exp', 'Berapa tahun pengalaman kerjamu di bidang barista?', 'number');
const all = [eps, sim, swim, tattoo, years];

describe('a programme question answered before it is asked', () => {
  it.each([
    ['aku belum lulus eps topik', 'eps'],
    ['sim sy sudah mati', 'sim'],
    ['kita nyanda bisa berenang', 'swim'],
    ['pengalaman barista 6 bulan', 'exp'],
  ])('%j names %s', (text, id) => {
    expect(namedQuestions(text, all).map((x) => x.id)).toEqual([id]);
  });

  it.each(['umurku 20', 'aku perempuan', 'sudah lulus sma', 'belum punya pengalaman kerja'])(
    '%j names none',
    (text) => {
      expect(namedQuestions(text, all)).toEqual([]);
    },
  );

  it('reads the answer against the question', () => {
    expect(parseYesNoTo(sim.ask.id, 'sim sy sudah mati')).toEqual({ ok: true, value: false });
    expect(parseYesNoTo(swim.ask.id, 'kita nyanda bisa berenang')).toEqual({ ok: true, value: false });
    expect(parseYesNo('sa tra punya')).toEqual({ ok: true, value: false });
    expect(parseNumber('pengalaman barista 6 bulan', { unit: 'tahun' })).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('umur 24 thn')).toEqual({ ok: true, value: 24 });
  });
});
