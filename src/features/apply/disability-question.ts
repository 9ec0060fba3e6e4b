import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { recordConsent } from '../../consent/service';
import type { Queryable } from '../../db/client';
import { consents, organisations, recruitmentTargets } from '../../db/schema';
import type { FlowContext } from '../../engine/context';
import type { Flow, FlowInput } from '../../engine/flow';
import { parseYesNo } from '../../profile/parse';
import { loadProfile, saveProfile } from '../../profile/store';
import type { Profile } from '../../shared/profile';
import type { Programme } from '../../shared/programme';
import { normaliseText as normalise } from '../../shared/text/normalise';

/*
 * The optional disability question during an application (issue #20, point 12): asked once, before a
 * new form, when the reviewing organisation has a disability goal for the programme (or for all its
 * programmes) and the person has never been asked. Its own consent first (specific personal data, UU
 * PDP), then "do you have a disability?", then the needs — every step skippable in words ("skip", "gk
 * mau jawab", "lewati"), nothing stored without the consent, and none of it logged. The answer lands
 * where "Profil saya → Kebutuhan disabilitas" keeps it, so the target counts it and it can be removed.
 */

export const DISABILITY_QUESTION_FLOW = 'applyDisability' as const;

/** Which programme's application the question belongs to (and returns to). */
export interface DisabilityQuestionParams {
  slug?: string;
}

/** The longest description of needs we keep (as the profile's accommodation step). */
const MAX_NEEDS = 300;

/**
 * "skip", "lewati", "gk mau jawab", "tidak usah dijawab", "rahasia", "prefer not to say": declining to
 * answer, which must never be read as "no" (that would store "no disability").
 */
const SKIP =
  /^(skip|skp|lewat(i|in)?|lompat(i|in)?|pass|nanti( (aja|saja))?|rahasia|privasi|next|lanjut(kan)?( aja| saja)?|no comment|prefer not( to (say|answer))?|rather not( say)?|i d(o|on t) (want|wanna) (to )?(say|answer)|not (telling|saying))$|\b((g|ga|gk|gak|gaa|nggak|ngga|enggak|engga|tidak|tdk|ndak|nda|gamau|gmau|emoh|ogah)( (mau|mw|ingin|pengen|usah|perlu|bisa))? ?(jawab|dijawab|menjawab|kasih tau|kasih tahu|kasitau|bilang|cerita|isi|diisi|ngisi|sebut|disebut)|(mau|ingin|pengen) (di)?lewat(i|in)?|skip aja|skip saja|jangan (ditanya|tanya))\b/;

export function isSkip(text: string): boolean {
  return SKIP.test(normalise(text).replace(/\bgamau\b/g, 'ga mau'));
}

/**
 * Whether to ask: the person has no disability answer, never decided on this consent, and the
 * programme's reviewing organisation has a disability goal covering it.
 */
export async function shouldAskDisability(
  db: Queryable,
  userId: string,
  programme: Programme,
  profile: Profile,
): Promise<boolean> {
  const organisation = programme.application?.organisation;
  if (!organisation || profile.disability) return false;
  // Both reads go out together (one round trip, issue #15).
  const [[decided], [goal]] = await Promise.all([
    db
      .select({ id: consents.id })
      .from(consents)
      .where(and(eq(consents.userId, userId), eq(consents.purpose, 'specific_data')))
      .limit(1),
    db
      .select({ id: recruitmentTargets.id })
      .from(recruitmentTargets)
      .innerJoin(organisations, eq(organisations.id, recruitmentTargets.organisationId))
      .where(
        and(
          eq(organisations.slug, organisation),
          isNotNull(recruitmentTargets.disabilityPercent),
          sql`${recruitmentTargets.disabilityPercent} > 0`,
          or(isNull(recruitmentTargets.programmeSlug), eq(recruitmentTargets.programmeSlug, programme.slug)),
        ),
      )
      .limit(1),
  ]);
  return !decided && Boolean(goal);
}

interface Data extends Record<string, unknown> {
  slug: string;
  misses?: number;
}

const data = (ctx: FlowContext) => ctx.state.data as Data;

/** Back to the application form, which opens the draft and asks its first question. */
function backToForm(ctx: FlowContext, message?: string): Promise<void> {
  if (message) ctx.say(message);
  return ctx.go('apply', {
    slug: data(ctx).slug,
    returning: true,
    resume: 'continue',
    disabilityAsked: true,
  });
}

