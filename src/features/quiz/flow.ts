import { z } from 'zod';
import { hasConsent } from '../../consent/service';
import type { FlowContext } from '../../engine/context';
import type { Flow, FlowInput } from '../../engine/flow';
import { loadProfile, saveProfile } from '../../profile/store';
import {
  parseQuizAnswer,
  QUIZ_ANSWERS,
  QUIZ_ITEMS,
  type QuizAnswer,
  quizAnswerKey,
  quizItemKey,
  recommendFields,
  scoreQuiz,
} from '../../quiz';
import type { Choice } from '../../shared/conversation';
import type { Field } from '../../shared/vocabulary';
import { showMenu } from '../menu/flow';

/** The saved data: answers so far and the next item; an unreadable one starts the quiz again. */
const QuizState = z.looseObject({
  answers: z.record(z.string(), z.enum(QUIZ_ANSWERS)).catch({}),
  index: z.number().int().min(0).catch(0),
});
type QuizData = z.infer<typeof QuizState>;

/**
 * The interest quiz (12 RIASEC items, three-point scale) → the person's strongest interests → the
 * vocational fields that suit them → matching programmes. Can be retaken; the result is kept in the
 * profile only when the person has consented to us keeping personal data.
 */
export const quizFlow: Flow<'quiz'> = {
  id: 'quiz',
  state: QuizState,
  async start(ctx) {
    ctx.state = { ...ctx.state, step: 'item', data: { answers: {}, index: 0 } satisfies QuizData };
    ctx.say(ctx.t('profile:quiz.intro'));
    askItem(ctx);
  },
  async handle(ctx, input) {
    if (ctx.state.step === 'result') return onResult(ctx, input);
    const d = ctx.state.data as QuizData;
    const item = QUIZ_ITEMS[d.index];
    if (!item) return finish(ctx);
    const answer = readAnswer(input);
    if (!answer) {
      ctx.say(ctx.t('profile:parse.quizAnswer.unknown'));
      return askItem(ctx);
    }
    const next: QuizData = { answers: { ...d.answers, [item.id]: answer }, index: d.index + 1 };
    ctx.state = { ...ctx.state, data: next };
    if (next.index >= QUIZ_ITEMS.length) return finish(ctx);
    askItem(ctx);
  },
};

function readAnswer(input: FlowInput): QuizAnswer | undefined {
  if (input.kind === 'choice' && input.id.startsWith('quiz:'))
    return QUIZ_ANSWERS.find((a) => `quiz:${a}` === input.id);
  if (input.kind === 'text') {
    const parsed = parseQuizAnswer(input.text);
    return parsed.ok ? parsed.value : undefined;
  }
  return undefined;
}

function askItem(ctx: FlowContext): void {
  const d = ctx.state.data as QuizData;
  const item = QUIZ_ITEMS[d.index]!;
  const progress = ctx.t('profile:quiz.progress', { n: d.index + 1, total: QUIZ_ITEMS.length });
  ctx.ask(
    `${progress}\n${ctx.t(quizItemKey(item))}`,
    QUIZ_ANSWERS.map((a) => ({ id: `quiz:${a}`, label: ctx.t(quizAnswerKey(a)) })),
  );
}

async function finish(ctx: FlowContext): Promise<void> {
  const d = ctx.state.data as QuizData;
  const score = scoreQuiz(d.answers);
  const fields = recommendFields(score.top, 4);
  const typeName = (t: string) => ctx.t(`profile:quiz.type.${t}.name`);
  const [first, second] = score.top;
  const lines: string[] = [];
  if (!first) lines.push(ctx.t('profile:quiz.result.none'));
  else {
    lines.push(
      second
        ? ctx.t('profile:quiz.result.two', { first: typeName(first), second: typeName(second) })
        : ctx.t('profile:quiz.result.one', { first: typeName(first) }),
    );
    if (score.tied) lines.push(ctx.t('profile:quiz.result.tied'));
    lines.push('', ctx.t('quiz.fieldsHeader'));
    for (const [i, f] of fields.entries())
      lines.push(`${i + 1}. ${ctx.t(`catalogue:field.${f.field}`)} — ${ctx.t(f.reason.key, f.reason.vars)}`);
    lines.push('', ctx.t('profile:quiz.disclaimer'));
  }
  if (await hasConsent(ctx.tx, ctx.user.id, 'personal_data')) {
    const profile = await loadProfile(ctx.tx, ctx.user.id);
    await saveProfile(ctx.tx, ctx.user.id, {
      ...profile,
      interests: {
        types: score.top,
        fieldsRecommended: fields.map((f) => f.field),
        takenAt: ctx.now().toISOString(),
      },
    });
  }
  const choices: Choice[] = fields.map((f, i) => ({
    id: `field:${f.field}`,
    label: String(i + 1),
    listed: true,
  }));
  choices.push(
    { id: 'match', label: ctx.t('eligibility:flow.matchButton') },
    { id: 'again', label: ctx.t('quiz.again') },
  );
  ctx.state = { flow: 'quiz', step: 'result', data: { fields: fields.map((f) => f.field) } };
  ctx.ask(lines.join('\n'), choices);
}

async function onResult(ctx: FlowContext, input: FlowInput): Promise<void> {
  if (input.kind === 'choice') {
    if (input.id.startsWith('field:'))
      return ctx.go('discover', { query: { fields: [input.id.slice(6) as Field] } });
    if (input.id === 'match') return ctx.go('match');
    if (input.id === 'again') return ctx.go('quiz');
  }
  ctx.home();
  return showMenu(ctx);
}
