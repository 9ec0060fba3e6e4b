import { CSV_COLUMNS } from '../../catalogue/csv-columns';
import { addDays } from '../../catalogue/dates';
import { csvCell } from '../../organisations/applications';
import { jakartaDate } from './format';

/*
 * The import template (issue #20, point 13): every column the catalogue CSV knows, and one example row
 * that imports as it is (a draft, so it is never shown before it is edited). `;`-separated, as Excel set
 * to Indonesian saves it; the importer reads `,` `;` or tabs.
 */

export function importTemplate(organisation: { slug: string; name: string }, now = new Date()): string {
  const today = jakartaDate(now);
  const example: Record<string, string> = {
    slug: 'contoh-pelatihan-menjahit',
    kind: 'pelatihan',
    title_id: 'Contoh: Pelatihan Menjahit Busana',
    summary_id: 'Ganti dengan ringkasan program Anda: apa yang dipelajari, berapa lama, biayanya.',
    field: 'menjahit',
    provider_name: organisation.name,
    provider_type: 'organisasi',
    location_regency: '35.78',
    location_mode: 'luring',
    dates_registration_closes: addDays(today, 30),
    dates_starts: addDays(today, 45),
    seats_total: '20',
    seats_women: '10',
    costs_fee_idr: '0',
    benefits: 'sertifikat_pelatihan;makan',
    inclusion_disability_friendly: 'tidak',
    eligibility_age_min: '17',
    eligibility_age_max: '35',
    application_mode: 'in_chat',
    application_organisation: organisation.slug,
    application_documents: 'ktp;ijazah',
    sources: 'https://www.instagram.com/p/contoh',
    verified_at: today,
    status: 'draft',
  };
  const lines = [
    CSV_COLUMNS.map((c) => c.name).join(';'),
    CSV_COLUMNS.map((c) => csvCell(example[c.name] ?? '')).join(';'),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
