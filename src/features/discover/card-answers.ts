/**
 * Answers to questions about the programme on screen ("ada uang saku sama asrama gak?", "umur 27 bisa?"),
 * from its catalogue record only. What the record does not say is said honestly, with the way to a person.
 */
import { seatsLeft } from '../../applications/seats';
import { getProgramme, type ProgrammeDetail } from '../../catalogue/search';
import {
  type Check,
  type EligibilityRules,
  evaluate,
  formatDateId,
  jakartaDay,
  type Profile,
  seatSituation,
  toIsoDate,
} from '../../eligibility';
import type { FlowContext } from '../../engine/context';
import type { CardAttribute, CardQuestion } from '../../nlu';
import { regionLabel } from '../../regions';
import type { Choice } from '../../shared/conversation';
import { isHeightQuestion, type ProgrammeQuestion } from '../../shared/profile';
import type { Programme } from '../../shared/programme';
import { deadline, formatRupiah, placeOf, titleOf } from './format';

/** One answered attribute: its sentence, and whether the record was silent about it. */
interface Line {
  text: string;
  unknown?: boolean;
}

interface AnswerContext {
  ctx: FlowContext;
  p: Programme;
  detail: ProgrammeDetail;
  q: CardQuestion;
  today: string;
}

const a = (ctx: FlowContext, key: string, vars?: Record<string, unknown>) =>
  ctx.t(`discovery:answer.${key}`, vars);

/** A benefit the record lists, or an honest "not mentioned". */
function benefit(c: AnswerContext, key: string, benefits: string[]): Line {
  const has = benefits.some((b) => c.p.benefits?.includes(b as never));
  return has ? { text: a(c.ctx, `${key}.yes`) } : { text: a(c.ctx, `${key}.unknown`), unknown: true };
}

