import type { ProgrammeChoice } from '../../organisations/programme-choices';
import { getProvince, getRegency } from '../../regions';
import { type AudienceFilter, audienceSchema, broadcastTextSchema } from '../../shared/audience';
import { CHANNELS } from '../../shared/conversation';
import { isQuiet, parseJakartaTime, type QuietHours } from '../../shared/jakarta-time';
import { EDUCATION_LEVELS, FIELDS, GENDERS } from '../../shared/vocabulary';

/*
 * The composer's form: what was typed (kept as strings so the form can be shown again exactly), its
 * validation into the audience filter and the broadcast the service takes, with one Indonesian message
 * per field. Pure: the programmes of the organisation are handed in.
 */

/** The service's limit (src/shared/audience.ts): Telegram's 4096 less room for the card link and stop line. */
export const TEXT_MAX = broadcastTextSchema.shape.id.maxLength ?? 3000;
export const NAME_MAX = 200;

export interface ComposerValues {
  name: string;
  text: string;
  textEn: string;
  programme: string;
  provinces: string[];
  regencies: string[];
  gender: string;
  ageMin: string;
  ageMax: string;
  eduMin: string;
  eduMax: string;
  fields: string[];
  channels: string[];
  eligibleFor: string;
  includeIncomplete: boolean;
  urgent: boolean;
  when: 'now' | 'later';
  date: string;
  time: string;
}

/** Form field names (the same in the page, the count request and the hidden fields of the confirm step). */
export const NAMES = {
  name: 'name',
  text: 'text',
  textEn: 'text_en',
  programme: 'programme',
  provinces: 'province',
  regencies: 'regency',
  gender: 'gender',
  ageMin: 'age_min',
  ageMax: 'age_max',
  eduMin: 'edu_min',
  eduMax: 'edu_max',
  fields: 'field',
  channels: 'channel',
  eligibleFor: 'eligible_for',
  includeIncomplete: 'include_incomplete',
  urgent: 'urgent',
  when: 'when',
  date: 'date',
  time: 'time',
} as const satisfies Record<keyof ComposerValues, string>;

export type ComposerField = keyof ComposerValues;

export const EMPTY_COMPOSER: ComposerValues = {
  name: '',
  text: '',
  textEn: '',
  programme: '',
  provinces: [],
  regencies: [],
  gender: '',
  ageMin: '',
  ageMax: '',
  eduMin: '',
  eduMax: '',
  fields: [],
  channels: [],
  eligibleFor: '',
  includeIncomplete: false,
  urgent: false,
  when: 'now',
  date: '',
  time: '',
};

/** Reads the form (or a count request's query) through `all(name)`: every value sent under a name. */
export function readComposer(all: (name: string) => string[]): ComposerValues {
  const one = (name: string) => (all(name)[0] ?? '').trim();
  const many = (name: string) => [
    ...new Set(
      all(name)
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  // The text keeps its own spacing (line breaks matter in a chat message); only the ends are trimmed.
  return {
    name: one(NAMES.name),
    text: (all(NAMES.text)[0] ?? '').replace(/\r\n/g, '\n').trim(),
    textEn: (all(NAMES.textEn)[0] ?? '').replace(/\r\n/g, '\n').trim(),
    programme: one(NAMES.programme),
    provinces: many(NAMES.provinces),
    regencies: many(NAMES.regencies),
    gender: one(NAMES.gender),
    ageMin: one(NAMES.ageMin),
    ageMax: one(NAMES.ageMax),
    eduMin: one(NAMES.eduMin),
    eduMax: one(NAMES.eduMax),
    fields: many(NAMES.fields),
    channels: many(NAMES.channels),
    eligibleFor: one(NAMES.eligibleFor),
    includeIncomplete: one(NAMES.includeIncomplete) === '1',
    urgent: one(NAMES.urgent) === '1',
    when: one(NAMES.when) === 'later' ? 'later' : 'now',
    date: one(NAMES.date),
    time: one(NAMES.time),
  };
}

/**
 * An empty composer, with `?programme=<slug>` (the "tell people" link after publishing a programme)
 * preselected when it is one of the organisation's open programmes; anything else is ignored.
 */
export function composerPrefill(
  query: (name: string) => string | undefined,
  programmes: readonly ProgrammeChoice[],
): ComposerValues {
  const slug = (query(NAMES.programme) ?? '').trim();
  const own = programmes.find((p) => p.slug === slug);
  return own && own.status === 'open' ? { ...EMPTY_COMPOSER, programme: own.slug } : EMPTY_COMPOSER;
}

/** The values as hidden fields, so the confirm step can post them again unchanged. */
export function hiddenEntries(values: ComposerValues): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const key of Object.keys(NAMES) as ComposerField[]) {
    const value = values[key];
    if (Array.isArray(value)) for (const v of value) entries.push([NAMES[key], v]);
    else if (typeof value === 'boolean') {
      if (value) entries.push([NAMES[key], '1']);
    } else if (value !== '') entries.push([NAMES[key], value]);
  }
  return entries;
}

