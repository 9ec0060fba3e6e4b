/**
 * A 12-item interest quiz, two activities per RIASEC type (Holland), answered suka / biasa saja /
 * tidak suka. The items are written for Jembatan (see README.md for sources and licences); their text is
 * in locales/{id,en}/profile.json under `quiz.item.*`.
 */
export const RIASEC_TYPES = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
export type RiasecType = (typeof RIASEC_TYPES)[number];

export const QUIZ_ANSWERS = ['suka', 'biasa', 'tidak_suka'] as const;
export type QuizAnswer = (typeof QUIZ_ANSWERS)[number];

export const POINTS: Record<QuizAnswer, number> = { suka: 2, biasa: 1, tidak_suka: 0 };

export interface QuizItem {
  id: string;
  type: RiasecType;
}

/** In asking order: the types take turns, so no block of similar questions tires the person. */
export const QUIZ_ITEMS: readonly QuizItem[] = [1, 2].flatMap((n) =>
  RIASEC_TYPES.map((type) => ({ id: `${type.toLowerCase()}${n}`, type })),
);

export const quizItemKey = (item: QuizItem) => `profile:quiz.item.${item.id}`;
export const quizAnswerKey = (answer: QuizAnswer) => `profile:quiz.scale.${answer}`;
