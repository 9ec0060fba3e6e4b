import { convertCell } from '../../catalogue/csv-columns';
import { parseCatalogue } from '../../catalogue/parse';
import type { Db } from '../../db/client';
import type { Locale } from '../../i18n';
import { importOwnProgrammes } from '../../organisations/programmes';
import type { Programme } from '../../shared/programme';
import {
  ACTIVITY_STATUSES,
  BENEFITS,
  DOCUMENT_KINDS,
  EDUCATION_LEVELS,
  GENDERS,
  PROGRAMME_STATUSES,
  STIPEND_PERIODS,
} from '../../shared/vocabulary';
import { jakartaDate } from './format';

/*
 * The fields staff commonly change on a programme, as a form over the stored catalogue record. Saving
 * writes the whole record back through `importOwnProgrammes` (mode `update`, strict) — the API's PUT
 * path: the catalogue schema validates it and its messages (Indonesian or English) are shown per field.
 */

/**
 * `list`: `;`-separated values; `region`: a province or regency code chosen from a list; `checks`: any of
 * `options` (checkboxes, kept as a `;`-separated list); `yesno`: one checkbox; `json`: a JSON value
 * (the catalogue's programme questions), as the CSV's `_json` columns take it.
 */
export type FieldType =
  | 'text'
  | 'textarea'
  | 'date'
  | 'integer'
  | 'select'
  | 'list'
  | 'region'
  | 'checks'
  | 'yesno'
  | 'json';

export interface EditField {
  name: string;
  /** Where the value lives in the catalogue record. */
  path: readonly string[];
  type: FieldType;
  options?: readonly string[];
  /** The select may be left empty (the value is then removed). */
  optional?: boolean;
  /** Other record paths whose errors belong to this field (`location.province` for the region). */
  aliases?: readonly string[];
  /** A required select without a default: it starts on an empty "choose" option. */
  choose?: boolean;
  required?: boolean;
  max?: number;
}

/** The rule, document, benefit and inclusion groups: shared by the edit and the new-programme form. */
export const RULE_GROUPS: readonly { key: string; fields: readonly string[] }[] = [
  {
    key: 'eligibility',
    fields: [
      'eligibility_age_min',
      'eligibility_age_max',
      'eligibility_age_at',
      'eligibility_education_min',
      'eligibility_education_max',
      'eligibility_gender',
      'eligibility_domicile',
      'eligibility_status',
      'eligibility_graduated_within_years',
      'eligibility_preferred',
      'eligibility_questions',
    ],
  },
  { key: 'documents', fields: ['application_documents', 'benefits'] },
  {
    key: 'inclusion',
    fields: ['inclusion_disability_friendly', 'inclusion_accommodations_id', 'inclusion_accommodations_en'],
  },
];

export const EDIT_FIELDS: readonly EditField[] = [
  { name: 'title_id', path: ['title', 'id'], type: 'text', required: true, max: 120 },
  { name: 'title_en', path: ['title', 'en'], type: 'text', max: 120 },
  { name: 'summary_id', path: ['summary', 'id'], type: 'textarea', required: true, max: 600 },
  { name: 'summary_en', path: ['summary', 'en'], type: 'textarea', max: 600 },
  { name: 'status', path: ['status'], type: 'select', options: PROGRAMME_STATUSES, required: true },
  { name: 'registration_opens', path: ['dates', 'registration_opens'], type: 'date' },
  { name: 'registration_closes', path: ['dates', 'registration_closes'], type: 'date' },
  { name: 'starts', path: ['dates', 'starts'], type: 'date' },
  { name: 'ends', path: ['dates', 'ends'], type: 'date' },
  { name: 'seats_total', path: ['seats', 'total'], type: 'integer' },
  { name: 'seats_women', path: ['seats', 'women'], type: 'integer' },
  { name: 'fee_idr', path: ['costs', 'fee_idr'], type: 'integer', required: true },
  { name: 'stipend_idr', path: ['costs', 'stipend_idr'], type: 'integer' },
  {
    name: 'stipend_period',
    path: ['costs', 'stipend_period'],
    type: 'select',
    options: STIPEND_PERIODS,
    optional: true,
  },
  { name: 'location_venue', path: ['location', 'venue'], type: 'text', max: 300 },
  { name: 'provider_contact', path: ['provider', 'contact'], type: 'text', max: 200 },
  // Who may apply: the catalogue's eligibility rules, checked in the chat before anyone applies.
  { name: 'eligibility_age_min', path: ['eligibility', 'age', 'min'], type: 'integer' },
  { name: 'eligibility_age_max', path: ['eligibility', 'age', 'max'], type: 'integer' },
  { name: 'eligibility_age_at', path: ['eligibility', 'age', 'at'], type: 'text', max: 20 },
  {
    name: 'eligibility_education_min',
    path: ['eligibility', 'education', 'min'],
    type: 'select',
    options: EDUCATION_LEVELS,
    optional: true,
  },
  {
    name: 'eligibility_education_max',
    path: ['eligibility', 'education', 'max'],
    type: 'select',
    options: EDUCATION_LEVELS,
    optional: true,
  },
  {
    name: 'eligibility_gender',
    path: ['eligibility', 'gender'],
    type: 'select',
    options: GENDERS,
    optional: true,
  },
  { name: 'eligibility_domicile', path: ['eligibility', 'domicile'], type: 'list', max: 5000 },
  { name: 'eligibility_status', path: ['eligibility', 'status'], type: 'checks', options: ACTIVITY_STATUSES },
  {
    name: 'eligibility_graduated_within_years',
    path: ['eligibility', 'graduated_within_years'],
    type: 'integer',
  },
  { name: 'eligibility_preferred', path: ['eligibility', 'preferred'], type: 'list', max: 500 },
  { name: 'eligibility_questions', path: ['eligibility', 'questions'], type: 'json', max: 20_000 },
  // What the person brings and gets.
  {
    name: 'application_documents',
    path: ['application', 'documents'],
    type: 'checks',
    options: DOCUMENT_KINDS,
  },
  { name: 'benefits', path: ['benefits'], type: 'checks', options: BENEFITS },
  { name: 'inclusion_disability_friendly', path: ['inclusion', 'disability_friendly'], type: 'yesno' },
  {
    name: 'inclusion_accommodations_id',
    path: ['inclusion', 'accommodations', 'id'],
    type: 'textarea',
    max: 500,
  },
  {
    name: 'inclusion_accommodations_en',
    path: ['inclusion', 'accommodations', 'en'],
    type: 'textarea',
    max: 500,
  },
];

