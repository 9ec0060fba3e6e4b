export { parseQuizAnswer } from './answer';
export {
  POINTS,
  QUIZ_ANSWERS,
  QUIZ_ITEMS,
  type QuizAnswer,
  type QuizItem,
  quizAnswerKey,
  quizItemKey,
  RIASEC_TYPES,
  type RiasecType,
} from './items';
export { FIELDS_BY_TYPE, type FieldRecommendation, recommendFields } from './recommend';
export { type QuizScore, scoreQuiz } from './score';
