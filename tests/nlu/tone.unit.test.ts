/**
 * The tone reader on a labelled set of feelings as people type them, in Indonesian and English, with
 * emoji and typed faces (issue #14, point 5). 'only': nothing but the feeling was said. Every message
 * must be read exactly; the neutral ones must stay neutral.
 */
import { describe, expect, it } from 'vitest';
import { readTone } from '../../src/nlu/tone';

const FEELINGS: Array<[string, string, boolean?]> = [
  // Tears are never thanks.
  ['😭😭😭🙏', 'distress', true],
  ['😭🙏🏻', 'distress', true],
  ['🥺🙏', 'distress', true],
  ['😢', 'distress', true],
  ['hiks hiks', 'distress', true],
  ['huhuhu', 'distress', true],
  [':(', 'distress', true],
  [":'(", 'distress', true],
  [':((((', 'distress', true],
  ['T_T', 'distress', true],
  ['💔', 'distress', true],
  ['sedih bgt aku ditolak terus', 'distress', true],
  ['aku capek banget ga ada yg mau nerima aku', 'distress', true],
  ['udah ga kuat kak', 'distress', true],
  ['ga ada harapan', 'distress', true],
  ['stres bgt nganggur terus', 'distress', true],
  ["i'm so sad", 'distress', true],
  ['i give up', 'distress', true],
  ['nobody wants to hire me', 'distress', true],
  ['aku stres, pelatihan las di bekasi ada?', 'distress', false],
  // Ending one's life comes first.
  ['capek hidup, pengen mati aja 😭', 'crisis', true],
  ['mending mati aja', 'crisis', true],
  ['i want to die', 'crisis', true],
  // Insults: calm, and help.
  ['bot goblok', 'insult', true],
  ['anjing lu', 'insult', true],
  ['dasar bot tolol', 'insult', true],
  ['bacot', 'insult', true],
  ["you're stupid", 'insult', true],
  ['shut up', 'insult', true],
  ['bot bego, pelatihan las di sby dong', 'insult', false],
  // Frustration.
  ['kesel bgt', 'frustration', true],
  ['kzl', 'frustration', true],
  ['ribet amat', 'frustration', true],
  ['ga jelas lu', 'frustration', true],
  ['lama bgt sih', 'frustration', true],
  ['😡', 'frustration', true],
  ['🙄', 'frustration', true],
  ['-_-', 'frustration', true],
  ['this bot is useless', 'frustration', true],
  ['wtf', 'frustration', true],
  // Thanks.
  ['makasih kak 😭🙏', 'thanks', true],
  ['makasih banyak kak 🙏', 'thanks', true],
  ['🙏', 'thanks', true],
  ['mksh', 'thanks', true],
  ['thank u', 'thanks', true],
  ['thank you so much', 'thanks', true],
  ['matur nuwun', 'thanks', true],
  // Laughter.
  ['wkwkwk', 'laughter', true],
  ['hahaha', 'laughter', true],
  ['😂😂', 'laughter', true],
  ['🤣', 'laughter', true],
  ['xD', 'laughter', true],
  [':D', 'laughter', true],
  ['wkwkwk 😭😭', 'laughter', true],
  ['lmao', 'laughter', true],
  // Greetings.
  ['halo kak', 'greeting', true],
  ['assalamualaikum', 'greeting', true],
  ['pagi kak', 'greeting', true],
  ['hi there', 'greeting', true],
  ['good evening', 'greeting', true],
];

const NEUTRAL = [
  'pelatihan las di sby',
  'pelatihan pengolahan sampah',
  'hmm',
  '👍',
  'ok',
  '15:00',
  'jam 10:30 bisa?',
  '3/4',
  'magang jepang syaratnya apa',
  'is there a dorm',
  'Budi Santoso',
];

describe('tone evaluation set', () => {
  it.each(FEELINGS)('%s → %s', (text, tone, only) => {
    const reading = readTone(text);
    expect(reading?.tone).toBe(tone);
    if (only !== undefined) expect(reading?.only).toBe(only);
  });

  it.each(NEUTRAL)('%s → no feeling', (text) => {
    expect(readTone(text)).toBeUndefined();
  });
});
