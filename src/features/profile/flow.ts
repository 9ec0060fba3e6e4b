import { getProgramme } from '../../catalogue/search';
import type { StoredProfile } from '../../db/schema';
import type { ProgrammeQuestion } from '../../eligibility/types';
import type { FlowContext } from '../../engine/context';
import type { Flow, FlowInput } from '../../engine/flow';
import { normalize } from '../../nlu';
import { parseYesNo } from '../../profile/parse';
import { hasConsent, recordConsent } from '../consent/service';
import { evaluateFor } from '../eligibility/evaluate';
import { escapeFromForm } from '../form-escape';
import { showMenu } from '../menu/flow';
import { acceptAnswer, type FieldId, isMinor, profileSummary, promptFor } from './fields';
import { deleteProfile, loadProfile, saveProfile } from './store';

/** Where to continue once the profile has what was needed. */
export interface ReturnTo {
  flow: string;
  params?: Record<string, unknown>;
}

export interface ProfileParams {
  /** The fields to ask, in order (only those still missing: ask once, keep). */
  fields?: FieldId[];
  questions?: ProgrammeQuestion[];
  returnTo?: ReturnTo;
  mode?: 'collect' | 'review';
  /** Answers the person already gave in their own words ("lulusan SMP …"), saved once they consent. */
  prefill?: Partial<StoredProfile>;
  /**
   * The programme these answers are for: once an answer already rules the person out (age, education…),
   * its own remaining questions are not asked.
   */
  stopWhenIneligibleFor?: string;
}

interface ProfileData extends Record<string, unknown> {
  queue: FieldId[];
  prefill?: Partial<StoredProfile>;
  field?: FieldId;
  questions: ProgrammeQuestion[];
  returnTo?: ReturnTo;
  stopWhenIneligibleFor?: string;
}

export const ALL_PROFILE_FIELDS: FieldId[] = [
  'birthDate',
  'gender',
  'domicile',
  'education',
  'graduationYear',
  'activity',
];
const EDITABLE: FieldId[] = ['birthDate', 'gender', 'domicile', 'education', 'graduationYear', 'activity'];

function data(ctx: FlowContext): ProfileData {
  return ctx.state.data as ProfileData;
}

/**
 * Collects profile answers (after consent), one question at a time, each validated with a helpful
 * message, then hands over to `returnTo`. Also the "Profil saya" review screen where any answer can be
 * changed. Answers are saved as they come, so leaving half-way loses nothing.
 */
export const profileFlow: Flow = {
  id: 'profile',
  async start(ctx, params) {
    const p = (params ?? {}) as ProfileParams;
    if (p.mode === 'review') return review(ctx);
    ctx.state = {
      ...ctx.state,
      data: {
        queue: p.fields ?? ALL_PROFILE_FIELDS,
        questions: p.questions ?? [],
        ...(p.returnTo ? { returnTo: p.returnTo } : {}),
        ...(p.stopWhenIneligibleFor ? { stopWhenIneligibleFor: p.stopWhenIneligibleFor } : {}),
      },
    };
    if (!(await hasConsent(ctx.tx, ctx.user.id, 'personal_data'))) return askConsent(ctx);
    await next(ctx);
  },
  async handle(ctx, input) {
    switch (ctx.state.step) {
      case 'consent':
        return onConsent(ctx, input);
      case 'guardian':
        return onGuardian(ctx, input);
      case 'ask':
        return onAnswer(ctx, input);
      case 'review':
        return onReview(ctx, input);
      default:
        return next(ctx);
    }
  },
};

/** The full notice once; a re-ask is one short line (the notice stays just above it in the chat). */
async function askConsent(ctx: FlowContext, again = false): Promise<void> {
  ctx.setStep('consent', ctx.state.data);
  ctx.ask(ctx.t(again ? 'profile:consent.askAgain' : 'profile:consent.notice'), [
    { id: 'consent:yes', label: ctx.t('profile:consent.agree') },
    { id: 'consent:no', label: ctx.t('profile:consent.disagree') },
  ]);
}

