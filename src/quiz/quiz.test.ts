import { describe, expect, it } from 'vitest';
import { renderMessage } from '../eligibility/message';
import { tFor } from '../i18n';
import { FIELDS } from '../shared/vocabulary';
import { parseQuizAnswer } from './answer';
import { QUIZ_ITEMS, type QuizAnswer, quizItemKey, RIASEC_TYPES, type RiasecType } from './items';
import { FIELDS_BY_TYPE, recommendFields } from './recommend';
import { scoreQuiz } from './score';

/** Answers for all 12 items: `liked` types get suka, `neutral` biasa, the rest tidak suka. */
function answers(liked: string, neutral = ''): Record<string, QuizAnswer> {
  return Object.fromEntries(
    QUIZ_ITEMS.map((item) => [
      item.id,
      liked.includes(item.type) ? 'suka' : neutral.includes(item.type) ? 'biasa' : 'tidak_suka',
    ]),
  );
}

describe('the items', () => {
  it('are 12, two per type, with the types taking turns', () => {
    expect(QUIZ_ITEMS).toHaveLength(12);
    for (const type of RIASEC_TYPES) expect(QUIZ_ITEMS.filter((i) => i.type === type)).toHaveLength(2);
    expect(QUIZ_ITEMS.slice(0, 6).map((i) => i.type)).toEqual([...RIASEC_TYPES]);
    expect(new Set(QUIZ_ITEMS.map((i) => i.id)).size).toBe(12);
  });
  it.each(['id', 'en'] as const)('have a text in %s', (locale) => {
    const t = tFor(locale);
    for (const item of QUIZ_ITEMS) {
      const text = t(quizItemKey(item));
      expect(text).not.toBe(`quiz.item.${item.id}`);
      expect(text.length).toBeGreaterThan(10);
    }
  });
});

describe('scoreQuiz', () => {
  it.each([
    ['RI', '', { R: 4, I: 4, A: 0, S: 0, E: 0, C: 0 }, ['R', 'I']],
    ['S', 'E', { R: 0, I: 0, A: 0, S: 4, E: 2, C: 0 }, ['S', 'E']],
    ['C', '', { R: 0, I: 0, A: 0, S: 0, E: 0, C: 4 }, ['C']],
    ['', '', { R: 0, I: 0, A: 0, S: 0, E: 0, C: 0 }, []],
    ['AE', 'C', { R: 0, I: 0, A: 4, S: 0, E: 4, C: 2 }, ['A', 'E']],
  ])('suka %j, biasa %j → %j, top %j', (liked, neutral, scores, top) => {
    const result = scoreQuiz(answers(liked, neutral));
    expect(result.scores).toEqual(scores);
    expect(result.top).toEqual(top);
    expect(result.complete).toBe(true);
    expect(result.answered).toBe(12);
  });

  it('weighs suka 2, biasa 1, tidak suka 0', () => {
    expect(scoreQuiz({ r1: 'suka', r2: 'biasa', i1: 'tidak_suka' }).scores).toMatchObject({ R: 3, I: 0 });
  });

  it('breaks an equal score by the number of suka, before the fixed order', () => {
    // R: biasa + biasa = 2; C: suka + tidak suka = 2 → C has the clearer like.
    const result = scoreQuiz({
      r1: 'biasa',
      r2: 'biasa',
      c1: 'suka',
      c2: 'tidak_suka',
      s1: 'suka',
      s2: 'suka',
    });
    expect(result.top).toEqual(['S', 'C']);
    expect(result.tied).toBe(false);
  });

  it('says when second place was a coin toss', () => {
    expect(scoreQuiz(answers('', 'RIASEC')).tied).toBe(true);
    expect(scoreQuiz(answers('', 'RIASEC')).top).toEqual(['R', 'I']);
    expect(scoreQuiz(answers('SA')).tied).toBe(false);
    expect(scoreQuiz(answers('SAE')).tied).toBe(true);
  });

  it('counts a partial quiz and ignores unknown ids', () => {
    const result = scoreQuiz({ r1: 'suka', x9: 'suka' } as Record<string, QuizAnswer>);
    expect(result).toMatchObject({ answered: 1, complete: false, top: ['R'] });
  });
});

