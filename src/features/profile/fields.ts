import { isSkip } from '../../applications/answers';
import type { StoredProfile } from '../../db/schema';
import { completedYears, jakartaDay, parseIsoDate, toIsoDate } from '../../eligibility';
import type { FlowContext } from '../../engine/context';
import type { FlowInput } from '../../engine/flow';
import {
  type NumberOptions,
  type ParseResult,
  parseActivity,
  parseBirthDate,
  parseChoice,
  parseEducation,
  parseGender,
  parseGraduationYear,
  parseNumber,
  parseYesNoTo,
} from '../../profile/parse';
import { findRegions, regionLabel } from '../../regions';
import type { Choice } from '../../shared/conversation';
import type { FieldId, ProgrammeQuestion } from '../../shared/profile';

export type { FieldId } from '../../shared/profile';

import { ACTIVITY_STATUSES, type EducationLevel } from '../../shared/vocabulary';

/** Profile fields the conversation asks, plus the follow-ups some answers need. */

export interface Prompt {
  text: string;
  choices?: Choice[];
}

export type FieldResult =
  | { ok: true; profile: StoredProfile; followUp?: FieldId; skipped?: boolean }
  | { ok: false; error: string };

const EDUCATION_CHOICES: Array<[EducationLevel, string]> = [
  ['SD', 'SD'],
  ['SMP', 'SMP'],
  ['SMA', 'SMA'],
  ['D3', 'D3'],
  ['S1', 'S1'],
  ['S2', 'S2'],
];

/** Today in Indonesia (WIB), as the parsers and rules count days. */
function today(): string {
  return toIsoDate(jakartaDay());
}

function ageOf(birthDate: string): number {
  const birth = parseIsoDate(birthDate);
  return birth ? completedYears(birth, jakartaDay()) : Number.NaN;
}

function textOf(input: FlowInput): string | undefined {
  return input.kind === 'text' ? input.text : undefined;
}

/** A choice id of the form `f:<field>:<value>` belonging to this field. */
function choiceValue(input: FlowInput, field: string): string | undefined {
  if (input.kind !== 'choice' || !input.id.startsWith(`f:${field}:`)) return undefined;
  return input.id.slice(field.length + 3);
}

function fromParse<T>(
  ctx: FlowContext,
  result: ParseResult<T>,
  apply: (value: T) => FieldResult,
): FieldResult {
  return result.ok ? apply(result.value) : { ok: false, error: ctx.t(result.error.key, result.error.vars) };
}

export function questionOf(field: FieldId, questions: ProgrammeQuestion[]): ProgrammeQuestion | undefined {
  return field.startsWith('question:') ? questions.find((q) => `question:${q.id}` === field) : undefined;
}

function localized(ctx: FlowContext, text: { id: string; en?: string }): string {
  return ctx.locale === 'en' && text.en ? text.en : text.id;
}

/** What to ask for a field. */
export function promptFor(
  ctx: FlowContext,
  field: FieldId,
  profile: StoredProfile,
  questions: ProgrammeQuestion[],
): Prompt {
  switch (field) {
    case 'birthDate':
      return { text: ctx.t('profile:ask.birthDate') };
    case 'gender':
      return {
        text: ctx.t('profile:ask.gender'),
        choices: [
          { id: 'f:gender:perempuan', label: ctx.t('profile:value.gender.perempuan') },
          { id: 'f:gender:laki_laki', label: ctx.t('profile:value.gender.laki_laki') },
        ],
      };
    case 'domicile':
      return { text: ctx.t('profile:ask.domicile') };
    case 'domicileRegency':
      return {
        text: ctx.t('profile:flow.askRegency', {
          province: regionLabel(profile.domicileProvince ?? '') ?? '',
        }),
        choices: [{ id: 'f:regency:skip', label: ctx.t('profile:flow.skip') }],
      };
    case 'education':
      return {
        text: ctx.t('profile:ask.education'),
        choices: EDUCATION_CHOICES.map(([level]) => ({
          id: `f:edu:${level}`,
          label: ctx.t(`profile:value.education.${level}`),
        })),
      };
    case 'graduationYear':
      return { text: ctx.t('profile:ask.graduationYear') };
    case 'activity':
      return {
        text: ctx.t('profile:ask.activity'),
        choices: ACTIVITY_STATUSES.map((a) => ({
          id: `f:act:${a}`,
          label: ctx.t(`profile:value.activity.${a}`),
        })),
      };
    default: {
      const question = questionOf(field, questions);
      if (!question) return { text: ctx.t('profile:flow.unknownQuestion') };
      const text = localized(ctx, question.ask);
      if (question.type === 'yes_no')
        return {
          text,
          choices: [
            { id: 'f:yn:yes', label: ctx.t('profile:flow.yes') },
            { id: 'f:yn:no', label: ctx.t('profile:flow.no') },
          ],
        };
      if (question.type === 'choice')
        return {
          text,
          choices: (question.options ?? []).map((option, i) => ({ id: `f:opt:${i}`, label: option })),
        };
      if (question.type === 'text' && question.require !== true)
        return { text, choices: [{ id: 'f:txt:skip', label: ctx.t('profile:flow.skip') }] };
      return { text };
    }
  }
}

