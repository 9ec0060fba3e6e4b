/**
 * Which language a message is written in, so the reply can follow it (issue #14): a message in
 * Indonesian gets Indonesian whatever the phone's language says, one in English gets English. Words,
 * not letters, decide — chat Indonesian is full of English ("training welding", "thanks kak"), so only
 * words one language owns count, and a message with too little of either (a name, a number, "ok",
 * "Surabaya") says nothing: the conversation keeps the language it had.
 */
import type { Locale } from '../i18n';
import { SLANG_MAP } from './lexicon';
import data from './lexicons/language.json';

const words = (list: string) => list.split(/\s+/).filter(Boolean);

const BOTH = new Set(words(data.both));
const IGNORE_SLANG = new Set(words(data.ignoreSlang));

/** Weight of each word for each language: 2 for a function word or chat particle, 1 for a content word. */
const WEIGHTS: ReadonlyMap<string, readonly [Locale, number]> = (() => {
  const map = new Map<string, readonly [Locale, number]>();
  const put = (list: string, locale: Locale, weight: number) => {
    for (const w of words(list)) if (!BOTH.has(w) && !map.has(w)) map.set(w, [locale, weight]);
  };
  put(data.en.strong, 'en', 2);
  put(data.id.strong, 'id', 2);
  put(data.en.weak, 'en', 1);
  put(data.id.weak, 'id', 1);
  // Chat slang and dialect ("gk", "udh", "opo", "kumaha") only ever appear in Indonesian chat.
  for (const w of SLANG_MAP.keys())
    if (!w.includes(' ') && !BOTH.has(w) && !IGNORE_SLANG.has(w) && !map.has(w)) map.set(w, ['id', 2]);
  return map;
})();

/** "gajinya", "syaratnya", "daftarnya": the Indonesian possessive suffix on a word. */
const NYA = /^[a-z]{3,}nya$/;
/** "dibayar", "mendaftar", "berlatih", "pelatihan": Indonesian affixes around a stem. */
const AFFIXED = /^(?:di|me[mn]?g?|ber|ter|pe[mn]?g?|ke)[a-z]{3,}(?:kan|an|i)$/;

export interface LanguageReading {
  /** The language the message is written in, when the words say so clearly. */
  locale?: Locale;
  en: number;
  id: number;
}

export function readLanguage(text: string): LanguageReading {
  // A word is letters alone: "170an", "12th", "n4" are numbers with a suffix, not the English "an" or
  // "th" (a height "tinggiku 170an" in an Indonesian form turned the replies English).
  const tokens = (
    text
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []
  ).filter((t) => !/\d/.test(t));
  let en = 0;
  let id = 0;
  let enWords = 0;
  for (const token of tokens) {
    // "that's", "what's": the contraction's word when the whole is not listed.
    const hit =
      WEIGHTS.get(token) ?? WEIGHTS.get(token.replace(/'/g, '')) ?? WEIGHTS.get(token.replace(/'.*$/, ''));
    if (hit) {
      if (hit[0] === 'en') {
        en += hit[1];
        enWords++;
      } else id += hit[1];
    } else if (NYA.test(token)) id += 2;
    else if (AFFIXED.test(token) && !BOTH.has(token)) id += 1;
  }
  // English needs two of its words ("a" alone may be a typo); Indonesian one function word ("ya").
  if (en >= 2 && en > 2 * id && (enWords >= 2 || (id === 0 && tokens.length >= 2)))
    return { locale: 'en', en, id };
  if (id >= 2 && id >= en) return { locale: 'id', en, id };
  return { en, id };
}

/** Written the English way, also used in Indonesian chat: they lean English only in a first message. */
const FIRST_EN = new Set(words(data.firstEn));
/** English-weighted but spelled the same in Indonesian ("korea", "taiwan"). */
const FIRST_SAME = new Set(words(data.firstSame));

