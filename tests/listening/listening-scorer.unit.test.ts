import { describe, expect, it } from 'vitest';
import {
  type CatalogueRecord,
  findButton,
  fold,
  judgeMoment,
  type Moment,
  parseTurn,
  programmesInOrder,
  replyLanguage,
  scoreBatch,
} from './listening-scorer';

const record = (slug: string, id: string, en?: string, provider = 'BLK Uji'): CatalogueRecord => ({
  slug,
  title: { id, ...(en ? { en } : {}) },
  provider: { name: provider },
});

const CATALOGUE = [
  record('las', 'Pelatihan Las', 'Welding course'),
  record('las-lanjut', 'Pelatihan Las Lanjutan'),
  record('jepang', 'Magang Jepang Bidang Pertanian', 'Japan farming internship'),
];

const moment = (expect: Moment['expect'], lang: Moment['lang'] = 'id'): Moment => ({
  id: 'm-1',
  lang,
  category: 'question',
  turns: ['syaratnya apa'],
  expect,
});

describe('listening scorer', () => {
  it('reads the special turns and leaves everything else as typed text', () => {
    expect(parseTurn('[setuju]')).toEqual({ kind: 'agree' });
    expect(parseTurn('[tolak]')).toEqual({ kind: 'decline' });
    expect(parseTurn('[Daftar 2]')).toEqual({ kind: 'apply', n: 2 });
    expect(parseTurn('[menu]')).toEqual({ kind: 'menu' });
    expect(parseTurn('[kirim foto]')).toEqual({ kind: 'photo' });
    expect(parseTurn('setuju')).toEqual({ kind: 'text', text: 'setuju' });
  });

  it('taps the clearest button, never a negative one to agree', () => {
    const buttons = [
      { text: 'Tidak setuju', data: 'a' },
      { text: '✅ Setuju', data: 'b' },
      { text: '🏠 Menu', data: 'c' },
      { text: '📝 Daftar', data: 'd' },
    ];
    expect(findButton('agree', buttons)?.data).toBe('b');
    expect(findButton('decline', buttons)?.data).toBe('a');
    expect(findButton('menu', buttons)?.data).toBe('c');
    expect(findButton('apply', buttons)?.data).toBe('d');
    expect(findButton('agree', [{ text: 'Tidak setuju', data: 'a' }])).toBeUndefined();
    expect(findButton('agree', [{ text: 'Ya, lanjut', data: 'y' }])?.data).toBe('y');
  });

  it('lists programmes in the order a reply shows them, in either language', () => {
    const text = '1. Pelatihan Las Lanjutan\n   BLK Uji\n2. Japan farming internship\n3. Pelatihan Las';
    expect(programmesInOrder(text, CATALOGUE)).toEqual(['las-lanjut', 'jepang', 'las']);
  });

  it('folds case and accents', () => {
    expect(fold('  Éxpérience  ÀÇ ')).toBe('experience ac');
  });

  it('tells the reply language by its words, not by programme titles', () => {
    expect(replyLanguage('Kamu bisa daftar di program ini kalau umurmu 18–30 tahun.').lang).toBe('id');
    expect(replyLanguage('You can apply if you are 18 to 30 years old.').lang).toBe('en');
    const english = 'The course "Pelatihan Las" is free and you can apply here.';
    expect(replyLanguage(english, CATALOGUE)).toMatchObject({ lang: 'en', id: 0 });
  });

  it('passes when every group has one alternative and nothing forbidden is said', () => {
    const reply = { texts: ['Syaratnya: usia 18–30 tahun, lulusan SMA/SMK.'], buttons: ['🙋 Petugas'] };
    const ok = judgeMoment(
      moment({
        all: [
          ['umur', 'usia'],
          ['lulusan', 'pendidikan'],
        ],
        none: ['tanggal lahir'],
        lang: 'id',
        human: true,
      }),
      reply,
      CATALOGUE,
    );
    expect(ok).toEqual({ pass: true, why: [] });
    const bad = judgeMoment(
      moment({ all: [['ijazah']], none: ['SMA'], lang: 'en', human: false }),
      reply,
      CATALOGUE,
    );
    expect(bad.pass).toBe(false);
    expect(bad.why).toEqual(['missing one of [ijazah]', 'says "SMA"', expect.stringMatching(/^not in en/)]);
  });

  it('fails an English reply that carries Indonesian words, and a reply that offers no person', () => {
    const reply = { texts: ['You can apply, silakan pilih programnya.'], buttons: [] };
    const v = judgeMoment(moment({ lang: 'en', human: true }, 'en'), reply, CATALOGUE);
    expect(v.why).toEqual([expect.stringMatching(/^not in en/), 'offers no person']);
  });

  it('checks the programmes a reply must and must not list', () => {
    const reply = { texts: ['1. Pelatihan Las\n2. Magang Jepang Bidang Pertanian'], buttons: [] };
    expect(
      judgeMoment(moment({ programmes: ['las'], notProgrammes: ['las-lanjut'] }), reply, CATALOGUE).pass,
    ).toBe(true);
    expect(
      judgeMoment(moment({ programmes: ['las-lanjut'], notProgrammes: ['jepang'] }), reply, CATALOGUE).why,
    ).toEqual(['does not list las-lanjut', 'lists jepang']);
  });

  it('fails a moment without a reply', () => {
    expect(judgeMoment(moment({}), { texts: [], buttons: [] }, CATALOGUE).why).toEqual(['no reply']);
  });

  it('scores per category and language and prints every miss with the reply', () => {
    const a = moment({});
    const b: Moment = { ...moment({}, 'en'), id: 'm-2', category: 'tone' };
    const score = scoreBatch('b', [
      { moment: a, verdict: { pass: true, why: [] }, reply: 'ok' },
      { moment: b, verdict: { pass: false, why: ['says "Sama-sama"'] }, reply: 'Sama-sama!' },
    ]);
    expect(score).toMatchObject({ passed: 1, total: 2, rate: 0.5 });
    expect(score.report).toContain('by category: question 1/1, tone 0/1');
    expect(score.report).toContain('by language: en 0/1, id 1/1');
    expect(score.report).toContain('m-2 [tone/en]');
    expect(score.report).toContain('Sama-sama!');
  });
});