/** Validates an answer and returns the updated profile, or a message saying what to write instead. */
export function acceptAnswer(
  ctx: FlowContext,
  field: FieldId,
  input: FlowInput,
  profile: StoredProfile,
  questions: ProgrammeQuestion[],
): FieldResult {
  const text = textOf(input);
  switch (field) {
    case 'birthDate':
      if (text === undefined) return { ok: false, error: ctx.t('profile:parse.birthDate.format') };
      return fromParse(ctx, parseBirthDate(text, { today: today() }), (v) => ({
        ok: true,
        profile: { ...profile, birthDate: v.birthDate, birthDateApproximate: v.approximate },
      }));
    case 'gender': {
      const chosen = choiceValue(input, 'gender');
      if (chosen === 'perempuan' || chosen === 'laki_laki')
        return { ok: true, profile: { ...profile, gender: chosen } };
      if (text === undefined) return { ok: false, error: ctx.t('profile:parse.gender.unknown') };
      return fromParse(ctx, parseGender(text), (gender) => ({ ok: true, profile: { ...profile, gender } }));
    }
    case 'domicile': {
      if (text === undefined) return { ok: false, error: ctx.t('profile:flow.unknownPlace') };
      const [best] = findRegions(text);
      if (!best) return { ok: false, error: ctx.t('profile:flow.unknownPlace') };
      if (best.type === 'regency')
        return {
          ok: true,
          profile: { ...profile, domicileProvince: best.provinceCode, domicileRegency: best.code },
        };
      const { domicileRegency: _drop, ...rest } = profile;
      return { ok: true, profile: { ...rest, domicileProvince: best.code }, followUp: 'domicileRegency' };
    }
    case 'domicileRegency': {
      if (choiceValue(input, 'regency') === 'skip') return { ok: true, profile };
      if (text === undefined) return { ok: false, error: ctx.t('profile:flow.unknownPlace') };
      const match = findRegions(text).find(
        (r) => r.type === 'regency' && r.provinceCode === profile.domicileProvince,
      );
      if (match) return { ok: true, profile: { ...profile, domicileRegency: match.code } };
      const elsewhere = findRegions(text).find((r) => r.type === 'regency');
      if (elsewhere)
        return {
          ok: true,
          profile: { ...profile, domicileProvince: elsewhere.provinceCode, domicileRegency: elsewhere.code },
        };
      return {
        ok: false,
        error: ctx.t('profile:flow.unknownRegency', {
          province: regionLabel(profile.domicileProvince ?? '') ?? '',
        }),
      };
    }
    case 'education': {
      const chosen = choiceValue(input, 'edu') as EducationLevel | undefined;
      if (chosen)
        return { ok: true, profile: { ...profile, education: { ...profile.education, level: chosen } } };
      if (text === undefined) return { ok: false, error: ctx.t('profile:parse.education.unknown') };
      return fromParse(ctx, parseEducation(text), (v) => ({
        ok: true,
        profile: {
          ...profile,
          education: { ...profile.education, level: v.level, ...(v.major ? { major: v.major } : {}) },
          ...(v.activityHint && !profile.activity ? { activity: v.activityHint } : {}),
        },
      }));
    }
    case 'graduationYear': {
      if (text === undefined)
        return {
          ok: false,
          error: ctx.t('profile:parse.graduationYear.format', { example: ctx.now().getFullYear() - 1 }),
        };
      return fromParse(
        ctx,
        parseGraduationYear(text, {
          today: today(),
          ...(profile.birthDate ? { birthDate: profile.birthDate } : {}),
        }),
        (year) => ({
          ok: true,
          profile: {
            ...profile,
            education: {
              level: profile.education?.level ?? 'SMA',
              ...profile.education,
              graduationYear: year,
            },
          },
        }),
      );
    }
    case 'activity': {
      const chosen = choiceValue(input, 'act');
      const known = ACTIVITY_STATUSES.find((a) => a === chosen);
      if (known) return { ok: true, profile: { ...profile, activity: known } };
      if (text === undefined) return { ok: false, error: ctx.t('profile:parse.activity.unknown') };
      return fromParse(ctx, parseActivity(text), (activity) => ({
        ok: true,
        profile: { ...profile, activity },
      }));
    }
    default:
      return acceptQuestion(ctx, field, input, profile, questions);
  }
}