function date(c: AnswerContext, iso: string): string {
  return formatDateId(iso, c.ctx.locale);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Evaluates only the named rules against what the person said of themselves (engine, not a copy). */
function check(c: AnswerContext, rules: EligibilityRules, profile: Profile): Check | undefined {
  return evaluate(rules, profile, {
    dates: c.p.dates ?? {},
    today: c.today,
    locale: c.ctx.locale,
    regionLabel: (code) => regionLabel(code) ?? code,
  }).checks[0];
}

/** "✅ Bisa. <rule>; <yours>." — the verdict with the rule and how the person measures against it. */
function verdict(c: AnswerContext, result: Check): Line {
  const reason = c.ctx.t(result.explanation.key, result.explanation.vars);
  if (result.passed === false) return { text: a(c.ctx, result.preferred ? 'preferred' : 'no', { reason }) };
  // Not decidable from what was said: the rule alone, and "Cek syarat lengkap" underneath.
  if (result.passed === undefined) return { text: reason };
  return { text: a(c.ctx, 'yes', { reason }) };
}

function ruleText(result: Check | undefined): string | undefined {
  return result?.explanation.vars?.rule as string | undefined;
}

function yearsAgo(today: string, years: number): string {
  const [y, m, d] = today.split('-');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${String(Number(y) - years).padStart(4, '0')}-${m}-${day}`;
}

function age(c: AnswerContext): Line {
  const rule = c.p.eligibility?.age;
  if (!rule || (rule.min === undefined && rule.max === undefined)) {
    return { text: a(c.ctx, 'age.none') };
  }
  const rules: EligibilityRules = { age: rule, preferred: c.p.eligibility?.preferred };
  if (c.q.age === undefined) return { text: a(c.ctx, 'age.rule', { rule: ruleText(check(c, rules, {})) }) };
  // A stated age is taken at the person's word, as the profile does ("umur 22").
  const profile: Profile = { birthDate: yearsAgo(c.today, c.q.age), birthDateApproximate: true };
  const result = check(c, rules, profile);
  return result ? verdict(c, result) : { text: a(c.ctx, 'age.none') };
}

function education(c: AnswerContext): Line {
  const rule = c.p.eligibility?.education;
  if (!rule || (!rule.min && !rule.max)) {
    return {
      text: c.q.education
        ? a(c.ctx, 'yes', { reason: a(c.ctx, 'education.none') })
        : a(c.ctx, 'education.none'),
    };
  }
  const rules: EligibilityRules = { education: rule, preferred: c.p.eligibility?.preferred };
  if (!c.q.education) return { text: a(c.ctx, 'education.rule', { rule: ruleText(check(c, rules, {})) }) };
  const result = check(c, rules, { education: { level: c.q.education } });
  return result ? verdict(c, result) : { text: a(c.ctx, 'education.none') };
}

function gender(c: AnswerContext): Line {
  const rule = c.p.eligibility?.gender;
  const reserved = c.p.seats?.women ? ` ${a(c.ctx, 'gender.reserved', { count: c.p.seats.women })}` : '';
  if (!rule) {
    const open = `${a(c.ctx, 'gender.open')}${reserved}`;
    return { text: c.q.gender ? a(c.ctx, 'yes', { reason: open }) : open };
  }
  if (!c.q.gender) return { text: a(c.ctx, rule === 'perempuan' ? 'gender.women' : 'gender.men') };
  const result = check(c, { gender: rule, preferred: c.p.eligibility?.preferred }, { gender: c.q.gender });
  return result ? verdict(c, result) : { text: a(c.ctx, 'gender.open') };
}

function requirements(c: AnswerContext): Line {
  const rules = (c.p.eligibility ?? {}) as EligibilityRules;
  const all = evaluate(
    rules,
    {},
    {
      dates: c.p.dates ?? {},
      today: c.today,
      locale: c.ctx.locale,
      regionLabel: (code) => regionLabel(code) ?? code,
    },
  ).checks;
  const lines = all.map(ruleText).filter((r): r is string => Boolean(r));
  if (!lines.length) return { text: a(c.ctx, 'requirements.none') };
  return { text: a(c.ctx, 'requirements.list', { rules: lines.map((l) => `• ${l}`).join('\n') }) };
}

function duration(c: AnswerContext): Line {
  const d = c.p.dates;
  const note = d?.schedule_note ? ` ${a(c.ctx, 'schedule', { note: localizedNote(c) })}` : '';
  if (!d?.starts || !d.ends) {
    return note ? { text: note.trim() } : { text: a(c.ctx, 'duration.unknown'), unknown: true };
  }
  const days = daysBetween(d.starts, d.ends) + 1;
  const length =
    days >= 56
      ? a(c.ctx, 'duration.months', { count: Math.round(days / 30) })
      : days >= 14
        ? a(c.ctx, 'duration.weeks', { count: Math.round(days / 7) })
        : a(c.ctx, 'duration.days', { count: days });
  return {
    text: `${a(c.ctx, 'duration.known', { length, start: date(c, d.starts), end: date(c, d.ends) })}${note}`,
  };
}

function localizedNote(c: AnswerContext): string {
  const note = c.p.dates?.schedule_note;
  return (c.ctx.locale === 'en' && note?.en) || note?.id || '';
}

async function seats(c: AnswerContext): Promise<Line> {
  const total = c.p.seats?.total;
  if (!total) return { text: a(c.ctx, 'seats.unknown'), unknown: true };
  // No seat row yet means nobody has taken a seat through the bot: all of them are still free.
  const left =
    (await seatsLeft(c.ctx.tx, c.detail.id)) ??
    (() => {
      const s = seatSituation(
        { total, ...(c.p.seats?.women ? { women: c.p.seats.women } : {}) },
        { general: 0, women: 0 },
      );
      return { general: s.generalLeft ?? 0, women: s.womenLeft };
    })();
  const general = left.general ?? 0;
  const women = left.women ?? 0;
  const full = general + women === 0;
  const rest = full ? a(c.ctx, 'seats.full') : a(c.ctx, 'seats.left', { general, women });
  return { text: `${a(c.ctx, 'seats.total', { count: total })} ${rest}`, unknown: full };
}

async function lineFor(c: AnswerContext, attribute: CardAttribute): Promise<Line> {
  const { ctx, p } = c;
  switch (attribute) {
    case 'stipend': {
      const amount = p.costs?.stipend_idr;
      if (amount) {
        const period = p.costs?.stipend_period
          ? ctx.t(`catalogue:stipend_period.${p.costs.stipend_period}`)
          : '';
        return {
          text: a(ctx, 'stipend.amount', { amount: formatRupiah(amount), period }).replace(' .', '.'),
        };
      }
      if (p.benefits?.includes('uang_saku')) return { text: a(ctx, 'stipend.noAmount') };
      return { text: a(ctx, 'stipend.unknown'), unknown: true };
    }
    case 'dormitory':
      return benefit(c, 'dormitory', ['asrama']);
    case 'meals':
      return benefit(c, 'meals', ['makan']);
    case 'transport':
      return benefit(c, 'transport', ['transport']);
    case 'bpjs':
      return benefit(c, 'bpjs', ['bpjs_ketenagakerjaan']);
    case 'placement':
      return benefit(c, 'placement', ['penempatan_kerja']);
    case 'tools':
      return benefit(c, 'tools', ['alat_kerja']);
    case 'cost': {
      if (!p.costs) return { text: a(ctx, 'cost.unknown'), unknown: true };
      return p.costs.fee_idr === 0
        ? { text: a(ctx, 'cost.free') }
        : { text: a(ctx, 'cost.fee', { amount: formatRupiah(p.costs.fee_idr) }) };
    }
    case 'certificate': {
      const kinds = (p.benefits ?? []).filter((b) => b.startsWith('sertifikat_'));
      if (!kinds.length) return { text: a(ctx, 'certificate.unknown'), unknown: true };
      const what = new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(
        kinds.map((b) => ctx.t(`catalogue:benefit.${b}`)),
      );
      return { text: a(ctx, 'certificate.yes', { what }) };
    }
    case 'starts': {
      const d = p.dates;
      const note = d?.schedule_note ? ` ${a(ctx, 'schedule', { note: localizedNote(c) })}` : '';
      if (!d?.starts) return note ? { text: note.trim() } : { text: a(ctx, 'starts.unknown'), unknown: true };
      const key = d.ends ? 'starts.range' : 'starts.date';
      return {
        text: `${a(ctx, key, { date: date(c, d.starts), end: d.ends ? date(c, d.ends) : '' })}${note}`,
      };
    }
    case 'duration':
      return duration(c);
    case 'deadline': {
      const { state, daysLeft } = c.detail;
      const d = p.dates;
      if (state === 'closed') return { text: a(ctx, 'deadline.closed') };
      if (state === 'upcoming' && d?.registration_opens)
        return { text: a(ctx, 'deadline.opens', { date: date(c, d.registration_opens) }) };
      if (!d?.registration_closes) return { text: a(ctx, 'deadline.unknown') };
      const status = deadline(ctx, state, daysLeft, d.registration_opens ?? null).replace(/^⏰ /, '');
      return { text: a(ctx, 'deadline.closes', { date: date(c, d.registration_closes), status }) };
    }
    case 'location': {
      if (p.location.mode === 'daring') return { text: a(ctx, 'location.online') };
      const place = placeOf(ctx, {
        country: p.destination_country ?? null,
        regency: p.location.regency ?? null,
        province: p.location.province ?? null,
        mode: p.location.mode,
      });
      if (!place) return { text: a(ctx, 'location.unknown'), unknown: true };
      const venue = p.location.venue;
      return { text: a(ctx, venue ? 'location.venue' : 'location.place', { place, venue }) };
    }
    case 'mode':
      return { text: a(ctx, `mode.${p.location.mode}`) };
    case 'seats':
      return seats(c);
    case 'requirements':
      return requirements(c);
    case 'documents': {
      const docs = p.application?.documents ?? [];
      if (!docs.length) return { text: a(ctx, 'documents.unknown'), unknown: true };
      const list = docs.map((x) => ctx.t(`catalogue:document.${x}`)).join(', ');
      return { text: a(ctx, 'documents.list', { list }) };
    }
    case 'women':
      return gender(c);
    case 'disability': {
      const inc = p.inclusion;
      if (!inc?.disability_friendly) return { text: a(ctx, 'disability.unknown'), unknown: true };
      const acc = inc.accommodations;
      const accommodations = (ctx.locale === 'en' && acc?.en) || acc?.id || '';
      return { text: a(ctx, 'disability.yes', { accommodations }).trim() };
    }
    case 'age':
      return age(c);
    case 'education':
      return education(c);
    case 'height':
      return height(c);
  }
}

/** The programme's own height question, if it has one (asked in cm). */
function heightRule(p: Programme): ProgrammeQuestion | undefined {
  return p.eligibility?.questions?.find((q) => q.type === 'number' && isHeightQuestion(q));
}

function height(c: AnswerContext): Line {
  const question = heightRule(c.p);
  if (!question)
    return {
      text:
        c.q.height === undefined
          ? a(c.ctx, 'height.none')
          : a(c.ctx, 'yes', { reason: a(c.ctx, 'height.noneFor', { height: c.q.height }) }),
    };
  const rules = { questions: [question] } as EligibilityRules;
  if (c.q.height === undefined) {
    const explain = question.explain
      ? (c.ctx.locale === 'en' && question.explain.en) || question.explain.id
      : '';
    return { text: explain || ruleText(check(c, rules, {})) || a(c.ctx, 'height.none') };
  }
  const result = check(c, rules, { answers: { [question.id]: c.q.height } });
  return result ? verdict(c, result) : { text: a(c.ctx, 'height.none') };
}

/** Attributes that ask whether the person may join: answered with the rules, and "check everything" offered. */
const PERSONAL: ReadonlySet<CardAttribute> = new Set([
  'height',
  'age',
  'education',
  'women',
  'disability',
  'requirements',
]);

/**
 * Answers every attribute asked, in one message, with the card's actions underneath (so there is no dead
 * end); returns false when the programme is gone.
 */
export async function answerCardQuestion(ctx: FlowContext, slug: string, q: CardQuestion): Promise<boolean> {
  const text = await cardAnswerText(ctx, slug, q);
  if (text === undefined) return false;
  const personal = q.attributes.some((x) => PERSONAL.has(x));
  const choices: Choice[] = [
    { id: `check:${slug}`, label: personal ? a(ctx, 'checkFull') : ctx.t('discovery:card.check') },
    { id: `apply:${slug}`, label: ctx.t('discovery:card.apply') },
    { id: `open:${slug}`, label: a(ctx, 'showCard') },
  ];
  const previous = ctx.state.data as Record<string, unknown>;
  if (previous.query) choices.push({ id: 'back', label: ctx.t('discovery:card.back') });
  // Still on this programme: the next follow-up is about it too.
  ctx.state = { ...ctx.state, flow: 'discover', step: 'card', data: { ...previous, slug } };
  ctx.ask(text, choices);
  return true;
}

/**
 * The answer to a question about one programme, from its record, as text (a form asks it in passing and
 * stays where it is); undefined when the programme is gone.
 */
export async function cardAnswerText(
  ctx: FlowContext,
  slug: string,
  q: CardQuestion,
  /** Said instead of the title (a programme the person's facts rule out is no result to pick). */
  name?: string,
): Promise<string | undefined> {
  const answer = await cardAnswer(ctx, slug, q, name);
  if (!answer) return undefined;
  return answer.unknown ? `${answer.text}\n\n${a(ctx, 'notSaid')}` : answer.text;
}

/** "Not stated; ask a person": said once under answers about several programmes, not under each. */
export function notSaidForSome(ctx: FlowContext): string {
  return a(ctx, 'notSaidSome');
}

/**
 * The answer about one programme: its title line and one line per thing asked, and whether any of them
 * is not in the programme's record.
 */
export async function cardAnswer(
  ctx: FlowContext,
  slug: string,
  q: CardQuestion,
  name?: string,
  /** Its number in the list on screen, so the buttons under the answers can be matched to it. */
  number?: number,
): Promise<{ text: string; unknown: boolean } | undefined> {
  const detail = await getProgramme(ctx.tx, slug);
  if (!detail) return undefined;
  const c: AnswerContext = { ctx, p: detail.programme, detail, q, today: toIsoDate(jakartaDay()) };
  const lines: Line[] = [];
  for (const attribute of q.attributes) lines.push(await lineFor(c, attribute));
  const intro = a(ctx, 'intro', { title: name ?? titleOf(ctx, c.p.title) });
  const parts = [number === undefined ? intro : `${number}. ${intro}`, ...lines.map((l) => l.text)];
  return { text: parts.join('\n'), unknown: lines.some((l) => l.unknown) };
}
