import { convertCell } from '../../catalogue/csv-columns';
import { parseCatalogue } from '../../catalogue/parse';
import type { Programme } from '../../catalogue/schema';
import { PROGRAMME_STATUSES, STIPEND_PERIODS } from '../../catalogue/vocabulary';
import type { Db } from '../../db/client';
import type { Locale } from '../../i18n';
import { importOwnProgrammes } from '../../organisations/programmes';
import { jakartaDate } from './format';

/*
 * The fields staff commonly change on a programme, as a form over the stored catalogue record. Saving
 * writes the whole record back through `importOwnProgrammes` (mode `update`, strict) — the API's PUT
 * path: the catalogue schema validates it and its messages (Indonesian or English) are shown per field.
 */

/** `list`: `;`-separated values; `region`: a province or regency code chosen from a list. */
export type FieldType = 'text' | 'textarea' | 'date' | 'integer' | 'select' | 'list' | 'region';

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
];

/** The groups the form shows, in order (a fieldset each). */
export const FIELD_GROUPS: readonly { key: string; fields: readonly string[] }[] = [
  { key: 'text', fields: ['title_id', 'title_en', 'summary_id', 'summary_en'] },
  { key: 'registration', fields: ['status', 'registration_opens', 'registration_closes', 'starts', 'ends'] },
  { key: 'seats', fields: ['seats_total', 'seats_women'] },
  { key: 'costs', fields: ['fee_idr', 'stipend_idr', 'stipend_period'] },
  { key: 'contact', fields: ['location_venue', 'provider_contact'] },
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
    values[f.name] = v === undefined || v === null ? '' : Array.isArray(v) ? v.join('; ') : String(v);
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
    values[f.name] = typeof v === 'string' ? v.slice(0, 5000) : '';
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
    else if (f.type === 'list') parent[leaf] = convertCell('list', raw);
    else parent[leaf] = f.type === 'textarea' ? raw.replace(/\r\n/g, '\n') : raw;
  }
  // Seats are optional as a whole: both fields empty means "no limit".
  const seats = next.seats as Record<string, unknown> | undefined;
  if (seats && Object.keys(seats).length === 0) delete next.seats;
  return next;
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
  options: { locale: Locale; pastDeadline: string },
): Promise<SaveResult> {
  return writeProgrammeRecord(db, organisation, applyValues(current, values), {
    ...options,
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