const QUESTION = /\b(bagaimana|apa|apaan|kenapa|mengapa|maksud|maksudnya|gimana)\b/;

/** Reads "Setuju" / "Tidak" from a button or from typed words ("iya", "gak"). */
function yesNo(input: FlowInput, prefix: string): boolean | undefined {
  if (input.kind === 'choice' && input.id === `${prefix}:yes`) return true;
  if (input.kind === 'choice' && input.id === `${prefix}:no`) return false;
  if (input.kind === 'text') {
    if (/^\s*(setuju|agree)\b/i.test(input.text)) return true;
    if (/^\s*(tidak setuju|ga setuju|gak setuju|disagree)\b/i.test(input.text)) return false;
    // Consent must be clear: "hmm gmn ya" holds a "ya" but is a question, not an agreement.
    if (QUESTION.test(normalize(input.text)) || input.text.includes('?')) return undefined;
    const parsed = parseYesNo(input.text);
    if (parsed.ok) return parsed.value;
  }
  return undefined;
}

async function onConsent(ctx: FlowContext, input: FlowInput): Promise<void> {
  const answer = yesNo(input, 'consent');
  if (answer === undefined) {
    const detour = await escapeFromForm(ctx, input);
    if (detour === 'left') return;
    if (detour === 'cancel') return leave(ctx);
    ctx.say(ctx.t('profile:consent.pleaseAnswer'));
    return askConsent(ctx, true);
  }
  await recordConsent(ctx.tx, ctx.user.id, 'personal_data', answer, ctx.inbound.channel);
  if (!answer) {
    ctx.state = { flow: 'menu', step: 'start', data: {} };
    return showMenu(ctx, ctx.t('profile:consent.declined'));
  }
  ctx.say(ctx.t('profile:consent.thanks'));
  await next(ctx);
}

async function askGuardian(ctx: FlowContext): Promise<void> {
  ctx.setStep('guardian', ctx.state.data);
  ctx.ask(ctx.t('profile:guardian.ask'), [
    { id: 'guardian:yes', label: ctx.t('profile:guardian.yes') },
    { id: 'guardian:no', label: ctx.t('profile:guardian.no') },
  ]);
}

async function onGuardian(ctx: FlowContext, input: FlowInput): Promise<void> {
  const answer = yesNo(input, 'guardian');
  if (answer === undefined) {
    const detour = await escapeFromForm(ctx, input);
    if (detour === 'left') return;
    if (detour === 'cancel') return leave(ctx);
    ctx.say(ctx.t('profile:guardian.pleaseAnswer'));
    return askGuardian(ctx);
  }
  await recordConsent(ctx.tx, ctx.user.id, 'guardian', answer, ctx.inbound.channel);
  if (!answer) {
    // We needed the birth date to know; without a guardian's agreement we keep none of it.
    await deleteProfile(ctx.tx, ctx.user.id);
    ctx.state = { flow: 'menu', step: 'start', data: {} };
    return showMenu(ctx, ctx.t('profile:guardian.declined'));
  }
  ctx.say(ctx.t('profile:guardian.thanks'));
  await next(ctx);
}

async function ask(ctx: FlowContext, field: FieldId): Promise<void> {
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  const prompt = promptFor(ctx, field, profile, data(ctx).questions);
  ctx.state = { ...ctx.state, step: 'ask', data: { ...data(ctx), field } };
  ctx.ask(prompt.text, prompt.choices ?? []);
}

