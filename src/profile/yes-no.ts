import { normaliseText, squeeze } from '../shared/text/normalise';
import { fail, ok, type ParseResult } from './result';

// Squeezed spellings ("iyaaa" → "iya", "nggak" → "ngak"); the first word that is in either list decides,
// so "tidak ada", "gak punya", "belum pernah" are no and "iya saya punya" is yes.
const YES = new Set(
  [
    'ya',
    'iya',
    'iyah',
    'y',
    'yes',
    'yup',
    'yep',
    'ok',
    'oke',
    'okay',
    'okey',
    'boleh',
    'betul',
    'benar',
    'bener',
    'setuju',
    'siap',
    'sip',
    'yoi',
    'tentu',
    'pasti',
    'ada',
    'punya',
    'pernah',
    'sudah',
    'udah',
    'sdh',
    'udh',
    'mau',
    'bisa',
    'hooh',
    'heeh',
    // Javanese and Sundanese yes; "gas"/"lanjut" = go ahead.
    'nggih',
    'inggih',
    'enggih',
    'njih',
    'muhun',
    'leres',
    'gas',
    'lanjut',
    'yuk',
    'ayo',
    // Minang, Manado and Sundanese yes.
    'iyo',
    'enya',
  ].map(squeeze),
);
const NO = new Set(
  [
    'tidak',
    'tdk',
    'gak',
    'ga',
    'gk',
    'g',
    'nggak',
    'ngga',
    'enggak',
    'engga',
    'ndak',
    'nda',
    'kagak',
    'kaga',
    'no',
    'n',
    'nope',
    'bukan',
    'belum',
    'blm',
    'blum',
    'tak',
    'ogah',
    'jangan',
    'enggk',
    'gag',
    // Regional no: Manado ("kita nyanda bisa"), Papuan Malay ("sa tra punya"), Javanese, Sundanese, Minang.
    'nyanda',
    'nyandak',
    'tra',
    'trada',
    'tida',
    'ora',
    'mboten',
    'henteu',
    'teu',
    'indak',
  ].map(squeeze),
);
const UNSURE =
  /\b(?:tidak|gak|ga|nggak|ngga|enggak|belum) (?:tahu|tau|yakin|ingat|inget)\b|\b(?:entah|mungkin|ragu|kurang tahu|kurang tau|bingung)\b/;

// "ga papa", "gak masalah", "tidak keberatan": a negation that means yes; read before the words one by one.
const FINE =
  /\b(?:gpp|gapapa|gppa|(?:tidak|tdk|gak|ga|gk|g|nggak|ngga|enggak|ndak|nda) (?:apa apa|apa2|papa|masalah|keberatan)|no problem|boleh boleh saja)\b/;

// "hmm gimana ya", "maksudnya apa ya?": a question, where "ya" is only a particle. Asking again is safe;
// reading it as yes (consent!) is not.
const QUESTION =
  /\b(?:gimana|gmn|gmna|gimna|bagaimana|bgmn|apa (?:ya|itu|sih|maksud\w*)|apaan|maksudnya|maksud|kenapa|knp|mengapa)\b|\?\s*$/;

const EMOJI_YES = /^(?:👍|✅|👌|🙆)/u;
const EMOJI_NO = /^(?:👎|❌|🙅|✖️)/u;

/** "ya", "iya", "y", "yes", "ok", "boleh" → true; "gak", "tidak", "ngga", "no" → false. */
export function parseYesNo(raw: string): ParseResult<boolean> {
  const trimmed = raw.trim();
  if (EMOJI_YES.test(trimmed)) return ok(true);
  if (EMOJI_NO.test(trimmed)) return ok(false);
  const text = normaliseText(trimmed);
  if (UNSURE.test(text) || QUESTION.test(text) || /\?\s*$/.test(trimmed)) return fail('yesNo.unsure');
  if (FINE.test(text)) return ok(true);
  for (const word of text.split(' ')) {
    const squeezed = squeeze(word);
    if (YES.has(squeezed)) return ok(true);
    if (NO.has(squeezed)) return ok(false);
  }
  return fail('yesNo.unknown');
}

/** A question about something still valid ("SIM yang masih berlaku?", "a valid passport?"). */
const ASKS_VALID = /\b(berlaku|valid|aktif|active)\b/i;
/** "sim sy sudah mati", "paspor udah expired": what was asked about is no longer valid. */
const EXPIRED =
  /\b(mati|kadaluarsa|kadaluwarsa|kedaluarsa|kedaluwarsa|expired?|habis masa berlaku|habis berlaku|ga berlaku|gak berlaku|tidak berlaku|nggak berlaku|no longer valid|not valid)\b/i;

/**
 * A yes/no answer read against the question asked: "sudah mati" to "SIM yang masih berlaku?" is no,
 * although "sudah" alone reads as yes.
 */
export function parseYesNoTo(ask: string, raw: string): ParseResult<boolean> {
  if (ASKS_VALID.test(ask) && EXPIRED.test(raw)) return ok(false);
  return parseYesNo(raw);
}
