/**
 * The NIK (Nomor Induk Kependudukan): 16 digits — province (2), regency (2), district (2), birth date
 * DDMMYY (the day + 40 for women), serial (4). There is no check digit, so what can be checked is the
 * shape, the province code, and that the birth date and gender it encodes are the person's own.
 */
import { isValidDate } from '../eligibility/dates';
import { getProvince } from '../regions';
import type { Message } from '../shared/profile';

export interface NikProfile {
  birthDate?: string;
  birthDateApproximate?: boolean;
  gender?: 'perempuan' | 'laki_laki';
}

export type NikResult = { ok: true; nik: string } | { ok: false; error: Message };

const fail = (name: string, vars: Record<string, unknown> = {}): NikResult => ({
  ok: false,
  error: { key: `applications:nik.${name}`, vars },
});

/** What the NIK says about its holder. */
export interface NikFacts {
  province: string;
  /** Day, month and the two-digit year as encoded. */
  day: number;
  month: number;
  yy: number;
  female: boolean;
}

export function nikFacts(nik: string): NikFacts {
  const dd = Number(nik.slice(6, 8));
  return {
    province: nik.slice(0, 2),
    day: dd > 40 ? dd - 40 : dd,
    month: Number(nik.slice(8, 10)),
    yy: Number(nik.slice(10, 12)),
    female: dd > 40,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The birth date a (valid) NIK encodes, as YYYY-MM-DD. The NIK has only two digits of the year: the
 * century is the one nearest `nearYear` (the year of an age the person said), else the latest that
 * makes them at least 10 in `thisYear`.
 */
export function birthDateFromNik(nik: string, thisYear: number, nearYear?: number): string | undefined {
  const f = nikFacts(nik);
  const years = [2000 + f.yy, 1900 + f.yy].filter(
    (y) => isValidDate(y, f.month, f.day) && thisYear - y >= 10,
  );
  const year =
    nearYear === undefined
      ? years[0]
      : [...years].sort((a, b) => Math.abs(a - nearYear) - Math.abs(b - nearYear))[0];
  return year === undefined ? undefined : `${year}-${two(f.month)}-${two(f.day)}`;
}

/**
 * Reads a typed NIK ("3578 0157 0803 0001", "3578.0157.0803.0001") and checks it against the profile.
 * An approximate birth date (only an age was given) cannot be compared, so it is not.
 */
export function parseNik(raw: string, profile: NikProfile): NikResult {
  const compact = raw.replace(/[\s.\-–_/]+/g, '');
  if (/[^\d]/.test(compact)) return fail('notDigits');
  if (compact.length !== 16) return fail('length', { count: compact.length });
  const facts = nikFacts(compact);
  if (!getProvince(facts.province)) return fail('province', { code: facts.province });
  // A full four-digit year is unknown from the NIK; any century makes the same day valid except 29-02.
  if (
    !isValidDate(2000 + facts.yy, facts.month, facts.day) &&
    !isValidDate(1900 + facts.yy, facts.month, facts.day)
  )
    return fail('birthDate', {
      nikDate: `${two(Number(compact.slice(6, 8)))}-${two(facts.month)}-${two(facts.yy)}`,
    });
  if (compact.slice(12) === '0000') return fail('serial');

  if (profile.gender) {
    const female = profile.gender === 'perempuan';
    if (facts.female !== female) return fail(female ? 'genderFemale' : 'genderMale');
  }
  if (profile.birthDate && !profile.birthDateApproximate) {
    const [year, month, day] = profile.birthDate.split('-').map(Number) as [number, number, number];
    if (facts.day !== day || facts.month !== month || facts.yy !== year % 100)
      return fail('birthMismatch', {
        nikDate: `${two(facts.day)}-${two(facts.month)}-${two(facts.yy)}`,
        birthDate: `${two(day)}-${two(month)}-${year}`,
      });
  }
  return { ok: true, nik: compact };
}