type Answer = 'yes' | 'no' | 'skip' | undefined;

function answerOf(input: FlowInput): Answer {
  if (input.kind === 'choice')
    return input.id === 'dq:yes'
      ? 'yes'
      : input.id === 'dq:no'
        ? 'no'
        : input.id === 'dq:skip'
          ? 'skip'
          : undefined;
  if (input.kind !== 'text') return undefined;
  if (isSkip(input.text)) return 'skip';
  const parsed = parseYesNo(input.text);
  return parsed.ok ? (parsed.value ? 'yes' : 'no') : undefined;
}

export const disabilityQuestionFlow: Flow<'applyDisability'> = {
  id: DISABILITY_QUESTION_FLOW,
  async start(ctx, params) {
    const slug = String(params?.slug ?? '');
    ctx.state = { flow: DISABILITY_QUESTION_FLOW, step: 'consent', data: { slug }, misses: 0 };
    return askConsent(ctx);
  },
  async handle(ctx, input) {
    const answer = answerOf(input);
    const step = ctx.state.step;
    if (step === 'needs') return onNeeds(ctx, input, answer);
    // Not an answer twice: the question is optional, so the form goes on without it.
    if (answer === undefined) {
      const misses = (data(ctx).misses ?? 0) + 1;
      if (misses >= 2) return backToForm(ctx, ctx.t('applications:disability.movingOn'));
      ctx.state = { ...ctx.state, data: { ...data(ctx), misses } };
      ctx.say(ctx.t('applications:disability.notUnderstood'));
      return step === 'declared' ? askDeclared(ctx) : askConsent(ctx);
    }
    if (step === 'declared') return onDeclared(ctx, answer);
    return onConsent(ctx, answer);
  },
};

function askConsent(ctx: FlowContext): void {
  ctx.state = { ...ctx.state, step: 'consent' };
  ctx.ask(ctx.t('applications:disability.notice'), [
    { id: 'dq:yes', label: ctx.t('applications:disability.agree') },
    { id: 'dq:skip', label: ctx.t('applications:disability.skip') },
  ]);
}

function askDeclared(ctx: FlowContext): void {
  ctx.state = { ...ctx.state, step: 'declared' };
  ctx.ask(ctx.t('applications:disability.ask'), [
    { id: 'dq:yes', label: ctx.t('applications:disability.yes') },
    { id: 'dq:no', label: ctx.t('applications:disability.no') },
    { id: 'dq:skip', label: ctx.t('applications:disability.skip') },
  ]);
}

async function onConsent(ctx: FlowContext, answer: Exclude<Answer, undefined>): Promise<void> {
  // "No" to the consent is skipping: recorded as refused (evidence, and never asked again).
  const granted = answer === 'yes';
  await recordConsent(ctx.tx, ctx.user.id, 'specific_data', granted, ctx.inbound.channel);
  if (!granted) return backToForm(ctx, ctx.t('applications:disability.skipped'));
  ctx.state = { ...ctx.state, data: { ...data(ctx), misses: 0 } };
  return askDeclared(ctx);
}

async function onDeclared(ctx: FlowContext, answer: Exclude<Answer, undefined>): Promise<void> {
  // Skipped after agreeing: nothing is stored; the consent alone says it was asked.
  if (answer === 'skip') return backToForm(ctx, ctx.t('applications:disability.skipped'));
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  if (answer === 'no') {
    await saveProfile(ctx.tx, ctx.user.id, { ...profile, disability: { declared: false } });
    return backToForm(ctx, ctx.t('applications:disability.saved'));
  }
  await saveProfile(ctx.tx, ctx.user.id, { ...profile, disability: { declared: true } });
  ctx.state = { ...ctx.state, step: 'needs' };
  ctx.ask(ctx.t('applications:disability.askNeeds'), [
    { id: 'dq:skip', label: ctx.t('applications:disability.skip') },
  ]);
}

async function onNeeds(ctx: FlowContext, input: FlowInput, answer: Answer): Promise<void> {
  const needs = input.kind === 'text' && answer !== 'skip' ? input.text.trim().slice(0, MAX_NEEDS) : '';
  if (needs) {
    const profile = await loadProfile(ctx.tx, ctx.user.id);
    await saveProfile(ctx.tx, ctx.user.id, { ...profile, disability: { declared: true, needs } });
  }
  return backToForm(ctx, ctx.t('applications:disability.saved'));
}
