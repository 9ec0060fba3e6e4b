import { POINTS, QUIZ_ITEMS, type QuizAnswer, RIASEC_TYPES, type RiasecType } from './items';

export interface QuizScore {
  /** 0–4 per type (two items, 2 points for suka, 1 for biasa saja). */
  scores: Record<RiasecType, number>;
  answered: number;
  complete: boolean;
  /** Up to two types with a score above zero, strongest first. */
  top: RiasecType[];
  /** The second place was decided by the fixed order alone: say the interests are evenly spread. */
  tied: boolean;
}

const zero = (): Record<RiasecType, number> => ({ R: 0, I: 0, A: 0, S: 0, E: 0, C: 0 });

/** Answers by item id; unknown ids are ignored. */
export function scoreQuiz(answers: Readonly<Record<string, QuizAnswer>>): QuizScore {
  const scores = zero();
  const likes = zero();
  let answered = 0;
  for (const item of QUIZ_ITEMS) {
    const answer = answers[item.id];
    if (!answer) continue;
    answered++;
    scores[item.type] += POINTS[answer];
    if (answer === 'suka') likes[item.type]++;
  }
  // Ties: a clear "suka" outweighs two "biasa saja"; then the RIASEC order, to stay deterministic.
  const compare = (a: RiasecType, b: RiasecType) => scores[b] - scores[a] || likes[b] - likes[a];
  const ranking = [...RIASEC_TYPES].sort(
    (a, b) => compare(a, b) || RIASEC_TYPES.indexOf(a) - RIASEC_TYPES.indexOf(b),
  );
  const top = ranking.filter((type) => scores[type] > 0).slice(0, 2);
  const [second, third] = [ranking[1]!, ranking[2]!];
  const tied = top.length === 2 && compare(second, third) === 0;
  return { scores, answered, complete: answered === QUIZ_ITEMS.length, top, tied };
}
