import { describeQuery, hasCriteria } from '../../catalogue/query';
import { getProgramme, type ProgrammeQuery, searchProgrammes } from '../../catalogue/search';
import { formatDateId, jakartaDay, seatSituation, toIsoDate } from '../../eligibility';
import { evaluateFor, missingFields } from '../../eligibility/for-profile';
import type { FlowContext } from '../../engine/context';
import type { Flow } from '../../engine/flow';
import { type Correction, readCorrection } from '../../nlu';
import { profileHas } from '../../profile/has';
import { loadProfile, saveProfile } from '../../profile/store';
import type { Choice } from '../../shared/conversation';
import type { Check } from '../../shared/profile';
import type { EducationLevel, Field } from '../../shared/vocabulary';
import { closesText, placeOf, titleOf } from '../discover/format';
import { openFeature, showMenu } from '../menu/flow';
import type { FieldId } from '../profile/fields';
import { acceptAnswer } from '../profile/fields';
import { routeFreeText } from '../text-router';
import { findMatches, type Match } from './match';

/** What matching needs to know about a person before it can say anything useful. */
const CORE_FIELDS: FieldId[] = ['birthDate', 'gender', 'domicile', 'education', 'activity'];

const MARK: Record<string, string> = { pass: '✓', fail: '✗', preferred: '⚠️', unknown: '?' };

function mark(check: Check): string {
  if (check.passed === true) return MARK.pass!;
  if (check.passed === undefined) return MARK.unknown!;
  return check.preferred ? MARK.preferred! : MARK.fail!;
}

/**
 * "Cek kelayakan": for one programme, asks only what its rules need (through the profile flow), then
 * says whether the person qualifies and exactly why not, with the source of the rules and what fits
 * instead. Without a programme it offers the match list, a search, or the interest quiz.
 */
export interface EligibilityParams {
  slug?: string;
  /** Back from the profile questions: do not count the check again. */
  returning?: boolean;
  /** Checked on the way into an application: a correction that lifts the refusal resumes it. */
  applying?: boolean;
}

export const eligibilityFlow: Flow<'eligibility'> = {
  id: 'eligibility',
  async start(ctx, params) {
    const slug = params?.slug;
    if (!slug) {
      ctx.state = { ...ctx.state, step: 'choose' };
      return ctx.ask(ctx.t('eligibility:flow.choose'), [
        { id: 'choose:match', label: ctx.t('eligibility:flow.matchButton') },
        { id: 'choose:search', label: ctx.t('eligibility:flow.searchButton') },
        { id: 'choose:quiz', label: ctx.t('eligibility:flow.quizButton') },
      ]);
    }
    return checkProgramme(ctx, slug, params?.returning === true, params?.applying === true);
  },
  async handle(ctx, input) {
    if (input.kind === 'choice') {
      const [action, arg = ''] = [
        input.id.slice(0, input.id.indexOf(':')),
        input.id.slice(input.id.indexOf(':') + 1),
      ];
      switch (action) {
        case 'choose':
          if (arg === 'match') return ctx.go('match');
          if (arg === 'quiz') return openFeature(ctx, 'quiz');
          return ctx.go('discover');
        case 'open':
          return ctx.go('discover', { slug: arg });
        case 'apply':
          return ctx.go('discover', { slug: arg, action: 'apply' });
        case 'complete':
          return checkProgramme(ctx, arg, false);
        case 'more':
          return ctx.go('match');
      }
    }
    if (input.kind === 'text') {
      const slug = ctx.state.data.slug;
      const correction = readCorrection(input.text);
      if (ctx.state.step === 'result' && typeof slug === 'string' && correction)
        if (await correctAndRecheck(ctx, slug, correction)) return;
      return routeFreeText(ctx, input.text);
    }
    return showMenu(ctx);
  },
};

