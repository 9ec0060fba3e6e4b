import { describe, expect, it } from 'vitest';
import { languageOf } from './language';

describe('the language a message is written in', () => {
  it.each([
    'is there a dorm',
    'what is the age limit',
    'how much does it cost',
    "I'm 27, can I still join?",
    'good morning',
    'I want magang in japan',
    'online courses please',
  ])('English: %s', (text) => {
    expect(languageOf(text)).toBe('en');
  });

  it.each([
    'ada magang ke jepang gak kak?',
    'thanks kak',
    'ya',
    'aku mau training welding in surabaya',
    'gajinya brp',
    'syaratnya apa aja',
    'info magang jepang please',
    'magang jepang',
  ])('Indonesian: %s', (text) => {
    expect(languageOf(text)).toBe('id');
  });

  it.each(['ok', 'Surabaya', 'Budi Santoso', '2', 'yes', 'hi', '😭😭😭🙏', 'no', 'a', 'training', 'thanks'])(
    'says nothing for %s',
    (text) => {
      expect(languageOf(text)).toBeUndefined();
    },
  );
});
