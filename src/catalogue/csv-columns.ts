/**
 * The flat CSV layout of a programme (docs/catalogue-csv.md): one column per leaf of the JSON record,
 * named by its path with `_` (`seats.women` → `seats_women`, `title.id` → `title_id`). Lists are
 * `;`-separated; programme questions are one JSON cell.
 */
export type CsvColumnType = 'text' | 'list' | 'integer' | 'boolean' | 'date' | 'json';

export interface CsvColumn {
  name: string;
  path: readonly string[];
  type: CsvColumnType;
}

const column = (path: string, type: CsvColumnType = 'text'): CsvColumn => ({
  name: path.replaceAll('.', '_'),
  path: path.split('.'),
  type,
});

export const CSV_COLUMNS: readonly CsvColumn[] = [
  column('slug'),
  column('kind'),
  column('title.id'),
  column('title.en'),
  column('summary.id'),
  column('summary.en'),
  column('field'),
  column('tags', 'list'),
  column('provider.name'),
  column('provider.type'),
  column('provider.contact'),
  column('location.province'),
  column('location.regency'),
  column('location.venue'),
  column('location.mode'),
  column('destination_country'),
  column('dates.registration_opens', 'date'),
  column('dates.registration_closes', 'date'),
  column('dates.starts', 'date'),
  column('dates.ends', 'date'),
  column('dates.schedule_note.id'),
  column('dates.schedule_note.en'),
  column('seats.total', 'integer'),
  column('seats.women', 'integer'),
  column('costs.fee_idr', 'integer'),
  column('costs.stipend_idr', 'integer'),
  column('costs.stipend_period'),
  column('benefits', 'list'),
  column('inclusion.disability_friendly', 'boolean'),
  column('inclusion.accommodations.id'),
  column('inclusion.accommodations.en'),
  column('eligibility.age.min', 'integer'),
  column('eligibility.age.max', 'integer'),
  column('eligibility.age.at'),
  column('eligibility.education.min'),
  column('eligibility.gender'),
  column('eligibility.domicile', 'list'),
  column('eligibility.status', 'list'),
  column('eligibility.graduated_within_years', 'integer'),
  column('eligibility.preferred', 'list'),
  { name: 'eligibility_questions_json', path: ['eligibility', 'questions'], type: 'json' },
  column('application.mode'),
  column('application.url'),
  column('application.documents', 'list'),
  column('application.organisation'),
  column('sources', 'list'),
  column('verified_at', 'date'),
  column('status'),
];

export const CSV_COLUMN_NAMES = CSV_COLUMNS.map((c) => c.name);

/** `Seats.Women`, `seats women`, `seats-women` → `seats_women`. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, '_');
}

/**
 * The column an issue at `path` belongs to, as the author sees it: `seats_women`, `benefits`,
 * `eligibility_questions_json[1].require.min`.
 */
export function csvFieldOf(path: readonly PropertyKey[]): string {
  let best: CsvColumn | undefined;
  for (const c of CSV_COLUMNS) {
    if (
      c.path.length <= path.length &&
      c.path.every((p, i) => p === path[i]) &&
      (!best || c.path.length > best.path.length)
    ) {
      best = c;
    }
  }
  if (best) {
    if (best.type !== 'json') return best.name;
    const rest = path.slice(best.path.length);
    return best.name + rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  }
  // An issue on a group (`inclusion`): name its first column.
  const within = CSV_COLUMNS.find((c) => path.every((p, i) => c.path[i] === p));
  return within?.name ?? path.map(String).join('_');
}

const TRUE = new Set(['ya', 'y', 'iya', 'benar', 'true', '1', 'yes']);
const FALSE = new Set(['tidak', 't', 'tdk', 'bukan', 'false', '0', 'no', 'n']);

/**
 * One cell to its JSON value. A cell that cannot be converted is kept as text so the schema reports it
 * against the column ("harus berupa angka, bukan `1,5 juta`"); only broken JSON throws.
 */
export function convertCell(type: CsvColumnType, cell: string): unknown {
  const value = cell.trim();
  switch (type) {
    case 'text':
      return value;
    case 'list':
      return value
        .split(';')
        .map((item) => item.trim())
        .filter(Boolean);
    case 'integer': {
      // 1500000, 1.500.000, 1,500,000, Rp 1.500.000, -1
      const match = /^(?:rp\.?\s*)?(-?)(\d{1,3}(?:([.,\s])\d{3})(?:\3\d{3})*|\d+)$/i.exec(value);
      if (!match) return value;
      const digits = match[2]!.replace(/\D/g, '');
      return Number(`${match[1]}${digits}`);
    }
    case 'boolean': {
      const lower = value.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return value;
    }
    case 'date': {
      // Spreadsheets like to rewrite dates as 1/12/2026 (day first in Indonesia).
      const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
      if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
      return value;
    }
    case 'json':
      return JSON.parse(value);
  }
}