/** The profile question behind a rule, so that "salah, maksudnya 170" after a refusal finds it. */
function fieldOfRule(rule: string): FieldId | undefined {
  if (rule.startsWith('question:')) return rule as FieldId;
  const fields: Record<string, FieldId> = {
    age: 'birthDate',
    education: 'education',
    gender: 'gender',
    domicile: 'domicile',
    status: 'activity',
    graduated_within_years: 'graduationYear',
  };
  return fields[rule];
}

/**
 * After a verdict, "salah, maksudnya 170 cm bukan 17" or "eh bukan, umurku 24": the answer is changed
 * (the one named, else the rule that failed) and the programme checked again at once. Without a new
 * value, that question is asked again and the check follows.
 */
async function correctAndRecheck(ctx: FlowContext, slug: string, c: Correction): Promise<boolean> {
  const detail = await getProgramme(ctx.tx, slug);
  if (!detail) return false;
  const p = detail.programme;
  const questions = p.eligibility?.questions ?? [];
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  const failed = evaluateFor(p, profile, ctx.locale).checks.find((x) => x.passed === false);
  const named =
    c.field === 'height'
      ? questions.find((q) => /tinggi|height/i.test(q.ask.id))
        ? (`question:${questions.find((q) => /tinggi|height/i.test(q.ask.id))!.id}` as FieldId)
        : undefined
      : c.field &&
          ['birthDate', 'gender', 'domicile', 'education', 'graduationYear', 'activity'].includes(c.field)
        ? (c.field as FieldId)
        : undefined;
  if (c.field && !named) return false;
  const target = named ?? (failed ? fieldOfRule(failed.rule) : undefined);
  if (!target) return false;
  for (const text of [c.value, c.said]) {
    if (!text) continue;
    const result = acceptAnswer(ctx, target, { kind: 'text', text }, profile, questions);
    if (!result.ok) continue;
    await saveProfile(ctx.tx, ctx.user.id, result.profile);
    // "eh salah pencet, aku nggak buta warna" on the way into the form: no longer ruled out, the form
    // goes on where it was instead of a check full of questions still to come.
    const applying = ctx.state.data.applying === true;
    if (applying && evaluateFor(p, result.profile, ctx.locale).outcome !== 'ineligible') {
      ctx.say(ctx.t('eligibility:flow.correctedResume'));
      await ctx.go('apply', { slug });
      return true;
    }
    ctx.say(ctx.t('eligibility:flow.corrected'));
    await checkProgramme(ctx, slug, true, applying);
    return true;
  }
  await ctx.go('profile', {
    fields: [target],
    questions,
    returnTo: { flow: 'eligibility', params: { slug, returning: true } },
  });
  return true;
}