function acceptQuestion(
  ctx: FlowContext,
  field: FieldId,
  input: FlowInput,
  profile: StoredProfile,
  questions: ProgrammeQuestion[],
): FieldResult {
  const question = questionOf(field, questions);
  if (!question) return { ok: true, profile };
  const save = (answer: string | number | boolean): FieldResult => ({
    ok: true,
    profile: { ...profile, answers: { ...profile.answers, [question.id]: answer } },
  });
  const text = textOf(input);
  if (question.type === 'yes_no') {
    const chosen = choiceValue(input, 'yn');
    if (chosen) return save(chosen === 'yes');
    if (text === undefined) return { ok: false, error: ctx.t('profile:parse.yesNo.unknown') };
    return fromParse(ctx, parseYesNoTo(question.ask.id, text), save);
  }
  if (question.type === 'choice') {
    const options = question.options ?? [];
    const chosen = choiceValue(input, 'opt');
    if (chosen !== undefined && options[Number(chosen)] !== undefined) return save(options[Number(chosen)]!);
    if (text === undefined)
      return {
        ok: false,
        error: ctx.t('profile:parse.choice.unknown', { count: options.length, options: options.join(', ') }),
      };
    return fromParse(ctx, parseChoice(text, options), (v) => save(v.value));
  }
  if (question.type === 'text') {
    // "gk punya", "skip", "lewat", or the button: an optional answer left out (kept as '' — asked once).
    const optional = question.require !== true;
    if (optional && (choiceValue(input, 'txt') === 'skip' || (text !== undefined && isSkip(text))))
      return {
        ok: true,
        profile: { ...profile, answers: { ...profile.answers, [question.id]: '' } },
        skipped: true,
      };
    const words = text?.trim();
    if (!words) return { ok: false, error: ctx.t('profile:parse.text.empty') };
    if (words.length > 300) return { ok: false, error: ctx.t('profile:parse.text.long', { max: 300 }) };
    if (/e-?mail|surel/i.test(question.ask.id) && !/^\S+@\S+\.\S+$/.test(words))
      return {
        ok: false,
        error: ctx.t(optional ? 'profile:parse.text.emailOrSkip' : 'profile:parse.text.email'),
      };
    return save(words);
  }
  if (text === undefined) return { ok: false, error: ctx.t('profile:parse.number.format', { example: 160 }) };
  return fromParse(ctx, parseNumber(text, numberUnitOf(question)), save);
}

/** The unit a number question is asked in, so "1,70 m" or "6 bulan" are read in it. */
export function numberUnitOf(question: ProgrammeQuestion): NumberOptions {
  const ask = question.ask.id;
  if (/\bcm\b|tinggi|height/i.test(ask)) return { unit: 'cm' };
  if (/\b(tahun|years?)\b/i.test(ask)) return { unit: 'tahun' };
  if (/\b(bulan|months?)\b/i.test(ask)) return { unit: 'bulan' };
  return {};
}

/** Under 18 on the day they told us: a parent's or guardian's agreement is needed (UU PDP art. 25). */
export function isMinor(profile: StoredProfile): boolean {
  if (!profile.birthDate) return false;
  return ageOf(profile.birthDate) < 18;
}

/** One line per known field, for the review screen and /data_saya. */
export function profileSummary(ctx: FlowContext, profile: StoredProfile): string[] {
  const lines: string[] = [];
  const line = (key: string, value: string | undefined) => {
    if (value) lines.push(`• ${ctx.t(`profile:flow.label.${key}`)}: ${value}`);
  };
  if (profile.birthDate)
    line(
      'birthDate',
      profile.birthDateApproximate
        ? ctx.t('profile:value.approximateAge', { age: ageOf(profile.birthDate) })
        : profile.birthDate.split('-').reverse().join('-'),
    );
  if (profile.gender) line('gender', ctx.t(`profile:value.gender.${profile.gender}`));
  const place = profile.domicileRegency ?? profile.domicileProvince;
  if (place) line('domicile', regionLabel(place));
  if (profile.education) {
    const level = ctx.t(`profile:value.education.${profile.education.level}`);
    line('education', profile.education.major ? `${level} (${profile.education.major})` : level);
    if (profile.education.graduationYear) line('graduationYear', String(profile.education.graduationYear));
  }
  if (profile.activity) line('activity', ctx.t(`profile:value.activity.${profile.activity}`));
  if (profile.disability)
    line(
      'accommodation',
      profile.disability.declared
        ? (profile.disability.needs ?? ctx.t('profile:accommodation.noDetails'))
        : ctx.t('profile:accommodation.none'),
    );
  return lines;
}
