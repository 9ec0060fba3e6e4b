import { parse as parseCsv } from 'csv-parse/sync';

/*
 * Reading a catalogue CSV into rows, shared by the whole-file parser (./parse.ts) and the dashboard's
 * chunked import jobs (src/organisations/import-jobs.ts), so both read the same file the same way.
 */

export interface CsvRow {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** The separator used most on line 1 (`,` `;` or tab); `,` when there is none. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/** Every row with its raw text and line; throws csv-parse's error (with `code` and `lines`). */
export function readCsvRows(source: string): CsvRow[] {
  return parseCsv(source, {
    delimiter: detectDelimiter(source),
    info: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true,
    // `[{"id": "tato"}]` in an unquoted cell: take the quotes as text.
    relax_quotes: true,
  }) as unknown as CsvRow[];
}

/** A row's text without the line breaks around it. */
export const csvRowBody = (row: CsvRow) => row.raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '');

/** The line a record starts on (csv-parse counts the line it ends on; quoted cells may span lines). */
export const csvRowStartLine = (row: CsvRow) => row.info.lines - (csvRowBody(row).match(/\n/g)?.length ?? 0);
