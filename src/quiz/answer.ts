import { fail, ok, type ParseResult } from '../profile/result';
import { normaliseText } from '../shared/text/normalise';
import type { QuizAnswer } from './items';

/** Numbers follow the order the scale is shown in: 1 suka, 2 biasa saja, 3 tidak suka. */
export function parseQuizAnswer(raw: string): ParseResult<QuizAnswer> {
  const trimmed = raw.trim();
  if (/^(?:👍|😍|❤️|😀|😊)/u.test(trimmed)) return ok('suka');
  if (/^(?:😐|🤷|😶)/u.test(trimmed)) return ok('biasa');
  if (/^(?:👎|😒|🙅|😖)/u.test(trimmed)) return ok('tidak_suka');
  const text = normaliseText(trimmed);
  // "Tidak suka" contains "suka": look for the negation first.
  if (
    /^3$|\b(?:tidak|tdk|gak|ga|gk|nggak|ngga|enggak|kurang|kagak) (?:suka|senang|seneng|minat|tertarik)\b|\b(?:benci|males|malas|ogah|no|dislike|hate)\b/.test(
      text,
    )
  ) {
    return ok('tidak_suka');
  }
  if (/^2$|\b(?:biasa|b aja|netral|neutral|lumayan|so so|boleh juga|terserah|mungkin|entah)\b/.test(text))
    return ok('biasa');
  if (/^1$|\b(?:suka|senang|seneng|minat|tertarik|mau|banget|iya|ya|yes|like|love)\b/.test(text))
    return ok('suka');
  return fail('quizAnswer.unknown');
}
