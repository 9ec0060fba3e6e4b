/**
 * Validation errors as people read them: "Baris 7, kolom `seats_women`: kuota perempuan (30) melebihi
 * jumlah kursi (20)." Every text comes from locales/{id,en}/catalogue.json (`error.*`).
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { type Locale, tFor } from '../i18n';
import type { RegionLookup } from '../shared/programme-regions';
import { editDistance } from '../shared/text/distance';

/** Where in the file: a CSV line (1 = the header) or an index into the JSON array (0-based). */
export type CataloguePosition = { line: number } | { index: number };

export interface CatalogueError {
  position: CataloguePosition;
  /** The column/field as the author wrote it: `seats_women` in CSV, `seats.women` in JSON; null for the whole record/file. */
  field: string | null;
  /** The full sentence, position and field included. */
  message: string;
  /** The reason alone ("kuota perempuan (30) melebihi jumlah kursi (20)."). */
  detail: string;
  /** Machine-readable reason: the `error.*` key (`seats_women_exceed_total`, `required`, …). */
  code: string;
  /** The programme's slug when it could be read. */
  slug?: string;
}

export interface ErrorContext {
  t: TFunction;
  regions?: RegionLookup;
}

export function errorContext(locale: Locale = 'id', regions?: RegionLookup): ErrorContext {
  return { t: tFor(locale, 'catalogue'), regions };
}

export function positionLabel(t: TFunction, position: CataloguePosition, slug?: string): string {
  if ('line' in position) return t('position.line', { line: position.line });
  const number = position.index + 1;
  return slug ? t('position.index_slug', { number, slug }) : t('position.index', { number });
}

export function makeError(
  ctx: ErrorContext,
  position: CataloguePosition,
  field: string | null,
  code: string,
  detail: string,
  slug?: string,
): CatalogueError {
  const where = positionLabel(ctx.t, position, slug);
  const message = field
    ? ctx.t('message.with_field', { position: where, field, detail })
    : ctx.t('message.without_field', { position: where, detail });
  return { position, field, message, detail, code, ...(slug ? { slug } : {}) };
}

/** Renders a zod path the JSON way: `eligibility.questions[0].require.min`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  if (value === undefined) return '';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** The closest known value when it is plausibly a typo (`lass` → `las`, `Tik` → `tik`). */
export function suggest(value: unknown, options: readonly unknown[]): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const needle = value.toLowerCase().trim();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const option of options) {
    if (typeof option !== 'string') continue;
    const d = editDistance(needle, option.toLowerCase(), 3);
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  const limit = needle.length <= 4 ? 1 : 2;
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

function suggestion(t: TFunction, value: unknown, options: readonly unknown[]): string {
  const s = suggest(value, options);
  return s ? t('error.did_you_mean', { value: s }) : '';
}

export interface IssueReport {
  path: PropertyKey[];
  code: string;
  detail: string;
}

/** Turns one zod issue into readable reports (unknown keys give one report per key). */
export function describeIssue(ctx: ErrorContext, issue: z.core.$ZodIssue): IssueReport[] {
  const { t } = ctx;
  const path = [...issue.path];
  const input = issue.input;
  const value = show(input);
  const own = issue.message?.startsWith('@') ? issue.message.slice(1) : undefined;
  const report = (code: string, params: Record<string, unknown> = {}): IssueReport[] => [
    { path, code, detail: t(`error.${code}`, { value, ...params }) },
  ];

  // A missing value fails enums and formats too (`field` absent → "not one of …"): say it is required.
  if (input === undefined && ['invalid_type', 'invalid_value', 'invalid_format'].includes(issue.code)) {
    return report('required');
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (own) return report(own);
      const expected = issue.expected === 'int' ? 'number' : issue.expected;
      const code = ['string', 'number', 'boolean', 'array', 'object'].includes(expected)
        ? `type_${expected}`
        : 'invalid';
      return report(code);
    }
    case 'too_small': {
      if (own && own !== 'min') return report(own, { min: issue.minimum });
      if (issue.origin === 'string') return report(Number(issue.minimum) <= 1 ? 'empty' : 'invalid');
      if (issue.origin === 'array') return report('list_empty', { min: issue.minimum });
      return report('min', { min: issue.minimum });
    }
    case 'too_big': {
      if (own && own !== 'max' && own !== 'too_long' && own !== 'list_too_long')
        return report(own, { max: issue.maximum });
      if (issue.origin === 'string') {
        return report('too_long', {
          max: issue.maximum,
          length: typeof input === 'string' ? input.length : '?',
        });
      }
      if (issue.origin === 'array') return report('list_too_long', { max: issue.maximum });
      return report('max', { max: issue.maximum });
    }
    case 'invalid_format': {
      if (own) return report(own);
      if (issue.format === 'date') return report('date_format');
      if (issue.format === 'url') return report('url_format');
      return report('invalid');
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const params = { options: options.join(', '), suggestion: suggestion(t, input, options) };
      return report(own ?? 'enum', params);
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        code: 'unknown_key',
        detail: t('error.unknown_key', { suggestion: '' }),
      }));
    case 'invalid_union':
      return report(own ?? 'invalid');
    case 'custom': {
      const params: Record<string, unknown> = { ...(issue.params ?? {}) };
      if (own === 'date_order') {
        params.earlier = t(`date.${String(params.earlier)}`);
        params.later = t(`date.${String(params.later)}`);
      }
      if (own === 'country_required' || own === 'country_not_allowed') {
        params.kind = t(`kind.${String(params.kind)}`).toLowerCase();
      }
      if (own === 'province_required') params.mode = t(`mode.${String(params.mode)}`).toLowerCase();
      if (own === 'regency_outside_province') {
        const regency = String(params.regency);
        const province = String(params.province);
        params.regencyName = ctx.regions?.name(regency) ?? regency;
        params.provinceName = ctx.regions?.name(province) ?? province;
      }
      return report(own ?? 'invalid', params);
    }
    default:
      return report(own ?? 'invalid');
  }
}