/** A validation message: an i18n key under `dashboard:broadcasts.errors` and its parameters. */
export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}
export type ComposerErrors = Partial<Record<ComposerField, FieldError>>;

const AGE = /^\d{1,3}$/;

function age(value: string): number | undefined | 'invalid' {
  if (value === '') return undefined;
  if (!AGE.test(value)) return 'invalid';
  const n = Number(value);
  return n >= 10 && n <= 100 ? n : 'invalid';
}

/**
 * The audience filter the values describe, checked the way the audience service needs it: known
 * provinces and regencies, ages 10–100 in order, education levels in order, known fields and channels,
 * and programmes of this organisation (the one promoted must be open for registration).
 */
export function audienceFrom(
  values: ComposerValues,
  programmes: readonly ProgrammeChoice[],
): { audience: AudienceFilter; errors: ComposerErrors } {
  const errors: ComposerErrors = {};
  const audience: AudienceFilter = {};
  const own = (slug: string) => programmes.find((p) => p.slug === slug);

  if (values.programme) {
    const programme = own(values.programme);
    if (!programme) errors.programme = { key: 'programmeUnknown' };
    else if (programme.status !== 'open') errors.programme = { key: 'programmeClosed' };
  }
  if (values.provinces.length) {
    if (values.provinces.some((code) => !/^\d{2}$/.test(code) || !getProvince(code)))
      errors.provinces = { key: 'provinceUnknown' };
    else if (values.provinces.length > 40) errors.provinces = { key: 'tooMany', params: { max: 40 } };
    else audience.provinces = values.provinces;
  }
  if (values.regencies.length) {
    if (values.regencies.some((code) => !/^\d{2}\.\d{2}$/.test(code) || !getRegency(code)))
      errors.regencies = { key: 'regencyUnknown' };
    else if (values.regencies.length > 100) errors.regencies = { key: 'tooMany', params: { max: 100 } };
    else audience.regencies = values.regencies;
  }
  if (values.gender) {
    if ((GENDERS as readonly string[]).includes(values.gender))
      audience.gender = values.gender as AudienceFilter['gender'];
    else errors.gender = { key: 'choiceUnknown' };
  }
  const min = age(values.ageMin);
  const max = age(values.ageMax);
  if (min === 'invalid') errors.ageMin = { key: 'ageNumber' };
  if (max === 'invalid') errors.ageMax = { key: 'ageNumber' };
  if (typeof min === 'number' && typeof max === 'number' && min > max) errors.ageMax = { key: 'ageOrder' };
  else if (min !== 'invalid' && max !== 'invalid' && (min !== undefined || max !== undefined))
    audience.age = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };

  const levels = EDUCATION_LEVELS as readonly string[];
  const eduMin = values.eduMin ? levels.indexOf(values.eduMin) : -2;
  const eduMax = values.eduMax ? levels.indexOf(values.eduMax) : -2;
  if (eduMin === -1) errors.eduMin = { key: 'choiceUnknown' };
  if (eduMax === -1) errors.eduMax = { key: 'choiceUnknown' };
  if (eduMin >= 0 && eduMax >= 0 && eduMin > eduMax) errors.eduMax = { key: 'educationOrder' };
  else if (eduMin !== -1 && eduMax !== -1 && (eduMin >= 0 || eduMax >= 0))
    audience.education = {
      ...(eduMin >= 0 ? { min: values.eduMin as (typeof EDUCATION_LEVELS)[number] } : {}),
      ...(eduMax >= 0 ? { max: values.eduMax as (typeof EDUCATION_LEVELS)[number] } : {}),
    };

  if (values.fields.length) {
    if (values.fields.every((f) => (FIELDS as readonly string[]).includes(f)))
      audience.interests = values.fields as AudienceFilter['interests'];
    else errors.fields = { key: 'choiceUnknown' };
  }
  if (values.channels.length) {
    if (values.channels.every((c) => (CHANNELS as readonly string[]).includes(c)))
      audience.channels = values.channels as AudienceFilter['channels'];
    else errors.channels = { key: 'choiceUnknown' };
  }
  if (values.eligibleFor) {
    if (!own(values.eligibleFor)) errors.eligibleFor = { key: 'programmeUnknown' };
    else {
      audience.eligible_for = values.eligibleFor;
      if (values.includeIncomplete) audience.include_incomplete = true;
    }
  }
  // The service's own schema has the last word (a rule added there is not silently skipped here).
  if (Object.keys(errors).length === 0 && !audienceSchema.safeParse(audience).success)
    errors.provinces = { key: 'audienceInvalid' };
  return { audience, errors };
}