async function checkProgramme(
  ctx: FlowContext,
  slug: string,
  returning: boolean,
  applying = false,
): Promise<void> {
  const detail = await getProgramme(ctx.tx, slug);
  if (!detail) {
    ctx.say(ctx.t('discovery:notFound'));
    return showMenu(ctx);
  }
  const p = detail.programme;
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  const evaluation = evaluateFor(p, profile, ctx.locale);
  // Ask what is missing — once: coming back from the questions, unknowns are reported, not re-asked.
  // A programme with women's seats also needs the gender, to explain the seat situation.
  const seatFields: FieldId[] = p.seats?.women && !profile.gender && !returning ? ['gender'] : [];
  if ((evaluation.outcome === 'incomplete' && !returning) || seatFields.length) {
    const fields = [...new Set([...(returning ? [] : missingFields(evaluation)), ...seatFields])];
    if (fields.length) {
      ctx.say(ctx.t('eligibility:flow.needAnswers', { title: titleOf(ctx, p.title), count: fields.length }));
      return ctx.go('profile', {
        fields,
        questions: p.eligibility?.questions ?? [],
        returnTo: { flow: 'eligibility', params: { slug, returning: true } },
        stopWhenIneligibleFor: slug,
      });
    }
  }

  const lines = [
    ctx.t(`eligibility:flow.outcome.${evaluation.outcome}`, { title: titleOf(ctx, p.title) }),
    '',
  ];
  // Ruled out: the rule that failed is the answer; rules not yet known would only bury it.
  const shown =
    evaluation.outcome === 'ineligible'
      ? evaluation.checks.filter((c) => c.passed !== undefined)
      : evaluation.checks;
  const ordered = [...shown].sort((a, b) => order(a) - order(b));
  for (const check of ordered)
    lines.push(`${mark(check)} ${ctx.t(check.explanation.key, check.explanation.vars)}`);
  const qualifies = evaluation.outcome === 'eligible' || evaluation.outcome === 'eligible_not_preferred';
  // Seats "left for you" only under a yes: after a refusal they would contradict it.
  if (qualifies && profile.gender && p.seats?.women) {
    const seats = seatSituation(
      { ...(p.seats.total !== undefined ? { total: p.seats.total } : {}), women: p.seats.women },
      { general: 0, women: 0 },
      profile.gender,
    );
    lines.push('', `💺 ${ctx.t(seats.explanation.key, seats.explanation.vars)}`);
  }
  const source = p.sources?.[0] ? new URL(p.sources[0]).hostname : '';
  lines.push('', ctx.t('eligibility:flow.source', { source, date: formatDateId(p.verified_at, ctx.locale) }));

  const choices: Choice[] = [];
  if (qualifies && detail.state === 'open')
    choices.push({ id: `apply:${slug}`, label: ctx.t('discovery:card.apply') });
  if (!qualifies) {
    const alternatives = await findMatches(ctx.tx, profile, {
      locale: ctx.locale,
      limit: 3,
      excludeIds: [detail.id],
      interests: [p.field],
      // Where she lives first: a course on another island is no alternative to one near home.
      nearFirst: true,
    });
    if (alternatives.length) {
      lines.push('', ctx.t('eligibility:flow.alternatives'));
      alternatives.forEach((m, i) => {
        lines.push(matchLine(ctx, i, m));
        choices.push({ id: `open:${m.slug}`, label: String(i + 1), listed: true });
      });
    }
    if (evaluation.outcome === 'incomplete')
      choices.push({ id: `complete:${slug}`, label: ctx.t('eligibility:flow.completeButton') });
    // Never a dead end: what fits instead is one tap away, even before the whole profile is known.
    else {
      if (!alternatives.length) lines.push('', ctx.t('eligibility:flow.findOthers'));
      choices.push({ id: 'more:', label: ctx.t('eligibility:flow.matchButton') });
    }
  }
  choices.push({ id: `open:${slug}`, label: ctx.t('eligibility:flow.backToCard') });
  ctx.state = { flow: 'eligibility', step: 'result', data: { slug, ...(applying ? { applying } : {}) } };
  ctx.ask(lines.join('\n'), choices);
}

/** Failed hard rules first, then preferred misses, unknowns, and what passed. */
function order(check: Check): number {
  if (check.passed === false) return check.preferred ? 1 : 0;
  if (check.passed === undefined) return 2;
  return 3;
}

/** One programme of a list that fits: its title, then where it is and why it fits. */
export function matchLine(ctx: FlowContext, index: number, m: Match): string {
  const where = placeOf(ctx, m);
  // Every list line says where and when registration closes (issue #13, point 7).
  const closes = closesText(ctx, m.registrationCloses, toIsoDate(jakartaDay()));
  const bits = [where ? `📍 ${where}` : '', reasonLine(ctx, m), closes].filter(Boolean);
  return `${index + 1}. ${titleOf(ctx, m.title)}\n   ${bits.join(' · ')}`;
}

export function reasonLine(ctx: FlowContext, m: Match): string {
  const verdict =
    m.evaluation.outcome === 'eligible'
      ? 'qualifies'
      : m.evaluation.outcome === 'incomplete'
        ? 'mayQualify'
        : 'qualifiesNotPreferred';
  const reasons = [
    ctx.t(`eligibility:match.${verdict}`),
    ...m.reasons.map((r) => ctx.t(`eligibility:match.reason.${r}`)),
  ];
  return reasons.join(', ');
}

