import {
  type Answer,
  isHeightQuestion,
  type Profile,
  type ProgrammeQuestion,
  type QuestionRequirement,
} from '../../shared/profile';
import {
  type CheckContext,
  type CheckResult,
  localized,
  orList,
  result,
  withoutFinalPunctuation,
} from './context';

const sameOption = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** undefined when the stored answer is not of the kind the requirement compares (then it is asked again). */
export function meetsRequirement(
  requirement: QuestionRequirement | undefined,
  answer: Answer,
): boolean | undefined {
  if (requirement === undefined) return true;
  if (typeof requirement === 'boolean')
    return typeof answer === 'boolean' ? answer === requirement : undefined;
  if ('in' in requirement) {
    return typeof answer === 'boolean'
      ? undefined
      : requirement.in.some((option) => sameOption(option, String(answer)));
  }
  if (typeof answer !== 'number' || Number.isNaN(answer)) return undefined;
  return (
    (requirement.min === undefined || answer >= requirement.min) &&
    (requirement.max === undefined || answer <= requirement.max)
  );
}

function expected(requirement: QuestionRequirement, ctx: CheckContext): string {
  if (typeof requirement === 'boolean') return ctx.t(`question.expected.${requirement ? 'yes' : 'no'}`);
  if ('in' in requirement)
    return ctx.t('question.expected.in', { options: orList(requirement.in, ctx.locale) });
  const { min, max } = requirement;
  const bound = min !== undefined && max !== undefined ? 'range' : min !== undefined ? 'min' : 'max';
  return ctx.t(`question.expected.${bound}`, { min, max });
}

/** Rules organisers often write only in Indonesian, said in the reader's language from the rule itself. */
const KNOWN_RULES: ReadonlyArray<[RegExp, string]> = [
  [/tinggi|height/, 'height'],
  [/tato|tattoo/, 'tattoo'],
  [/buta warna|colou?r/, 'colourBlind'],
  [/menikah|married|nikah/, 'married'],
];

function knownRule(question: ProgrammeQuestion, ctx: CheckContext): string | undefined {
  const named = `${question.id} ${question.ask.id}`.toLowerCase();
  const known = KNOWN_RULES.find(([pattern]) => pattern.test(named))?.[1];
  const require = question.require;
  if (!known || require === undefined) return undefined;
  if (typeof require === 'boolean') return ctx.t(`question.known.${known}.${require ? 'yes' : 'no'}`);
  if ('in' in require) return undefined;
  return ctx.t(`question.known.${known}.number`, { expected: expected(require, ctx) });
}

function ruleText(question: ProgrammeQuestion, preferred: boolean, ctx: CheckContext): string {
  const ask = withoutFinalPunctuation(localized(question.ask, ctx.locale));
  if (question.require === undefined || question.type === 'text') return ctx.t('question.info', { ask });
  // The organisers' own words first: they know how to say their rule — unless they are in another
  // language than the reader's ("Tinggi badan minimal 150 cm" in an English reply).
  const untranslated = ctx.locale === 'en' && !question.explain?.en && !question.ask.en;
  const known = untranslated ? knownRule(question, ctx) : undefined;
  const text = known
    ? known
    : question.explain
      ? withoutFinalPunctuation(localized(question.explain, ctx.locale))
      : ctx.t('question.rule', { ask, expected: expected(question.require, ctx) });
  return preferred ? ctx.t('question.preferred', { text }) : text;
}

function formatAnswer(answer: Answer, ctx: CheckContext): string {
  if (typeof answer === 'boolean') return ctx.t(`question.answer.${answer ? 'yes' : 'no'}`);
  if (answer === '') return ctx.t('question.answer.skipped');
  return String(answer);
}

export function checkQuestion(question: ProgrammeQuestion, profile: Profile, ctx: CheckContext): CheckResult {
  const rule = `question:${question.id}` as const;
  const preferred = ctx.isPreferred(rule);
  const text = ruleText(question, preferred, ctx);
  const answer = profile.answers?.[question.id];
  // Free words never disqualify: answered (or skipped, '') is enough.
  const passed =
    answer === undefined
      ? undefined
      : question.type === 'text'
        ? true
        : meetsRequirement(question.require, answer);
  if (passed === undefined) {
    const yours = ctx.t(answer === undefined ? 'question.yours.unknown' : 'question.yours.unreadable');
    return result(rule, undefined, preferred, { rule: text, yours }, [rule]);
  }
  const shown = formatAnswer(answer as Answer, ctx);
  return result(rule, passed, preferred, {
    rule: text,
    // A height is said back as one ("tinggimu 170 cm"), so a misread value is plain to see.
    yours: ctx.t(
      typeof answer === 'number' && isHeightQuestion(question)
        ? 'question.yours.height'
        : 'question.yours.known',
      { answer: shown },
    ),
    vars: { answer: shown },
  });
}