export interface ComposedBroadcast {
  name: string;
  text: { id: string; en?: string };
  audience: AudienceFilter;
  programme: string | null;
  urgent: boolean;
  /** null: send now. */
  at: Date | null;
}

/**
 * When to send: null for now, or the WIB date and time typed, which must be readable and still to
 * come. Shared by the composer and a draft's page (the same fields and messages).
 */
export function scheduleFrom(
  values: Pick<ComposerValues, 'when' | 'date' | 'time'>,
  now: Date = new Date(),
): { at: Date | null; errors: Pick<ComposerErrors, 'date' | 'time'> } {
  const errors: Pick<ComposerErrors, 'date' | 'time'> = {};
  if (values.when !== 'later') return { at: null, errors };
  if (!values.date) errors.date = { key: 'dateRequired' };
  if (!values.time) errors.time = { key: 'timeRequired' };
  if (!values.date || !values.time) return { at: null, errors };
  const parsed =
    /^\d{4}-\d{2}-\d{2}$/.test(values.date) && /^\d{2}:\d{2}(?::\d{2})?$/.test(values.time)
      ? parseJakartaTime(`${values.date}T${values.time}`)
      : undefined;
  if (!parsed) errors.date = { key: 'dateInvalid' };
  else if (parsed.getTime() <= now.getTime()) errors.date = { key: 'datePast' };
  else return { at: parsed, errors };
  return { at: null, errors };
}

/** Everything the composer needs checked before the confirm step (and again when it is confirmed). */
export function validateComposer(
  values: ComposerValues,
  programmes: readonly ProgrammeChoice[],
  now: Date = new Date(),
): { broadcast?: ComposedBroadcast; errors: ComposerErrors } {
  const { audience, errors } = audienceFrom(values, programmes);
  if (!values.text) errors.text = { key: 'textRequired' };
  else if (values.text.length > TEXT_MAX) errors.text = { key: 'textTooLong', params: { max: TEXT_MAX } };
  if (values.textEn.length > TEXT_MAX) errors.textEn = { key: 'textTooLong', params: { max: TEXT_MAX } };
  if (values.name.length > NAME_MAX) errors.name = { key: 'nameTooLong', params: { max: NAME_MAX } };
  const when = scheduleFrom(values, now);
  Object.assign(errors, when.errors);
  const at = when.at;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    broadcast: {
      name: values.name || defaultName(values.text),
      text: { id: values.text, ...(values.textEn ? { en: values.textEn } : {}) },
      audience,
      programme: values.programme || null,
      urgent: values.urgent,
      at,
    },
  };
}

/** The first line of the message, shortened: a name for the list when staff give none. */
export function defaultName(text: string): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** Whether a broadcast at `at` (now when null) starts in quiet hours and so waits for the morning. */
export function startsQuiet(at: Date | null, urgent: boolean, quiet: QuietHours, now = new Date()): boolean {
  return !urgent && isQuiet(at ?? now, quiet);
}
