import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { type ImportSummary, importParsed, loadRegions, parseCatalogue } from '../catalogue';
import { notifyAlerts } from '../catalogue/alerts';
import type { Db, Queryable } from '../db/client';
import { programmes } from '../db/schema';
import type { Locale } from '../i18n';
import type { Programme } from '../shared/programme';
import type { ProgrammeStatus } from '../shared/vocabulary';

/*
 * The programmes an organisation owns: those whose `application.organisation` is its slug. Written
 * through the catalogue's own parser and importer (one validation, one upsert), with two extra rules:
 * a record must be the organisation's own (a missing `application.organisation` is filled in), and a
 * slug another organisation (or the shared catalogue) already uses is refused, never overwritten.
 */

export interface OwnProgrammeRow {
  slug: string;
  status: ProgrammeStatus;
  record: Programme;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of an OwnProgrammeRow, read by the list and the single read alike. */
const ownColumns = {
  slug: programmes.slug,
  status: programmes.status,
  record: programmes.record,
  createdAt: programmes.createdAt,
  updatedAt: programmes.updatedAt,
};

export async function listOwnProgrammes(
  db: Queryable,
  organisation: string,
  options: { status?: ProgrammeStatus; page: number; perPage: number },
): Promise<{ total: number; items: OwnProgrammeRow[] }> {
  const condition = options.status
    ? and(eq(programmes.organisation, organisation), eq(programmes.status, options.status))
    : eq(programmes.organisation, organisation);
  const [total] = await db.select({ n: count() }).from(programmes).where(condition);
  const items = await db
    .select(ownColumns)
    .from(programmes)
    .where(condition)
    .orderBy(asc(programmes.slug))
    .limit(options.perPage)
    .offset((options.page - 1) * options.perPage);
  return { total: Number(total?.n ?? 0), items };
}

export async function getOwnProgramme(
  db: Queryable,
  organisation: string,
  slug: string,
): Promise<OwnProgrammeRow | undefined> {
  const [row] = await db
    .select(ownColumns)
    .from(programmes)
    .where(and(eq(programmes.slug, slug), eq(programmes.organisation, organisation)));
  return row;
}

export interface Rejection {
  slug: string;
  /** Index in the JSON array, when the input was JSON. */
  index?: number;
  code: 'other_organisation' | 'slug_taken' | 'exists' | 'not_found' | 'slug_mismatch';
  message: string;
}

export interface OwnImportResult extends ImportSummary {
  rejected: Rejection[];
  /** People with a matching saved search who were told about new programmes. */
  alertsQueued: number;
}

export interface OwnImportOptions {
  format?: 'json' | 'csv';
  strict?: boolean;
  locale?: Locale;
  /** `create`: refuse slugs that exist; `update`: refuse slugs that do not; default both. */
  mode?: 'create' | 'update' | 'upsert';
}

/** Fills in the organisation of JSON records that leave it out (they are the organisation's own). */
function fillOrganisation(value: unknown, organisation: string): unknown {
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as { programmes?: unknown }).programmes)
      ? (value as { programmes: unknown[] }).programmes
      : undefined;
  for (const record of list ?? []) {
    if (!record || typeof record !== 'object') continue;
    const application = (record as { application?: unknown }).application;
    if (application && typeof application === 'object' && !('organisation' in application))
      (application as Record<string, unknown>).organisation = organisation;
  }
  return value;
}

/**
 * Imports JSON (text or a parsed value) or CSV for an organisation. Returns the catalogue importer's
 * summary plus what was refused and why.
 */
export async function importOwnProgrammes(
  db: Db,
  organisation: string,
  input: unknown,
  options: OwnImportOptions = {},
): Promise<OwnImportResult> {
  const regions = await loadRegions();
  let value = input;
  if (
    typeof input === 'string' &&
    options.format !== 'csv' &&
    /^\s*[[{]/.test(input.replace(/^\uFEFF/, ''))
  ) {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      value = input; // the parser reports the syntax error with its position
    }
  }
  if (typeof value !== 'string') value = fillOrganisation(value, organisation);
  const parsed = await parseCatalogue(value, {
    regions,
    locale: options.locale ?? 'en',
    ...(options.format ? { format: options.format } : {}),
  });
  const indexes = new Map<string, number>();
  if (parsed.format === 'json' && typeof value === 'object' && value !== null) {
    const list = Array.isArray(value) ? value : ((value as { programmes?: unknown[] }).programmes ?? []);
    list.forEach((record, index) => {
      const slug = (record as { slug?: unknown } | null)?.slug;
      if (typeof slug === 'string') indexes.set(slug.trim(), index);
    });
  }
  const slugs = parsed.programmes.map((p) => p.slug);
  const owners = new Map(
    slugs.length
      ? (
          await db
            .select({ slug: programmes.slug, organisation: programmes.organisation })
            .from(programmes)
            .where(inArray(programmes.slug, slugs))
        ).map((r) => [r.slug, r.organisation] as const)
      : [],
  );
  const rejected: Rejection[] = [];
  const accepted: Programme[] = [];
  for (const p of parsed.programmes) {
    const index = indexes.get(p.slug);
    p.application.organisation ??= organisation;
    const mode = options.mode ?? 'upsert';
    const owner = owners.get(p.slug);
    const reject = (code: Rejection['code'], message: string) =>
      rejected.push({ slug: p.slug, ...(index !== undefined ? { index } : {}), code, message });
    if (p.application.organisation !== organisation)
      reject(
        'other_organisation',
        `"${p.slug}" names organisation "${p.application.organisation}"; this token belongs to "${organisation}"`,
      );
    else if (owners.has(p.slug) && owner !== organisation)
      reject('slug_taken', `the slug "${p.slug}" is used by a programme that is not this organisation's`);
    else if (mode === 'create' && owners.has(p.slug))
      reject('exists', `"${p.slug}" exists already; update it with PUT /programmes/${p.slug}`);
    else if (mode === 'update' && !owners.has(p.slug)) reject('not_found', `no programme "${p.slug}"`);
    else accepted.push(p);
  }
  const [{ now } = { now: new Date() }] = await db
    .select({ now: sql<Date>`now()` })
    .from(sql`(select 1) as one`);
  const summary = await importParsed(
    db,
    {
      ...parsed,
      programmes: options.strict && rejected.length ? [] : accepted,
    },
    { regions, ...(options.strict ? { strict: true } : {}) },
  );
  const alertsQueued = summary.created > 0 ? await notifyAlerts(db, new Date(now)) : 0;
  return { ...summary, rejected, alertsQueued };
}

/** Sets a programme's status (closing it keeps it visible as closed; `draft` hides it). */
export async function setProgrammeStatus(
  db: Db,
  organisation: string,
  slug: string,
  status: ProgrammeStatus,
): Promise<OwnProgrammeRow | undefined> {
  const current = await getOwnProgramme(db, organisation, slug);
  if (!current) return undefined;
  if (current.status !== status) {
    const record = { ...current.record, status };
    await importParsed(db, { format: 'json', programmes: [record], errors: [], records: 1, invalid: 0 });
  }
  return getOwnProgramme(db, organisation, slug);
}
