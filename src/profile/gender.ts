import { normaliseText, squeeze } from '../shared/text/normalise';
import type { Gender } from '../shared/vocabulary';
import { fail, ok, type ParseResult } from './result';

// Compared without spaces and after squeezing repeated letters, so "laki laki" and "cewekk" match too.
const WORDS: Record<string, Gender> = {
  perempuan: 'perempuan',
  prempuan: 'perempuan',
  wanita: 'perempuan',
  cewek: 'perempuan',
  cewe: 'perempuan',
  cwek: 'perempuan',
  cwe: 'perempuan',
  p: 'perempuan',
  pr: 'perempuan',
  puan: 'perempuan',
  female: 'perempuan',
  f: 'perempuan',
  woman: 'perempuan',
  // Javanese and Sundanese.
  wedok: 'perempuan',
  wadon: 'perempuan',
  awewe: 'perempuan',
  laki: 'laki_laki',
  lakilaki: 'laki_laki',
  laki2: 'laki_laki',
  lk: 'laki_laki',
  lelaki: 'laki_laki',
  cowok: 'laki_laki',
  cowo: 'laki_laki',
  cwok: 'laki_laki',
  cwo: 'laki_laki',
  pria: 'laki_laki',
  l: 'laki_laki',
  male: 'laki_laki',
  m: 'laki_laki',
  man: 'laki_laki',
  lanang: 'laki_laki',
  lalaki: 'laki_laki',
};

const AROUND =
  /^(?:(?:jenis kelamin|jk|kelamin|gender)\s*)?(?:(?:saya|aku|sy|gue|gua|gw|ane|aing)\s*)?(?:seorang\s*)?(.+?)(?:\s+(?:kak|ka|min|ya|dong))?$/;

/** "perempuan", "cewek", "wanita", "P", "laki-laki", "cowok", "pria", "L", in any case. */
export function parseGender(raw: string): ParseResult<Gender> {
  const text = normaliseText(raw);
  const core = (AROUND.exec(text)?.[1] ?? text).replace(/\s+/g, '');
  const gender = WORDS[core] ?? WORDS[squeeze(core)];
  return gender ? ok(gender) : fail('gender.unknown');
}
