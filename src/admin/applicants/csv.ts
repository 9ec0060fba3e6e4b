import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Locale, T } from '../../i18n';
import { csvCell } from '../../organisations/applications';
import { getProvince, getRegency } from '../../regions';
import { localized } from '../programmes/format';
import type { ApplicantRow } from './service';

/*
 * The applicant list as CSV for spreadsheets: UTF-8 with a BOM (Excel reads it as UTF-8), CRLF lines,
 * every cell through the API export's `csvCell` (quoting, and a leading = + - @ neutralised against
 * formula injection). Never the NIK (it is only ever shown masked). The separator is a choice: Excel set
 * to Indonesian (or most of Europe) splits on `;`, set to English on `,` — the wrong one puts each row
 * in one column. Dates are written `2026-12-07 13:30` (WIB), which spreadsheets read as dates.
 */

export type CsvSeparator = ';' | ',';

/** `sep=comma|semicolon` from the query; otherwise what the dashboard's language usually means. */
export function separatorFor(choice: string | undefined, locale: Locale): CsvSeparator {
  if (choice === 'comma') return ',';
  if (choice === 'semicolon') return ';';
  return locale === 'id' ? ';' : ',';
}

/** WIB has no daylight saving: a fixed seven hours ahead of UTC. */
function wibDateTime(at: Date | null): string {
  if (!at) return '';
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

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
  'regency',
  'age',
  'disability',
  'disabilityNeeds',
  'seat',
  'channel',
] as const;

/** Indonesian numbers as staff dial them (0812-3456-7890); a leading + would be neutralised as a formula. */
function phoneCell(e164: string | null): string {
  if (!e164) return '';
  const phone = parsePhoneNumberFromString(e164);
  return phone?.country === 'ID' ? phone.formatNational() : e164;
}

export function csvHeader(t: T, sep: CsvSeparator = ','): string {
  return `\uFEFF${COLUMNS.map((c) => csvCell(t(`dashboard:applicants.csv.${c}`))).join(sep)}\r\n`;
}

export function csvLines(t: T, locale: Locale, rows: ApplicantRow[], sep: CsvSeparator = ','): string {
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
        wibDateTime(a.submittedAt),
        a.anonymised ? label('dashboard:applicants.anonymised') : a.fullName,
        phoneCell(a.phone),
        a.email,
        a.address,
        a.gender ? label(`profile:value.gender.${a.gender}`) : '',
        a.educationLevel ? label(`profile:value.education.${a.educationLevel}`) : '',
        a.province ? (getProvince(a.province)?.shortName ?? a.province) : '',
        a.regency ? (getRegency(a.regency)?.name ?? a.regency) : '',
        a.age,
        label(`dashboard:applicants.csv.${a.disability ? 'yes' : 'no'}`),
        a.disabilityNeeds,
        a.seat ? label(`dashboard:applicants.detail.seat.${a.seat}`) : '',
        a.channel ? label(`dashboard:applicants.channel.${a.channel}`) : '',
      ]
        .map(csvCell)
        .join(sep),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}