/** The groups the form shows, in order (a fieldset each). */
export const FIELD_GROUPS: readonly { key: string; fields: readonly string[] }[] = [
  { key: 'text', fields: ['title_id', 'title_en', 'summary_id', 'summary_en'] },
  { key: 'registration', fields: ['status', 'registration_opens', 'registration_closes', 'starts', 'ends'] },
  { key: 'seats', fields: ['seats_total', 'seats_women'] },
  { key: 'costs', fields: ['fee_idr', 'stipend_idr', 'stipend_period'] },
  { key: 'contact', fields: ['location_venue', 'provider_contact'] },
  ...RULE_GROUPS,
];

export type FormValues = Record<string, string>;
/** Field name (or `_form` for the record as a whole) → message. */
export type FormErrors = Record<string, string>;

function get(record: unknown, path: readonly string[]): unknown {
  let node = record;
  for (const key of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The form as the stored record fills it. */
export function valuesOf(record: Programme, fields: readonly EditField[] = EDIT_FIELDS): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = get(record, f.path);
    values[f.name] =
      v === undefined || v === null
        ? ''
        : f.type === 'json'
          ? JSON.stringify(v, null, 2)
          : Array.isArray(v)
            ? v.join('; ')
            : String(v);
  }
  return values;
}

/** What was typed, for every field of the form (missing ones empty). */
export function valuesFrom(
  body: Record<string, unknown>,
  fields: readonly EditField[] = EDIT_FIELDS,
): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = body[f.name];
    // Checkboxes of one name come as a list (`parseBody({ all: true })`).
    const typed = Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('; ') : v;
    values[f.name] = typeof typed === 'string' ? typed.slice(0, f.max && f.max > 5000 ? f.max : 5000) : '';
  }
  return values;
}

/**
 * The stored record with the form's values in place: an empty field removes the value; numbers and
 * dates are read the way the CSV import reads them (`1.500.000`, `31/12/2026`); anything unreadable is
 * kept as typed so the catalogue schema reports it against its field.
 */
export function applyValues(
  record: Programme,
  values: FormValues,
  fields: readonly EditField[] = EDIT_FIELDS,
): Record<string, unknown> {
  const next = structuredClone(record) as unknown as Record<string, unknown>;
  for (const f of fields) {
    const raw = (values[f.name] ?? '').trim();
    let parent = next;
    for (const key of f.path.slice(0, -1)) {
      const child = parent[key];
      if (!child || typeof child !== 'object') parent[key] = {};
      parent = parent[key] as Record<string, unknown>;
    }
    const leaf = f.path[f.path.length - 1]!;
    if (raw === '') delete parent[leaf];
    else if (f.type === 'integer') parent[leaf] = convertCell('integer', raw);
    else if (f.type === 'date') parent[leaf] = convertCell('date', raw);
    else if (f.type === 'list' || f.type === 'checks') parent[leaf] = convertCell('list', raw);
    else if (f.type === 'yesno') parent[leaf] = raw === 'true';
    else if (f.type === 'json') parent[leaf] = parseJson(raw);
    else parent[leaf] = f.type === 'textarea' ? raw.replace(/\r\n/g, '\n') : raw;
  }
  pruneRules(next);
  // Seats are optional as a whole: both fields empty means "no limit".
  const seats = next.seats as Record<string, unknown> | undefined;
  if (seats && Object.keys(seats).length === 0) delete next.seats;
  return next;
}