/**
 * The language of a person's very first message: as `languageOf`, but a message with English words
 * and nothing Indonesian ("hi 👋", "japan?", "Beginner web developer course (online)") is English, since
 * nothing said before it says otherwise.
 */
export function firstLanguageOf(text: string): Locale | undefined {
  const reading = readLanguage(text);
  if (reading.locale || reading.id > 0) return reading.locale;
  const tokens = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const english = tokens.filter(
    (t) => FIRST_EN.has(t) || (WEIGHTS.get(t)?.[0] === 'en' && !FIRST_SAME.has(t)),
  ).length;
  return english >= 1 ? 'en' : undefined;
}

/** The language of a message, or undefined when its words do not say. */
export function languageOf(text: string): Locale | undefined {
  return readLanguage(text).locale;
}

const NAMES: ReadonlyArray<[RegExp, Locale]> = [
  [/\b(english|inggris|engl?ish|eng)\b/gi, 'en'],
  [/\b(indonesian|indonesia|indo|bahasa indonesia)\b/gi, 'id'],
];

/**
 * The language a message asks to be spoken ("can you help in English?", "pake bahasa indonesia aja"):
 * the one named last ("I don't speak Indonesian well, can you help in English?" → English).
 */
export function requestedLanguage(text: string): Locale | undefined {
  let best: { at: number; locale: Locale } | undefined;
  for (const [pattern, locale] of NAMES)
    for (const m of text.matchAll(pattern)) {
      // "my indonesian is not good", "i'm bad at english": a language one lacks is not the one asked for.
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24).toLowerCase();
      const before = text.slice(Math.max(0, m.index - 24), m.index).toLowerCase();
      const lacking =
        /^\s*(is|isn'?t|ga|gak|nggak|kurang|tidak|belum)?\s*(not good|not great|bad|poor|weak|jelek|kurang|ga lancar|gak lancar|tidak lancar|belum lancar)/.test(
          after,
        ) ||
        // "my Indonesian isn't good", "my english is not very fluent"
        /^\s*(isn'?t|is not|ain'?t|not)\s+(very |that |so |really )?(good|great|fluent|well)/.test(after) ||
        /(don'?t|do not|can'?t|cannot|bad at|not good at|ga bisa|gak bisa|tidak bisa|ga ngerti|gak ngerti|kurang ngerti)\s+(speak |understand |read |write |bahasa )?(much |well )?$/.test(
          before,
        );
      if (lacking) continue;
      if (!best || m.index > best.at) best = { at: m.index, locale };
    }
  return best?.locale;
}

/** The sentences of a message that do not talk about the language: what else it asks. */
export function withoutLanguageTalk(text: string): string {
  return text
    .split(/(?<=[?.!,;])\s+/)
    .map((s) => {
      if (!NAMES.some(([pattern]) => new RegExp(pattern.source, 'i').test(s))) return s;
      // "can u explain in english what bpjs ketenagakerjaan is": the question asked in that language stays.
      const rest = s.replace(ASKED_IN, ' ').replace(/\s+/g, ' ').trim();
      return rest !== s.trim() && QUESTION_LEFT.test(rest) && rest.split(' ').length >= 3 ? rest : '';
    })
    .filter(Boolean)
    .join(' ')
    .trim();
}

/** Asking to be answered in a language: "can u explain in english", "tolong jelasin pake bahasa inggris". */
const ASKED_IN =
  /\b(?:(?:can|could|would) (?:you|u) |please |pls |tolong |bisa )?(?:explain|tell me|answer|reply|say|jelasin|jelaskan|jawab|kasih tau|kasih tahu)?\s*(?:it |that )?(?:in|pake|pakai|dalam|using) (?:bahasa )?(?:english|inggris|eng|indonesian|indonesia|indo)\b/gi;
/** What is left still asks something. */
const QUESTION_LEFT =
  /\b(what|how|why|when|where|who|which|is|are|apa|gimana|bagaimana|kenapa|kapan|dimana|berapa)\b/i;
