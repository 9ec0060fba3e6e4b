import type { Db, Queryable } from '../../db/client';
import type { Locale } from '../../i18n';
import { type Programme, SLUG_PATTERN } from '../../shared/programme';
import { slugify } from '../../shared/text/normalise';
import { APPLICATION_MODES, FIELDS, MODES, PROGRAMME_KINDS, PROVIDER_TYPES } from '../../shared/vocabulary';
import {
  applyValues,
  EDIT_FIELDS,
  type EditField,
  type FormErrors,
  type FormValues,
  RULE_GROUPS,
  writeProgrammeRecord,
} from './edit-form';
import { jakartaDate } from './format';
import { slugsLike } from './service';

/*
 * "Tambah program": the edit form's fields plus what only a new record needs (slug, kind, kejuruan,
 * provider, place, how to apply, source). Written through the same check and the catalogue importer
 * (mode `create`), so search and eligibility see the programme at once.
 */

export const NEW_FIELDS: readonly EditField[] = [
  ...EDIT_FIELDS,
  { name: 'slug', path: ['slug'], type: 'text', max: 80 },
  { name: 'kind', path: ['kind'], type: 'select', options: PROGRAMME_KINDS, required: true },
  { name: 'field', path: ['field'], type: 'select', options: FIELDS, required: true, choose: true },
  { name: 'provider_name', path: ['provider', 'name'], type: 'text', required: true, max: 120 },
  {
    name: 'provider_type',
    path: ['provider', 'type'],
    type: 'select',
    options: PROVIDER_TYPES,
    required: true,
  },
  { name: 'location_mode', path: ['location', 'mode'], type: 'select', options: MODES, required: true },
  { name: 'location_region', path: ['location', 'regency'], type: 'region', aliases: ['location.province'] },
  { name: 'destination_country', path: ['destination_country'], type: 'text', max: 2 },
  {
    name: 'application_mode',
    path: ['application', 'mode'],
    type: 'select',
    options: APPLICATION_MODES,
    required: true,
  },
  { name: 'application_url', path: ['application', 'url'], type: 'text', max: 500 },
  // Optional: a PMII branch often has only an Instagram post, or a brochure uploaded with the form
  // (kept in the record's `brochure` field, not here: it needs no public address).
  { name: 'sources', path: ['sources'], type: 'list', max: 1000 },
  { name: 'verified_at', path: ['verified_at'], type: 'date', required: true },
];

/** The groups of the new-programme form, in order (a fieldset each; keys shared with the edit form's). */
export const NEW_FIELD_GROUPS: readonly { key: string; fields: readonly string[] }[] = [
  { key: 'text', fields: ['title_id', 'summary_id', 'slug', 'title_en', 'summary_en'] },
  { key: 'about', fields: ['kind', 'field', 'provider_name', 'provider_type'] },
  { key: 'place', fields: ['location_mode', 'location_region', 'location_venue', 'destination_country'] },
  { key: 'registration', fields: ['status', 'registration_opens', 'registration_closes', 'starts', 'ends'] },
  { key: 'seats', fields: ['seats_total', 'seats_women'] },
  { key: 'costs', fields: ['fee_idr', 'stipend_idr', 'stipend_period'] },
  {
    key: 'apply',
    fields: ['application_mode', 'application_url', 'provider_contact', 'sources', 'verified_at'],
  },
  ...RULE_GROUPS,
];

/** What a new form starts with: open, checked today, applications in the chat, run by the organisation. */
export function newProgrammeDefaults(organisationName: string, now = new Date()): FormValues {
  const values: FormValues = Object.fromEntries(NEW_FIELDS.map((f) => [f.name, '']));
  return {
    ...values,
    status: 'open',
    kind: 'pelatihan',
    provider_name: organisationName,
    provider_type: 'organisasi',
    location_mode: 'luring',
    application_mode: 'in_chat',
    fee_idr: '0',
    verified_at: jakartaDate(now),
  };
}

/** Dashboard pages under /admin/programmes/, not programmes. */
const RESERVED = new Set(['new', 'import']);

/** `Pelatihan Menjahit!` → `pelatihan-menjahit`, or `-2`, `-3`… when any organisation uses it already. */
export async function suggestSlug(db: Queryable, title: string): Promise<string> {
  let base = slugify(title).slice(0, 70).replace(/-+$/, '');
  if (base.length < 3 || RESERVED.has(base)) base = base ? `program-${base}` : 'program';
  const taken = await slugsLike(db, base);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export type CreateResult =
  | { ok: true; slug: string }
  | { ok: false; values: FormValues; errors: FormErrors; other: string[] };

/**
 * Creates the programme from the form. An empty slug is made from the title (and shown again if the
 * form is refused, so it can be changed); a slug that exists — any organisation's — is refused on its
 * field with a free one suggested.
 */
export async function createProgrammeForm(
  db: Db,
  organisation: string,
  typed: FormValues,
  options: {
    locale: Locale;
    pastDeadline: string;
    slugTaken: (free: string) => string;
    /** A brochure uploaded with the form: its stored name. */
    brochure?: string | undefined;
  },
): Promise<CreateResult> {
  const values: FormValues = { ...typed, slug: (typed.slug ?? '').trim().toLowerCase() };
  const errors: FormErrors = {};
  const title = (values.title_id ?? '').trim();
  if (!values.slug && title) values.slug = await suggestSlug(db, title);
  else if (
    // A malformed slug is left to the catalogue schema's message (and kept out of the regex query).
    SLUG_PATTERN.test(values.slug ?? '') &&
    (RESERVED.has(values.slug ?? '') || (await slugsLike(db, values.slug ?? '')).has(values.slug ?? ''))
  )
    errors.slug = options.slugTaken(await suggestSlug(db, values.slug ?? ''));

  // The reviewing organisation is always this one; it is not a field of the form.
  const base = { application: { documents: [], organisation }, dates: {} } as unknown as Programme;
  const record = applyValues(base, values, NEW_FIELDS);
  if (options.brochure) record.brochure = options.brochure;
  // The region list offers whole provinces (two digits) as well as regencies.
  const location = record.location as Record<string, unknown> | undefined;
  if (typeof location?.regency === 'string' && /^\d{2}$/.test(location.regency)) {
    location.province = location.regency;
    delete location.regency;
  }
  const result = await writeProgrammeRecord(db, organisation, record, {
    locale: options.locale,
    pastDeadline: options.pastDeadline,
    mode: 'create',
    fields: NEW_FIELDS,
    errors,
    slugTaken: options.slugTaken(await suggestSlug(db, values.slug ?? 'program')),
  });
  if (!result.ok) {
    // Without a title there is no slug either; the title's message says what to do.
    if (!values.slug && result.errors.title_id) delete result.errors.slug;
    return { ok: false, values, errors: result.errors, other: result.other };
  }
  return { ok: true, slug: values.slug ?? '' };
}
