import { getProvince } from '../../regions';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../shared/application-statuses';
import { SLUG_PATTERN } from '../../shared/programme';
import { GENDERS, type Gender } from '../../shared/vocabulary';

/*
 * The applicant list's filters, read from the query string. Only codes live there (programme slug,
 * status, gender, province code, yes/no, dates) — never a name, phone number or NIK.
 */

export interface ApplicantFilter {
  programme?: string;
  status?: ApplicationStatus;
  gender?: Gender;
  /** Province code (`35`), from the domicile given when applying. */
  province?: string;
  /** Declared a disability in the profile (yes) or not (no). */
  disability?: boolean;
  /** Submitted on or after this day (Jakarta), `YYYY-MM-DD`. */
  from?: string;
  /** Submitted on or before this day (Jakarta). */
  to?: string;
  /**
   * Part of a name or a JMB reference. Never read from the query string: a name must not travel in a
   * URL, so searching is a POST (routes.tsx) and its results are not paged.
   */
  search?: string;
}

/** Statuses staff can filter on: every one but the person's own draft. */
export const FILTER_STATUSES = APPLICATION_STATUSES.filter((s) => s !== 'draft');

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
function isDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1;
}

export interface ParsedFilter {
  filter: ApplicantFilter;
  /** The filter as query parameters (only what was understood), for links and the export. */
  query: Record<string, string>;
  /** Parameter → locale key of the problem (`dashboard:applicants.filter.error.*`). */
  errors: Record<string, string>;
}

export function parseFilter(q: (name: string) => string | undefined): ParsedFilter {
  const filter: ApplicantFilter = {};
  const query: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const value = (name: string) => q(name)?.trim() || undefined;

  const programme = value('programme');
  if (programme && SLUG_PATTERN.test(programme) && programme.length <= 80) filter.programme = programme;
  const status = value('status');
  if (status && (FILTER_STATUSES as readonly string[]).includes(status))
    filter.status = status as ApplicationStatus;
  const gender = value('gender');
  if (gender && (GENDERS as readonly string[]).includes(gender)) filter.gender = gender as Gender;
  const province = value('province');
  if (province && /^\d{2}$/.test(province) && getProvince(province)) filter.province = province;
  const disability = value('disability');
  if (disability === 'ya') filter.disability = true;
  if (disability === 'tidak') filter.disability = false;
  for (const key of ['from', 'to'] as const) {
    const day = value(key);
    if (!day) continue;
    if (isDay(day)) filter[key] = day;
    else errors[key] = 'dashboard:applicants.filter.error.date';
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    errors.to = 'dashboard:applicants.filter.error.order';
    delete filter.to;
  }

  if (filter.programme) query.programme = filter.programme;
  if (filter.status) query.status = filter.status;
  if (filter.gender) query.gender = filter.gender;
  if (filter.province) query.province = filter.province;
  if (filter.disability !== undefined) query.disability = filter.disability ? 'ya' : 'tidak';
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  return { filter, query, errors };
}

/** The instant a Jakarta day starts (WIB is UTC+7 all year). */
export function startOfJakartaDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}
