/**
 * How a message feels, apart from what it asks: tears, anger, an insult, thanks, laughter or a greeting —
 * from words (after the normaliser) and from emoji (before it strips them). "😭😭😭🙏" is someone crying
 * and pleading, not thanking; "makasih kak 😭🙏" is thanks. Pure and fast; the conversation decides
 * what to say.
 */
import { FILLERS } from './intent';
import { LAUGHTER } from './lexicon';
import { normalizeMessage } from './normalize';
import { PhraseTable } from './phrases';
import { rawTokens } from './text';

export const TONES = [
  'crisis',
  'distress',
  'insult',
  'frustration',
  'thanks',
  'laughter',
  'greeting',
] as const;
export type Tone = (typeof TONES)[number];

export interface ToneReading {
  tone: Tone;
  /** Nothing but the feeling was said (no question, no request): the feeling is the whole message. */
  only: boolean;
  /** The message without the words of feeling ("bot bego, pelatihan las dong" → "pelatihan las dong"). */
  rest: string;
}

const EMOJI: ReadonlyArray<[Tone, RegExp]> = [
  [
    'distress',
    /[\u{1F62D}\u{1F622}\u{1F97A}\u{1F61E}\u{1F614}\u{1F61F}\u{1F625}\u{1F630}\u{1F629}\u{1F62B}\u{1F494}\u{1F63F}\u{2639}\u{1F641}\u{1F613}\u{1F616}\u{1F623}\u{1F630}\u{1F628}]/u,
  ],
  ['frustration', /[\u{1F621}\u{1F620}\u{1F92C}\u{1F624}\u{1F4A2}\u{1F644}\u{1F612}\u{1F611}]/u],
  [
    'laughter',
    /[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F639}\u{1F601}\u{1F604}\u{1F603}\u{1F600}\u{1F92D}]/u,
  ],
  [
    'thanks',
    /[\u{1F64F}\u{2764}\u{1F970}\u{1F60D}\u{1F618}\u{1F495}\u{1F496}\u{1F917}\u{1F49E}\u{1F499}\u{1F49A}\u{1F49B}\u{1F49C}\u{1F5A4}\u{1F90D}]/u,
  ],
  ['greeting', /\u{1F44B}/u],
];
const ANY_EMOJI = /\p{Extended_Pictographic}/gu;

const table = (tone: Tone, phrases: string) =>
  phrases
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => [p, tone] as const);

// Over normalised words ("gak" → "tidak", "bgt" → "banget", "lu" → "kamu").
const WORDS = new PhraseTable<Tone>([
  ...table(
    'crisis',
    `bunuh diri, ingin mati, mau mati, pengen mati, ingin bunuh diri, mengakhiri hidup, akhiri hidup,
    tidak mau hidup, tidak ingin hidup, capek hidup, lelah hidup, suicide, kill myself, want to die`,
  ),
  ...table(
    'distress',
    `sedih, sedih banget, nangis, menangis, mewek, stres, stress, depresi, putus asa, putus harapan, hopeless,
    tidak kuat, tidak kuat lagi, galau, hancur, capek banget, lelah banget, capek, lelah, sendirian, kesepian,
    tidak ada yang mau terima, tidak ada yang mau nerima, ditolak terus, gagal terus, nganggur terus,
    menganggur lama, dipecat, di phk, kena phk, terpuruk, bingung banget, takut banget, cemas, khawatir banget,
    sad, crying, depressed, desperate, tired of everything, so tired`,
  ),
  ...table(
    'insult',
    `anjing, anjg, asu, bangsat, bajingan, brengsek, kampret, goblok, goblog, gblk, bego, tolol, idiot,
    bodoh, dungu, sialan, tai, taik, kontol, memek, jancok, jancuk, cok, babi, monyet, setan, keparat,
    bot bodoh, bot goblok, bot bego, stupid, dumb, fuck, fucking, shit, bitch, moron, useless bot, bot sampah`,
  ),
  ...table(
    'frustration',
    `kesal, kesel, sebel, sebal, bete, marah, emosi, jengkel, ribet, muter muter, lama banget, lemot,
    tidak jelas, tidak nyambung, tidak ngerti ngerti, payah, parah, kecewa, frustasi, frustrasi, nyebelin,
    menyebalkan, tidak guna, tidak berguna, annoying, annoyed, frustrated, useless, angry, not helpful,
    tidak membantu, tidak bantu`,
  ),
  ...table(
    'thanks',
    `terima kasih, terima kasih banyak, thanks, thank you, thank, tengkyu, appreciate, matur nuwun, suwun,
    makasih banyak, sangat membantu, membantu sekali, love you`,
  ),
  ...table('laughter', 'lol, lmao, rofl, ngakak'),
  ...table(
    'greeting',
    `halo, hallo, hai, hi, hello, hey, assalamualaikum, selamat pagi, selamat siang, selamat sore,
    selamat malam, pagi, siang, sore, malam, permisi, punten, salam, good morning, good afternoon,
    good evening, apa kabar`,
  ),
]);

const ORDER: readonly Tone[] = TONES;

/** What the message feels like, or undefined when it is neutral. */
export function readTone(text: string): ToneReading | undefined {
  const found = new Set<Tone>();
  const emojiOnly = text.replace(ANY_EMOJI, '').replace(/\uFE0F|\u200D|[\s\p{P}\p{S}]/gu, '') === '';
  for (const [tone, pattern] of EMOJI) if (pattern.test(text)) found.add(tone);
  // Laughter as typed ("wkwkwk", "hahaha"): the normaliser drops it, so read it from the raw words.
  const raw = rawTokens(text.replace(ANY_EMOJI, ' '));
  if (raw.some((t) => LAUGHTER.test(t.text) && !/^hm+$/.test(t.text))) found.add('laughter');
  const message = normalizeMessage(text.replace(ANY_EMOJI, ' '));
  const tokens = message.tokens;
  const used = tokens.map(() => false);
  const wordTones = new Set<Tone>();
  for (const hit of WORDS.scan(tokens)) {
    wordTones.add(hit.value);
    for (let i = hit.start; i < hit.end; i++) used[i] = true;
  }
  for (const t of wordTones) found.add(t);
  if (found.size === 0) return undefined;
  // Thanks said in words outweighs tears in emoji ("makasih kak 😭🙏"); tears alone are not thanks.
  if (found.has('distress') && found.has('thanks') && !wordTones.has('distress')) {
    if (wordTones.has('thanks')) found.delete('distress');
    else found.delete('thanks');
  }
  const tone = ORDER.find((t) => found.has(t))!;
  const left = tokens.filter((_, i) => !used[i]);
  const meaningful = left.filter((w) => !FILLERS.has(w) && !TRIVIAL.has(w));
  return { tone, only: emojiOnly || meaningful.length === 0, rest: left.join(' ') };
}

/** Words that add nothing to a feeling: "aku sedih banget kak", "kamu bodoh ya". */
const TRIVIAL = new Set(
  `saya kamu dia aku ini itu banget sekali sangat amat jadi lagi sudah udah terus deh sih ya kok tidak semua
  bot admin min kak nih tuh dong the you are so very i am im it this really`.split(/\s+/),
);