describe('recommendFields', () => {
  it('puts fields suiting both types first, then the first type, then the second', () => {
    const fields = recommendFields(['R', 'I'], 20).map((r) => r.field);
    const both = ['elektronika', 'pertanian', 'perikanan'];
    expect(fields.slice(0, 3)).toEqual(both);
    expect(fields.slice(3, 9)).toEqual([
      'las',
      'otomotif',
      'listrik',
      'konstruksi',
      'manufaktur',
      'refrigerasi',
    ]);
    expect(fields.slice(9)).toEqual(['tik', 'kesehatan']);
  });
  it.each([
    [
      ['S', 'E'],
      ['perhotelan', 'pariwisata', 'bahasa', 'perawatan', 'kesehatan', 'kewirausahaan'],
    ],
    [['C'], ['administrasi', 'logistik', 'tik', 'manufaktur']],
    [
      ['A', 'R'],
      ['menjahit', 'tata_rias', 'kerajinan', 'tata_boga', 'tik', 'las'],
    ],
    [[], []],
  ] as [RiasecType[], string[]][])('%j → %j', (types, fields) => {
    expect(recommendFields(types).map((r) => r.field)).toEqual(fields);
  });
  it('limits the list', () => {
    expect(recommendFields(['R', 'I'], 2)).toHaveLength(2);
  });
  it('only names fields from the vocabulary, and every type has some', () => {
    for (const type of RIASEC_TYPES) {
      expect(FIELDS_BY_TYPE[type].length).toBeGreaterThan(2);
      for (const field of FIELDS_BY_TYPE[type]) expect(FIELDS).toContain(field);
    }
  });
  it('gives a reason in the person’s language', () => {
    const [both, firstOnly] = [recommendFields(['S', 'E'])[0]!, recommendFields(['S', 'E'])[3]!];
    expect(both.types).toEqual(['S', 'E']);
    expect(renderMessage(both.reason)).toBe(
      'Cocok untuk yang suka membantu, merawat, dan mengajar orang, dan juga yang suka memimpin, menjual, dan meyakinkan orang.',
    );
    expect(renderMessage(firstOnly.reason)).toBe(
      'Cocok untuk yang suka membantu, merawat, dan mengajar orang.',
    );
    expect(renderMessage(firstOnly.reason, 'en')).toBe(
      'Suits people who like helping, caring for and teaching people.',
    );
  });
});

describe('parseQuizAnswer', () => {
  it.each([
    ['suka', 'suka'],
    ['Suka banget', 'suka'],
    ['1', 'suka'],
    ['👍', 'suka'],
    ['tertarik', 'suka'],
    ['like', 'suka'],
    ['biasa saja', 'biasa'],
    ['biasa aja', 'biasa'],
    ['b aja', 'biasa'],
    ['2', 'biasa'],
    ['netral', 'biasa'],
    ['tidak suka', 'tidak_suka'],
    ['gak suka', 'tidak_suka'],
    ['kurang suka', 'tidak_suka'],
    ['3', 'tidak_suka'],
    ['👎', 'tidak_suka'],
    ['dislike', 'tidak_suka'],
    ['males', 'tidak_suka'],
  ])('%s → %s', (input, answer) => {
    expect(parseQuizAnswer(input)).toEqual({ ok: true, value: answer });
  });
  it.each([['4'], ['apa ini'], ['']])('%j is asked again', (input) => {
    const result = parseQuizAnswer(input);
    expect(result.ok || renderMessage(result.error)).toBe(
      'Jawab dengan suka, biasa saja, atau tidak suka (atau balas 1, 2, atau 3).',
    );
  });
});
