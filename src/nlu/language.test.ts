import { describe, expect, it } from 'vitest';
import { firstLanguageOf, languageOf, requestedLanguage } from './language';

describe('the language a message is written in', () => {
  it.each([
    'is there a dorm',
    'what is the age limit',
    'how much does it cost',
    "I'm 27, can I still join?",
    'good morning',
    'I want magang in japan',
    'online courses please',
    'no email, sorry',
    'nope, no tattoos',
    "hahaha ok that's funny",
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

  it.each([
    '170an',
    'tinggiku 170an',
    '12th',
    'ok',
    'Surabaya',
    'Budi Santoso',
    '2',
    'yes',
    'hi',
    '😭😭😭🙏',
    'no',
    'a',
    'training',
    'thanks',
  ])('says nothing for %s', (text) => {
    expect(languageOf(text)).toBeUndefined();
  });
});

describe('the language asked for', () => {
  it.each([
    ["sorry, can you reply in English? my Indonesian isn't good", 'en'],
    ['my english is not very good, pake bahasa indonesia aja', 'id'],
  ] as const)('%s → %s', (text, locale) => {
    expect(requestedLanguage(text)).toBe(locale);
  });
});

describe('the language of a first message', () => {
  it.each([
    ['hi 👋', 'en'],
    ['hello', 'en'],
    ['japan?', 'en'],
    ['Beginner web developer course (online)', 'en'],
    ['halo', undefined],
    ['korea', undefined],
    ['las makassar', undefined],
    ['hi kak', 'id'],
    ['seleksi im japan semarang', undefined],
    ['sertifikasi welder 6g cilegon', undefined],
  ])('%j → %s', (text, locale) => {
    expect(firstLanguageOf(text)).toBe(locale);
  });
});
