import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { isSkip } from '../../applications/answers';
import { personOf } from '../../catalogue/query';
import type { PersonFacts } from '../../catalogue/search';
import { getProgramme } from '../../catalogue/search';
import { hasConsent, recordConsent } from '../../consent/service';
import type { StoredProfile } from '../../db/schema';
import { completedYears, jakartaDay, parseIsoDate } from '../../eligibility';
import { evaluateFor } from '../../eligibility/for-profile';
import type { FlowContext } from '../../engine/context';
import { type Flow, type FlowInput, type FlowTarget, savedObject } from '../../engine/flow';
import { type Correction, cardQuestion, normalize, readCorrection, understand } from '../../nlu';
import { parseYesNo } from '../../profile/parse';
import { deleteProfile, loadProfile, saveProfile } from '../../profile/store';
import { isHeightQuestion, PROFILE_QUESTIONS, type ProgrammeQuestion } from '../../shared/profile';
import type { ProgrammeQuery } from '../../shared/programme-query';
import { cardAnswerText } from '../discover/card-answers';
import { placeOf, titleOf } from '../discover/format';
import { describeFacts, statedOnly } from '../discover/listen';
import { asksSomething } from '../form-aside';
import { escapeFromForm } from '../form-escape';
import { forgetHeard, heardFacts, rememberApplying } from '../heard';
import { showMenu } from '../menu/flow';
import { QUESTIONS_FLOW, type QuestionsFlow } from '../questions/flow';
import { routeFreeText } from '../text-router';
import { fieldsGiven, profileFromFacts } from './facts';
import { acceptAnswer, type FieldId, isMinor, profileSummary, promptFor } from './fields';
import { namedQuestions } from './named-question';

/** Where to continue once the profile has what was needed. */
export type ReturnTo = FlowTarget;

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
  /**
   * The profile and the personal-data consent as the caller read them in this turn, nothing written
   * since (the form's snapshot): not read again (issue #15).
   */
  known?: { profile: StoredProfile; consent: boolean };
}

const fieldId = z.custom<FieldId>((v) => typeof v === 'string');

/** The saved data: the questions still to ask, what was answered last, where to return. */
const ProfileState = z.looseObject({
  queue: z.array(fieldId).catch([]),
  prefill: savedObject<Partial<StoredProfile>>(),
  field: fieldId.optional().catch(undefined),
  /** The answer given last: "salah, maksudnya 170" changes it. */
  lastField: fieldId.optional().catch(undefined),
  questions: z.array(z.custom<ProgrammeQuestion>((v) => typeof v === 'object' && v !== null)).catch([]),
  returnTo: z
    .custom<ReturnTo>((v) => typeof v === 'object' && v !== null && typeof (v as ReturnTo).flow === 'string')
    .optional()
    .catch(undefined),
  stopWhenIneligibleFor: z.string().optional().catch(undefined),
});
type ProfileData = z.infer<typeof ProfileState>;

export const ALL_PROFILE_FIELDS: FieldId[] = [...PROFILE_QUESTIONS];
/** What "Profil saya" lists to change: every question of the profile. */
const EDITABLE: readonly FieldId[] = PROFILE_QUESTIONS;

function data(ctx: FlowContext): ProfileData {
  return ctx.state.data as ProfileData;
}

/**
 * Collects profile answers (after consent), one question at a time, each validated with a helpful
 * message, then hands over to `returnTo`. Also the "Profil saya" review screen where any answer can be
 * changed. Answers are saved as they come, so leaving half-way loses nothing.
 */
