import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Locale, T } from '../../i18n';
import { csvCell } from '../../organisations/applications';
import { getProvince } from '../../regions';
import { formatInstant, localized } from '../programmes/format';
import type { ApplicantRow } from './service';

/*
 * The applicant list as CSV for spreadsheets: UTF-8 with a BOM (Excel reads it as UTF-8), CRLF lines,
 * every cell through the API export's `csvCell` (quoting, and a leading = + - @ neutralised against
 * formula injection). Never the NIK (it is only ever shown masked).
 */

const COLUMNS = [
  'reference',
  'programme',
  'status',
  'submitted',
  'fullName',
  'phone',
  'email',
  'address',
  'gender',
  'education',
  'province',
  'age',
] as const;

/** Indonesian numbers as staff dial them (0812-3456-7890); a leading + would be neutralised as a formula. */
function phoneCell(e164: string | null): string {
  if (!e164) return '';
  const phone = parsePhoneNumberFromString(e164);
  return phone?.country === 'ID' ? phone.formatNational() : e164;
}

export function csvHeader(t: T): string {
  return `\uFEFF${COLUMNS.map((c) => csvCell(t(`dashboard:applicants.csv.${c}`))).join(',')}\r\n`;
}

export function csvLines(t: T, locale: Locale, rows: ApplicantRow[]): string {
  // A handful of labels repeat on every row; translating each once keeps a 20,000-row export fast.
  const labels = new Map<string, string>();
  const label = (key: string) => {
    let text = labels.get(key);
    if (text === undefined) {
      text = t(key);
      labels.set(key, text);
    }
    return text;
  };
  return rows
    .map((a) =>
      [
        a.reference,
        localized(a.programmeTitle, locale),
        label(`applications:status.${a.status}.label`),
        formatInstant(a.submittedAt, locale),
        a.anonymised ? label('dashboard:applicants.anonymised') : a.fullName,
        phoneCell(a.phone),
        a.email,
        a.address,
        a.gender ? label(`profile:value.gender.${a.gender}`) : '',
        a.educationLevel ? label(`profile:value.education.${a.educationLevel}`) : '',
        a.province ? (getProvince(a.province)?.shortName ?? a.province) : '',
        a.age,
      ]
        .map(csvCell)
        .join(','),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}