/** Unreadable JSON is kept as typed: the catalogue schema then reports it against its field. */
function parseJson(raw: string): unknown {
  try {
    return convertCell('json', raw);
  } catch {
    return raw;
  }
}

/**
 * Rule groups the form left empty are removed, so a programme without rules stays without them (and
 * saving an untouched form changes nothing). Accommodations without the box ticked still say "no".
 */
function pruneRules(record: Record<string, unknown>): void {
  const prune = (parent: Record<string, unknown> | undefined, key: string) => {
    const child = parent?.[key];
    if (
      parent &&
      child &&
      typeof child === 'object' &&
      !Array.isArray(child) &&
      Object.keys(child).length === 0
    )
      delete parent[key];
  };
  const eligibility = record.eligibility as Record<string, unknown> | undefined;
  prune(eligibility, 'age');
  prune(eligibility, 'education');
  prune(record, 'eligibility');
  const inclusion = record.inclusion as Record<string, unknown> | undefined;
  prune(inclusion, 'accommodations');
  if (inclusion && inclusion.disability_friendly === undefined && inclusion.accommodations)
    inclusion.disability_friendly = false;
  prune(record, 'inclusion');
}

/** The form field an error path (`seats.women`, `title`) belongs to. */
function fieldFor(path: string | null, fields: readonly EditField[]): string {
  if (!path) return '_form';
  const exact = fields.find(
    (f) =>
      f.path.join('.') === path ||
      // `seats.women` within `seats`, `sources[0]` within `sources`
      path.startsWith(`${f.path.join('.')}.`) ||
      path.startsWith(`${f.path.join('.')}[`) ||
      f.aliases?.includes(path),
  );
  if (exact) return exact.name;
  const within = fields.find((f) => f.path.join('.').startsWith(`${path}.`));
  return within?.name ?? '_form';
}

export type SaveResult =
  | { ok: true; changed: boolean }
  | {
      ok: false;
      errors: FormErrors /** Messages for problems outside the form's fields. */;
      other: string[];
    };

/**
 * Validates and saves the form. Rules of the form on top of the schema: a closing date moved into the
 * past while registration stays open is refused (it would close the programme silently).
 */
export function saveProgrammeForm(
  db: Db,
  organisation: string,
  current: Programme,
  values: FormValues,
  options: {
    locale: Locale;
    pastDeadline: string;
    /** A brochure uploaded with the form (its stored name), `null` to remove it, absent to keep it. */
    brochure?: string | null;
  },
): Promise<SaveResult> {
  const { brochure, ...rest } = options;
  const record = applyValues(current, values);
  if (brochure === null) delete record.brochure;
  else if (brochure !== undefined) record.brochure = brochure;
  return writeProgrammeRecord(db, organisation, record, {
    ...rest,
    mode: 'update',
    fields: EDIT_FIELDS,
    previousCloses: current.dates.registration_closes,
  });
}

/**
 * Checks a record built from a form and writes it through `importOwnProgrammes` (strict), reporting
 * every problem against the form field it belongs to. Shared by editing and creating a programme.
 */
export async function writeProgrammeRecord(
  db: Db,
  organisation: string,
  record: Record<string, unknown>,
  options: {
    locale: Locale;
    pastDeadline: string;
    mode: 'create' | 'update';
    fields: readonly EditField[];
    previousCloses?: string | undefined;
    /** Problems found before (they are reported with the rest, and nothing is written). */
    errors?: FormErrors;
    /** Shown on the slug field when creating with a slug that exists (a race with another save). */
    slugTaken?: string;
  },
): Promise<SaveResult> {
  const errors: FormErrors = { ...options.errors };
  const other: string[] = [];
  const closes = (record.dates as Record<string, unknown> | undefined)?.registration_closes;
  if (
    typeof closes === 'string' &&
    closes !== options.previousCloses &&
    /^\d{4}-\d{2}-\d{2}$/.test(closes) &&
    closes < jakartaDate(new Date()) &&
    record.status !== 'closed'
  )
    errors.registration_closes = options.pastDeadline;

  // Checked first without writing, so a form rule can refuse a record the schema accepts.
  const checked = await parseCatalogue([record], { locale: options.locale, format: 'json' });
  const collect = (list: { field: string | null; detail: string }[]) => {
    for (const e of list) {
      const field = fieldFor(e.field, options.fields);
      if (field === '_form') other.push(e.field ? `${e.field}: ${e.detail}` : e.detail);
      else errors[field] ??= e.detail;
    }
  };
  collect(checked.errors);
  if (Object.keys(errors).length || other.length) return { ok: false, errors, other };

  const result = await importOwnProgrammes(db, organisation, [record], {
    mode: options.mode,
    strict: true,
    locale: options.locale,
    format: 'json',
  });
  collect(result.errors);
  for (const r of result.rejected) {
    if (options.slugTaken && (r.code === 'exists' || r.code === 'slug_taken'))
      errors.slug ??= options.slugTaken;
    else other.push(r.message);
  }
  if (Object.keys(errors).length || other.length) return { ok: false, errors, other };
  return { ok: true, changed: result.updated + result.created > 0 };
}