export const profileFlow: Flow<'profile'> = {
  id: 'profile',
  state: ProfileState,
  // An answer's step and the consent's read the profile first: read with the turn's first statement.
  prefetch: ({ userId }) => sql`coalesce((select data from profiles where user_id = ${userId}), '{}'::jsonb)`,
  async start(ctx, params) {
    const p = params ?? {};
    if (p.mode === 'review') return review(ctx);
    // What they told us in this conversation is not asked again (saved once they consent).
    const stored = p.known?.profile ?? (await loadProfile(ctx.tx, ctx.user.id));
    const heard = Object.fromEntries(
      Object.entries(profileFromFacts(heardFacts(ctx))).filter(
        ([key]) => stored[key as keyof StoredProfile] === undefined,
      ),
    ) as Partial<StoredProfile>;
    const prefill = { ...heard, ...p.prefill };
    const applying = p.returnTo?.flow === 'apply' ? p.returnTo.params?.slug : undefined;
    if (typeof applying === 'string') rememberApplying(ctx, applying);
    ctx.state = {
      ...ctx.state,
      data: {
        queue: p.fields ?? ALL_PROFILE_FIELDS,
        ...(Object.keys(prefill).length ? { prefill } : {}),
        questions: p.questions ?? [],
        ...(p.returnTo ? { returnTo: p.returnTo } : {}),
        ...(p.stopWhenIneligibleFor ? { stopWhenIneligibleFor: p.stopWhenIneligibleFor } : {}),
      },
    };
    const consent = p.known ? p.known.consent : await hasConsent(ctx.tx, ctx.user.id, 'personal_data');
    if (!consent) return askConsent(ctx);
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

/**
 * Why, in two lines; the full notice one tap away ("📄 Baca lengkap"), and a re-ask is one short line.
 * Asked only when something is about to be kept: questions are answered without it.
 */
async function askConsent(ctx: FlowContext, again = false): Promise<void> {
  ctx.setStep('consent', ctx.state.data);
  ctx.ask(ctx.t(again ? 'profile:consent.askAgain' : 'profile:consent.short'), [
    { id: 'consent:yes', label: ctx.t('profile:consent.agree') },
    { id: 'consent:no', label: ctx.t('profile:consent.disagree') },
    { id: 'consent:more', label: ctx.t('profile:consent.more') },
  ]);
}

/** What the flow returned to was opened with, read loosely (any flow's params). */
function returnParams(d: ProfileData): { slug?: unknown; search?: unknown; query?: unknown } {
  return (d.returnTo?.params ?? {}) as { slug?: unknown; search?: unknown; query?: unknown };
}

/** The programme these answers are for, if any. */
function programmeOf(d: ProfileData): string | undefined {
  const slug = d.stopWhenIneligibleFor ?? returnParams(d).slug;
  return typeof slug === 'string' ? slug : undefined;
}

const REQUIREMENTS = /\b(syarat|syaratnya|persyaratan|ketentuan|kriteria|requirements?|dokumen|berkas)\b/;

/**
 * "ga usah deh, kasih tau syaratnya aja dulu" at the consent question: the question is answered
 * without storing anything, and the consent question stays (nothing is lost either way).
 */
async function answerAtConsent(ctx: FlowContext, text: string): Promise<boolean> {
  const d = data(ctx);
  const slug = programmeOf(d);
  const lower = normalize(text);
  if (REQUIREMENTS.test(lower) || /\b(syarat|requirement)/.test(text.toLowerCase())) {
    if (slug) {
      const answer = await cardAnswerText(ctx, slug, { attributes: ['requirements', 'documents'] });
      if (answer) {
        ctx.say(answer);
        return true;
      }
    }
    const search = returnParams(d).search ?? returnParams(d).query;
    if (search && typeof search === 'object' && Object.keys(search).length) {
      await ctx.go('discover', {
        query: search as ProgrammeQuery,
        requirements: { attributes: ['requirements', 'documents'] },
      });
      return true;
    }
  }
  if (slug) {
    const question = cardQuestion(text);
    const answer = question ? await cardAnswerText(ctx, slug, question) : undefined;
    if (answer) {
      ctx.say(answer);
      return true;
    }
  }
  if (!asksSomething(text)) return false;
  // A question the knowledge base knows is answered; "apa itu?", "buat apa?" ask about this very
  // question: the full notice answers them, and the consent is asked again below.
  const questions = ctx.hasFlow(QUESTIONS_FLOW) ? (ctx.flow(QUESTIONS_FLOW) as QuestionsFlow) : undefined;
  const known = await questions?.answerInPassing(ctx, text, slug);
  if (known && normalize(text).split(' ').length > 3) {
    ctx.say(known);
    return true;
  }
  ctx.say(ctx.t('profile:consent.notice'));
  return false;
}

/**
 * Consent refused: nothing is kept, and what was asked is still answered the way that needs no data —
 * the programme's requirements, or the search with what was said.
 */
async function resumeWithoutConsent(ctx: FlowContext): Promise<void> {
  const d = data(ctx);
  const slug = programmeOf(d);
  ctx.say(ctx.t('profile:consent.declinedResume'));
  if (slug) return ctx.go('discover', { slug, ask: ['requirements', 'documents'] });
  const query = returnParams(d).search ?? returnParams(d).query;
  if (query && typeof query === 'object' && Object.keys(query).length)
    return ctx.go('discover', { query: query as ProgrammeQuery });
  ctx.home();
  return showMenu(ctx, ctx.t('profile:consent.declined'));
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
  // Read with the turn's first statement (the flow's prefetch); taken before anything is written.
  const known = ctx.takePrefetched('profile') as StoredProfile | undefined;
  if (input.kind === 'choice' && input.id === 'consent:more') {
    ctx.say(ctx.t('profile:consent.notice'));
    return askConsent(ctx, true);
  }
  const answer = yesNo(input, 'consent');
  if (answer === undefined) {
    if (input.kind === 'text' && (await answerAtConsent(ctx, input.text))) {
      if (ctx.state.flow === 'profile') await askConsent(ctx, true);
      return;
    }
    const detour = await escapeFromForm(ctx, input, { noAside: true });
    if (detour === 'left') return;
    if (detour === 'cancel') return leave(ctx);
    ctx.say(ctx.t('profile:consent.pleaseAnswer'));
    return askConsent(ctx, true);
  }
  if (!answer) {
    await recordConsent(ctx.tx, ctx.user.id, 'personal_data', answer, ctx.inbound.channel);
    forgetHeard(ctx);
    return resumeWithoutConsent(ctx);
  }
  // The consent and the programme for the thanks go out together (one round trip instead of three with
  // the profile's, prefetched; issue #15); the insert is not waited for (write-behind).
  ctx.writeBehind(recordConsent(ctx.tx, ctx.user.id, 'personal_data', answer, ctx.inbound.channel));
  const [thanks, profile] = await Promise.all([
    consentThanks(ctx),
    known ?? loadProfile(ctx.tx, ctx.user.id),
  ]);
  ctx.say(thanks);
  await next(ctx, profile);
}

/** Thanks, and which application goes on (after the consent it is easy to lose track of it). */
async function consentThanks(ctx: FlowContext): Promise<string> {
  const d = data(ctx);
  const slug = d.returnTo?.flow === 'apply' ? programmeOf(d) : undefined;
  const detail = slug ? await getProgramme(ctx.tx, slug) : undefined;
  if (!detail) return ctx.t('profile:consent.thanks');
  const p = detail.programme;
  const place = placeOf(ctx, {
    country: p.destination_country ?? null,
    regency: p.location.regency ?? null,
    province: p.location.province ?? null,
    mode: p.location.mode,
  });
  const title = [titleOf(ctx, p.title), place].filter(Boolean).join(' · ');
  return ctx.t('profile:consent.thanksFor', { title });
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
  // "eh tadi salah ketik, lahirnya 12 mei 2002": the birth date that made the question is corrected.
  if (answer === undefined && input.kind === 'text' && (await birthDateCorrected(ctx, input.text))) return;
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
    ctx.home();
    return showMenu(ctx, ctx.t('profile:guardian.declined'));
  }
  ctx.say(ctx.t('profile:guardian.thanks'));
  await next(ctx);
}

/**
 * A corrected birth date at the guardian's question: kept and said back; the guardian is asked only if
 * the person is still under 18. False when the message corrects no birth date.
 */
async function birthDateCorrected(ctx: FlowContext, text: string): Promise<boolean> {
  const c = readCorrection(text);
  if (!c || (c.field && c.field !== 'birthDate')) return false;
  const d = data(ctx);
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  const result = [c.value, c.said]
    .filter(Boolean)
    .map((value) => acceptAnswer(ctx, 'birthDate', { kind: 'text', text: value }, profile, d.questions))
    .find((r) => r.ok);
  if (!result?.ok) return false;
  await saveProfile(ctx.tx, ctx.user.id, result.profile);
  const label = labelOf(ctx, 'birthDate', d);
  const line =
    profileSummary(ctx, result.profile).find((l) => l.includes(`${label}:`)) ?? `• ${label}: ${c.value}`;
  ctx.say(ctx.t('form.corrected', { line }));
  ctx.state = { ...ctx.state, misses: 0, data: { ...d, lastField: 'birthDate' } };
  if (isMinor(result.profile)) {
    await askGuardian(ctx);
    return true;
  }
  await next(ctx, result.profile);
  return true;
}

/** `known`: the profile as this turn just saved it (no need to read it again). */
async function ask(ctx: FlowContext, field: FieldId, known?: StoredProfile): Promise<void> {
  const profile = known ?? (await loadProfile(ctx.tx, ctx.user.id));
  const prompt = promptFor(ctx, field, profile, data(ctx).questions);
  ctx.state = { ...ctx.state, step: 'ask', data: { ...data(ctx), field } };
  ctx.ask(prompt.text, prompt.choices ?? []);
}

async function onAnswer(ctx: FlowContext, input: FlowInput): Promise<void> {
  const d = data(ctx);
  const field = d.field;
  if (!field) return next(ctx);
  const profile =
    (ctx.takePrefetched('profile') as StoredProfile | undefined) ?? (await loadProfile(ctx.tx, ctx.user.id));
  const correction = input.kind === 'text' ? readCorrection(input.text) : undefined;
  if (correction && (await correct(ctx, correction, field))) return;
  const result = acceptAnswer(ctx, field, input, profile, d.questions);
  if (!result.ok) {
    if (input.kind === 'text' && (await answersInPassing(ctx, input.text, field, profile))) return;
    // "ga ada", "skip" at a question the check needs: said why it cannot be left out.
    if (input.kind === 'text' && isSkip(input.text)) {
      ctx.say(ctx.t('profile:flow.cannotSkip'));
      return ask(ctx, field, profile);
    }
    const slug = programmeOf(d);
    const detour = await escapeFromForm(ctx, input, {
      ...(slug ? { slug } : {}),
      remaining: d.queue.length + 1,
    });
    if (detour === 'left') return;
    if (detour === 'cancel') return leave(ctx);
    if (detour === 'repeat' || detour === 'aside') return ask(ctx, field);
    const misses = (ctx.state.misses ?? 0) + 1;
    ctx.say(misses >= 2 ? `${result.error}\n\n${ctx.t('profile:flow.needHelp')}` : result.error);
    await ask(ctx, field);
    ctx.state = { ...ctx.state, misses };
    return;
  }
  // Saved without waiting: it goes to Postgres with the turn's next statement (a round trip less).
  ctx.writeBehind(saveProfile(ctx.tx, ctx.user.id, result.profile));
  if (result.skipped) ctx.say(ctx.t('profile:flow.skipped'));
  ctx.state = {
    ...ctx.state,
    misses: 0,
    data: { ...d, lastField: field, queue: result.followUp ? [result.followUp, ...d.queue] : d.queue },
  };
  if (
    field === 'birthDate' &&
    isMinor(result.profile) &&
    !(await hasConsent(ctx.tx, ctx.user.id, 'guardian'))
  )
    return askGuardian(ctx);
  await next(ctx, result.profile);
}

/**
 * "aku cowok btw", "tinggi 170an", "umurku 20 ya", "n4 juga udah" at another question: what it answers
 * among these questions (waiting or already asked) is kept and said back, never asked again; when it
 * rules the person out of the programme, that is said at once; otherwise the waiting question is asked
 * again. False when the message answers none of them.
 */
async function answersInPassing(
  ctx: FlowContext,
  text: string,
  current: FieldId,
  profile: StoredProfile,
): Promise<boolean> {
  const d = data(ctx);
  const u = understand(text);
  const stated = statedOnly(text, u);
  const facts = profileFromFacts({
    ...(stated?.person ?? personOf(u) ?? {}),
    ...(u.slots.facts?.major ? { major: u.slots.facts.major } : {}),
  });
  let changed: StoredProfile = { ...profile, ...facts };
  // "btw aku udah 24 tahun dan lulusan sma": the waiting question may be among what it answers.
  const fields = fieldsGiven(facts);
  if (!fields.length) changed = profile;
  const heightQuestion = d.questions.find(isHeightQuestion);
  const asked = new Set<FieldId>(fields);
  const try_ = (field: FieldId, value: string) => {
    if (field === current) return;
    const r = acceptAnswer(ctx, field, { kind: 'text', text: value }, changed, d.questions);
    if (r.ok) {
      changed = r.profile;
      asked.add(field);
    }
  };
  if (heightQuestion && stated?.height !== undefined) {
    // "tinggi 15": no one is 15 cm tall; a slip of the keyboard is not kept (nor judged).
    if (stated.height < 100 && !fields.length) {
      ctx.say(ctx.t('profile:flow.heightOdd', { height: stated.height }));
      await ask(ctx, current, profile);
      return true;
    }
    if (stated.height >= 100) try_(`question:${heightQuestion.id}`, String(stated.height));
  }
  // A programme question named by its own words ("aku belum lulus eps topik", "sim sy sudah mati").
  for (const q of namedQuestions(text, d.questions))
    if (!isHeightQuestion(q) && d.queue.includes(`question:${q.id}`)) try_(`question:${q.id}`, text);
  // A choice said by its very name: "n4 juga udah" for "Level bahasa Jepangmu?" (options with a digit).
  const words = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  for (const q of d.questions)
    for (const option of q.options ?? [])
      if (/\d/.test(option) && words.includes(` ${option.toLowerCase()} `)) try_(`question:${q.id}`, option);
  if (!asked.size) return false;
  await saveProfile(ctx.tx, ctx.user.id, changed);
  // Said back as values ("sekitar 24 tahun, SMA/SMK/MA, tinggi 170 cm"), not as the questions' labels:
  // a label reads like the question being asked again.
  const values: string[] = [];
  const person = profileFacts(changed, asked);
  const described = describeFacts(ctx, person);
  if (described) values.push(described);
  for (const f of asked) {
    const q = d.questions.find((x) => `question:${x.id}` === f);
    const answer = q ? changed.answers?.[q.id] : undefined;
    if (!q || answer === undefined) continue;
    // A choice is its own value ("N4"); a yes or a number only says something with its question.
    values.push(
      q === heightQuestion
        ? ctx.t('discovery:heightSaid', { height: answer })
        : typeof answer === 'string'
          ? answer
          : ctx.t('profile:flow.answerSaid', {
              question: ctx.locale === 'en' && q.ask.en ? q.ask.en : q.ask.id,
              answer:
                typeof answer === 'boolean' ? ctx.t(`profile:flow.${answer ? 'yes' : 'no'}`) : String(answer),
            }),
    );
  }
  ctx.say(ctx.t('profile:flow.keptInPassing', { facts: values.join(', ') }));
  const last = [...asked].pop();
  ctx.state = {
    ...ctx.state,
    misses: 0,
    data: { ...d, ...(last ? { lastField: last } : {}), queue: d.queue.filter((f) => !asked.has(f)) },
  };
  // A fact that rules the person out (a women's programme, a height too low): said now, not at the end.
  if (d.returnTo?.flow === 'apply' && (await ruledOut(ctx, d.stopWhenIneligibleFor, changed)))
    return ctx.go(d.returnTo.flow, d.returnTo.params).then(() => true);
  if (asked.has(current)) await next(ctx, changed);
  else await ask(ctx, current, changed);
  return true;
}

/** The profile answers just kept, as the facts a person says ("sekitar 24 tahun", "SMA/SMK/MA"). */
function profileFacts(p: StoredProfile, asked: ReadonlySet<FieldId>): PersonFacts {
  const out: PersonFacts = {};
  if (asked.has('birthDate') && p.birthDate) {
    const birth = parseIsoDate(p.birthDate);
    if (birth) out.age = completedYears(birth, jakartaDay());
  }
  if (asked.has('gender') && p.gender) out.gender = p.gender;
  if (asked.has('education') && p.education) out.education = p.education.level;
  if (asked.has('domicile') && p.domicileProvince)
    out.domicile = {
      province: p.domicileProvince,
      ...(p.domicileRegency ? { regency: p.domicileRegency } : {}),
    };
  return out;
}

/** `known`: the profile as this turn just saved it, when it did. */
async function next(ctx: FlowContext, known?: StoredProfile): Promise<void> {
  let d = data(ctx);
  let profile = known;
  if (d.prefill) {
    // Consent is given by now: keep what they told us, and do not ask it again.
    profile = { ...(profile ?? (await loadProfile(ctx.tx, ctx.user.id))), ...d.prefill };
    await saveProfile(ctx.tx, ctx.user.id, profile);
    const given = new Set(fieldsGiven(d.prefill));
    const { prefill: _done, ...rest } = d;
    d = { ...rest, queue: d.queue.filter((f) => !given.has(f)) };
    ctx.state = { ...ctx.state, data: d };
  }
  // Already ruled out: the programme's own questions (height, tattoos…) can't change that, so they are
  // skipped; the basic answers are still asked, since they find what fits instead.
  const programmeQuestions = d.queue.filter((f) => f.startsWith('question:'));
  if (programmeQuestions.length && (await ruledOut(ctx, d.stopWhenIneligibleFor, profile))) {
    d = { ...d, queue: d.queue.filter((f) => !f.startsWith('question:')) };
    ctx.state = { ...ctx.state, data: d };
  }
  const [field, ...rest] = d.queue;
  if (field) {
    ctx.state = { ...ctx.state, data: { ...d, queue: rest } };
    return ask(ctx, field, profile);
  }
  if (d.returnTo) return ctx.goTo(d.returnTo);
  ctx.say(ctx.t('profile:flow.saved'));
  return review(ctx);
}

/** An answer so far already fails one of the programme's hard rules: the other questions can't help. */
async function ruledOut(ctx: FlowContext, slug: string | undefined, known?: StoredProfile): Promise<boolean> {
  if (!slug) return false;
  const detail = await getProgramme(ctx.tx, slug);
  if (!detail) return false;
  const profile = known ?? (await loadProfile(ctx.tx, ctx.user.id));
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
  // "ubah domisili", "ganti umur jadi 24": typed instead of tapped.
  const correction = input.kind === 'text' ? readCorrection(input.text) : undefined;
  const named = correction ? fieldFor(correction, data(ctx)) : undefined;
  if (named && named !== 'elsewhere' && named !== 'profile' && EDITABLE.includes(named))
    return ctx.go('profile', { fields: [named], returnTo: { flow: 'profile', params: { mode: 'review' } } });
  if (input.kind === 'text' && !correction) return routeFreeText(ctx, input.text);
  if (input.kind === 'choice' && input.id.startsWith('edit:')) {
    const field = input.id.slice(5) as FieldId;
    return ctx.go('profile', { fields: [field], returnTo: { flow: 'profile', params: { mode: 'review' } } });
  }
  ctx.home();
  return showMenu(ctx);
}

/** Which question a named answer is: the profile's own, or the programme's (height). */
function fieldFor(c: Correction, d: ProfileData): FieldId | 'elsewhere' | 'profile' | undefined {
  switch (c.field) {
    case undefined:
      return undefined;
    case 'birthDate':
    case 'gender':
    case 'domicile':
    case 'education':
    case 'graduationYear':
    case 'activity':
      return c.field;
    // There is no street address among these questions: the application form asks it; without one,
    // where one lives is the domicile.
    case 'address': {
      // "ubah alamat, aku skrg tinggal di kota semarang": a place named is where one lives.
      const place = understand(c.value).slots;
      if (place.province || place.regency) return 'domicile';
      return d.returnTo?.flow === 'apply' ? 'elsewhere' : 'domicile';
    }
    case 'major':
      return 'education';
    case 'height': {
      const question = d.questions.find(isHeightQuestion);
      return question ? `question:${question.id}` : 'elsewhere';
    }
    case 'profile':
      return 'profile';
    default:
      return 'elsewhere';
  }
}

function labelOf(ctx: FlowContext, field: FieldId, d: ProfileData): string {
  if (field.startsWith('question:')) {
    const q = d.questions.find((x) => `question:${x.id}` === field);
    return q ? (ctx.locale === 'en' && q.ask.en ? q.ask.en : q.ask.id).replace(/\?$/, '') : field;
  }
  return ctx.t(`profile:flow.label.${field === 'domicileRegency' ? 'domicile' : field}`);
}

/**
 * "salah, maksudnya 170", "eh bukan, umurku 24", "tadi salah ketik": changes the answer named (or the
 * last one), with the new value when it was given, else asks that question again; then the question
 * that was waiting is asked again. False when the words are not about these answers after all.
 */
async function correct(ctx: FlowContext, c: Correction, current: FieldId): Promise<boolean> {
  const d = data(ctx);
  const named = fieldFor(c, d);
  if (named === 'profile') {
    await review(ctx);
    return true;
  }
  if (named === 'elsewhere') {
    // "ganti nomor hp" before the form asks it: said, and the waiting question stays.
    const label = ctx.t(`form.field.${c.field}`);
    const value = c.value.replace(/\p{L}+/gu, (w) => w[0]!.toUpperCase() + w.slice(1));
    ctx.say(
      c.value && c.field === 'fullName'
        ? ctx.t('form.askedLaterValue', { label, value })
        : ctx.t('form.askedLater', { label }),
    );
    await ask(ctx, current);
    return true;
  }
  const target = named ?? d.lastField ?? current;
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  const tryValue = (text: string) =>
    text ? acceptAnswer(ctx, target, { kind: 'text', text }, profile, d.questions) : undefined;
  const result = [tryValue(c.value), tryValue(c.said)].find((r) => r?.ok);
  const resumeAfter = target === current ? d.queue : [current, ...d.queue];
  if (!result?.ok) {
    if (c.value && target === current && !named) return false;
    // No new value (or one that does not read): that question again, then the waiting one.
    ctx.say(ctx.t('form.correctThis', { label: labelOf(ctx, target, d) }));
    ctx.state = { ...ctx.state, data: { ...d, queue: resumeAfter } };
    await ask(ctx, target);
    return true;
  }
  await saveProfile(ctx.tx, ctx.user.id, result.profile);
  const line =
    profileSummary(ctx, result.profile).find((l) => l.includes(`${labelOf(ctx, target, d)}:`)) ??
    `• ${labelOf(ctx, target, d)}: ${c.value || c.said}`;
  ctx.say(ctx.t('form.corrected', { line }));
  ctx.state = {
    ...ctx.state,
    misses: 0,
    data: { ...d, lastField: target, queue: target === current ? d.queue : resumeAfter },
  };
  if (target === current) await next(ctx);
  else {
    const [waiting, ...rest] = resumeAfter;
    ctx.state = { ...ctx.state, data: { ...data(ctx), queue: rest } };
    await ask(ctx, waiting ?? current);
  }
  return true;
}