async function onAnswer(ctx: FlowContext, input: FlowInput): Promise<void> {
  const d = data(ctx);
  const field = d.field;
  if (!field) return next(ctx);
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  const result = acceptAnswer(ctx, field, input, profile, d.questions);
  if (!result.ok) {
    const detour = await escapeFromForm(ctx, input);
    if (detour === 'left') return;
    if (detour === 'cancel') return leave(ctx);
    if (detour === 'repeat') return ask(ctx, field);
    const misses = (ctx.state.misses ?? 0) + 1;
    ctx.say(misses >= 2 ? `${result.error}\n\n${ctx.t('profile:flow.needHelp')}` : result.error);
    await ask(ctx, field);
    ctx.state = { ...ctx.state, misses };
    return;
  }
  await saveProfile(ctx.tx, ctx.user.id, result.profile);
  ctx.state = {
    ...ctx.state,
    misses: 0,
    data: { ...d, queue: result.followUp ? [result.followUp, ...d.queue] : d.queue },
  };
  if (
    field === 'birthDate' &&
    isMinor(result.profile) &&
    !(await hasConsent(ctx.tx, ctx.user.id, 'guardian'))
  )
    return askGuardian(ctx);
  await next(ctx);
}

async function next(ctx: FlowContext): Promise<void> {
  let d = data(ctx);
  if (d.prefill) {
    // Consent is given by now: keep what they told us, and do not ask it again.
    const profile = { ...(await loadProfile(ctx.tx, ctx.user.id)), ...d.prefill };
    await saveProfile(ctx.tx, ctx.user.id, profile);
    const given = new Set(Object.keys(d.prefill));
    const { prefill: _done, ...rest } = d;
    d = { ...rest, queue: d.queue.filter((f) => !given.has(f)) };
    ctx.state = { ...ctx.state, data: d };
  }
  // Already ruled out: the programme's own questions (height, tattoos…) can't change that, so they are
  // skipped; the basic answers are still asked, since they find what fits instead.
  const programmeQuestions = d.queue.filter((f) => f.startsWith('question:'));
  if (programmeQuestions.length && (await ruledOut(ctx, d.stopWhenIneligibleFor))) {
    d = { ...d, queue: d.queue.filter((f) => !f.startsWith('question:')) };
    ctx.state = { ...ctx.state, data: d };
  }
  const [field, ...rest] = d.queue;
  if (field) {
    ctx.state = { ...ctx.state, data: { ...d, queue: rest } };
    return ask(ctx, field);
  }
  if (d.returnTo) return ctx.go(d.returnTo.flow, d.returnTo.params);
  ctx.say(ctx.t('profile:flow.saved'));
  return review(ctx);
}

/** An answer so far already fails one of the programme's hard rules: the other questions can't help. */
async function ruledOut(ctx: FlowContext, slug: string | undefined): Promise<boolean> {
  if (!slug) return false;
  const detail = await getProgramme(ctx.tx, slug);
  if (!detail) return false;
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  return evaluateFor(detail.programme, profile, ctx.locale).outcome === 'ineligible';
}

/** "eh gajadi" in the middle of the questions: what was answered stays saved. */
async function leave(ctx: FlowContext): Promise<void> {
  ctx.say(ctx.t('cancel.done'));
  return ctx.go('menu');
}

async function review(ctx: FlowContext): Promise<void> {
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  const lines = profileSummary(ctx, profile);
  ctx.state = { flow: 'profile', step: 'review', data: { queue: [], questions: [] } };
  ctx.ask(
    lines.length ? ctx.t('profile:flow.review', { lines: lines.join('\n') }) : ctx.t('profile:flow.empty'),
    [
      ...EDITABLE.map((field) => ({ id: `edit:${field}`, label: ctx.t(`profile:flow.edit.${field}`) })),
      { id: 'review:accommodation', label: ctx.t('profile:accommodation.button') },
      { id: 'review:done', label: ctx.t('profile:flow.done') },
    ],
  );
}

async function onReview(ctx: FlowContext, input: FlowInput): Promise<void> {
  if (input.kind === 'choice' && input.id === 'review:accommodation') return ctx.go('accommodation');
  if (input.kind === 'choice' && input.id.startsWith('edit:')) {
    const field = input.id.slice(5) as FieldId;
    return ctx.go('profile', { fields: [field], returnTo: { flow: 'profile', params: { mode: 'review' } } });
  }
  ctx.state = { flow: 'menu', step: 'start', data: {} };
  return showMenu(ctx);
}