/** "Program apa yang cocok untukku?": the open programmes this person qualifies for, best first. */
export interface MatchParams {
  query?: ProgrammeQuery;
  /** Said in the person's own words ("lulusan SMK"): saved with the profile answers. */
  education?: EducationLevel;
  returning?: boolean;
}

export const matchFlow: Flow<'match'> = {
  id: 'match',
  async start(ctx, params) {
    const query = params?.query ?? {};
    const profile = await loadProfile(ctx.tx, ctx.user.id);
    const needed = CORE_FIELDS.filter((f) => !profileHas(profile, f));
    const education = params?.education;
    if (needed.length && !params?.returning) {
      ctx.say(ctx.t('eligibility:match.intro'));
      return ctx.go('profile', {
        fields: needed,
        ...(education && !profile.education ? { prefill: { education: { level: education } } } : {}),
        returnTo: { flow: 'match', params: { query, returning: true } },
      });
    }
    return showMatches(ctx, query);
  },
  async handle(ctx, input) {
    if (input.kind === 'choice') {
      if (input.id.startsWith('open:')) return ctx.go('discover', { slug: input.id.slice(5) });
      if (input.id === 'profile') return ctx.go('profile', { mode: 'review' });
      if (input.id === 'quiz') return openFeature(ctx, 'quiz');
      if (input.id === 'all') return showMatches(ctx, {});
    }
    if (input.kind === 'text') return routeFreeText(ctx, input.text);
    return showMenu(ctx);
  },
};

/**
 * "magang jepang" at 31: nothing fits, so say why for the programmes that were asked about — the first
 * rule each one fails, with the person's own value.
 */
async function whyNone(
  ctx: FlowContext,
  query: ProgrammeQuery,
  profile: Awaited<ReturnType<typeof loadProfile>>,
): Promise<string[]> {
  const found = await searchProgrammes(ctx.tx, query, { pageSize: 3 });
  const lines: string[] = [];
  for (const item of found.items) {
    const detail = await getProgramme(ctx.tx, item.slug);
    if (!detail) continue;
    const failed = evaluateFor(detail.programme, profile, ctx.locale).checks.find(
      (c) => c.passed === false && !c.preferred,
    );
    const reason = failed
      ? ctx.t(failed.explanation.key, failed.explanation.vars)
      : ctx.t('eligibility:match.notOpen');
    lines.push(`• ${titleOf(ctx, item.title)}\n  ✗ ${reason}`);
  }
  return lines;
}

async function showMatches(ctx: FlowContext, query: ProgrammeQuery): Promise<void> {
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  const interests = (profile.interests?.fieldsRecommended ?? []) as Field[];
  const matches = await findMatches(ctx.tx, profile, {
    locale: ctx.locale,
    limit: 5,
    interests: [...interests, ...(query.fields ?? [])],
    ...(query.kinds ? { kinds: query.kinds } : {}),
    ...(query.fields ? { fields: query.fields } : {}),
  });
  const choices: Choice[] = [];
  const lines: string[] = [];
  if (matches.length === 0) {
    const why = hasCriteria(query) ? await whyNone(ctx, query, profile) : [];
    if (why.length) {
      lines.push(ctx.t('eligibility:match.noneFor', { query: describeQuery(ctx, query) }), '', ...why);
      lines.push('', ctx.t('eligibility:match.tryAll'));
      choices.push({ id: 'all', label: ctx.t('eligibility:match.allButton') });
    } else lines.push(ctx.t('eligibility:match.none'));
  } else {
    lines.push(ctx.t('eligibility:match.header', { count: matches.length }), '');
    matches.forEach((m, i) => {
      lines.push(matchLine(ctx, i, m));
      choices.push({ id: `open:${m.slug}`, label: String(i + 1), listed: true });
    });
    lines.push('', ctx.t('eligibility:match.pick'));
  }
  choices.push({ id: 'profile', label: ctx.t('eligibility:match.editProfile') });
  choices.push({ id: 'quiz', label: ctx.t('eligibility:flow.quizButton') });
  ctx.state = { flow: 'match', step: 'list', data: {} };
  ctx.ask(lines.join('\n'), choices);
}
