/**
 * A synthetic catalogue of any size for benchmarks and load tests: deterministic for a seed, valid
 * against the schema, spread over kinds, fields, places and dates like a real one. Not demo data.
 */

import type { ProgrammeInput } from '../shared/programme';
import { BENEFITS, FIELDS, PROGRAMME_KINDS, PROVIDER_TYPES } from '../shared/vocabulary';
import { addDays, todayIso } from './dates';

/** Regencies (code → name) spread over the country; all exist in idn-area-data. */
const PLACES: readonly [string, string][] = [
  ['11.71', 'Banda Aceh'],
  ['12.71', 'Medan'],
  ['13.71', 'Padang'],
  ['14.71', 'Pekanbaru'],
  ['16.71', 'Palembang'],
  ['18.71', 'Bandar Lampung'],
  ['31.71', 'Jakarta Pusat'],
  ['31.74', 'Jakarta Selatan'],
  ['32.01', 'Bogor'],
  ['32.04', 'Bandung'],
  ['32.16', 'Bekasi'],
  ['32.73', 'Bandung'],
  ['32.75', 'Bekasi'],
  ['33.02', 'Banyumas'],
  ['33.72', 'Surakarta'],
  ['33.74', 'Semarang'],
  ['34.04', 'Sleman'],
  ['34.71', 'Yogyakarta'],
  ['35.07', 'Malang'],
  ['35.15', 'Sidoarjo'],
  ['35.25', 'Gresik'],
  ['35.78', 'Surabaya'],
  ['36.03', 'Tangerang'],
  ['36.71', 'Tangerang'],
  ['51.71', 'Denpasar'],
  ['52.71', 'Mataram'],
  ['53.71', 'Kupang'],
  ['61.71', 'Pontianak'],
  ['63.71', 'Banjarmasin'],
  ['64.72', 'Samarinda'],
  ['71.71', 'Manado'],
  ['73.71', 'Makassar'],
  ['74.71', 'Kendari'],
  ['81.71', 'Ambon'],
  ['91.71', 'Jayapura'],
];

const TOPICS: Partial<Record<(typeof FIELDS)[number], string[]>> = {
  tik: ['Pemrograman Web', 'Desain Grafis', 'Jaringan Komputer', 'Analisis Data', 'Operator Komputer'],
  las: ['Las SMAW', 'Las GTAW', 'Las MIG', 'Fabrikasi Logam'],
  otomotif: ['Servis Sepeda Motor', 'Mekanik Mobil Bensin', 'Kelistrikan Otomotif'],
  menjahit: ['Menjahit Pakaian Wanita', 'Operator Mesin Jahit Industri'],
  tata_boga: ['Pembuatan Roti dan Kue', 'Memasak Masakan Nusantara', 'Barista'],
  perhotelan: ['Tata Graha', 'Pelayanan Restoran', 'Kantor Depan Hotel'],
  perawatan: ['Perawat Lansia (Kaigo)', 'Pengasuh Anak'],
};

const COUNTRIES = ['JP', 'KR', 'TW', 'QA', 'AU', 'DE', 'SA', 'MY'];

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  /** Dates are spread around this day (default today in Jakarta). */
  today?: string;
}

export function generateCatalogue(n: number, seed = 1, options: GenerateOptions = {}): ProgrammeInput[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const today = options.today ?? todayIso();
  const out: ProgrammeInput[] = [];

  for (let i = 0; i < n; i++) {
    const kind = pick(PROGRAMME_KINDS);
    const field = pick(FIELDS);
    const [regency, city] = pick(PLACES);
    const province = regency.slice(0, 2);
    const mode = rnd() < 0.12 ? 'daring' : rnd() < 0.15 ? 'campuran' : 'luring';
    const topic = pick(TOPICS[field] ?? [field.replaceAll('_', ' ')]);
    const opens = addDays(today, int(-60, 30));
    const closes = addDays(opens, int(5, 60));
    const starts = addDays(closes, int(3, 30));
    const ends = addDays(starts, int(10, 120));
    const total = int(10, 60);
    const womenOnly = rnd() < 0.06;
    const disability = rnd() < 0.15;
    const paid = rnd() < 0.15;
    const stipend = rnd() < 0.4 ? int(2, 40) * 50_000 : 0;
    const providerType = pick(PROVIDER_TYPES);
    const country = kind === 'magang_luar_negeri' ? pick(COUNTRIES) : undefined;
    const kindWord = {
      pelatihan: 'Pelatihan',
      magang: 'Magang',
      magang_luar_negeri: 'Magang',
      sertifikasi: 'Uji Kompetensi',
    }[kind];
    out.push({
      slug: `gen-${seed}-${i}`,
      kind,
      title: {
        id: `${kindWord} ${topic} ${country ? `ke ${country}` : city} #${i}`,
        en: `${topic} ${kind === 'pelatihan' ? 'training' : 'programme'} #${i}`,
      },
      summary: {
        id: `${kindWord} ${topic.toLowerCase()} di ${city} selama ${int(2, 12)} minggu (data sintetis).`,
      },
      field,
      tags: [field, city.toLowerCase().replace(/\s+/g, '-')],
      provider: { name: `${providerType} ${city} ${i % 7}`, type: providerType },
      location: mode === 'daring' && rnd() < 0.5 ? { mode } : { province, regency, mode },
      ...(country ? { destination_country: country } : {}),
      dates: { registration_opens: opens, registration_closes: closes, starts, ends },
      seats: { total, women: womenOnly ? total : int(0, Math.floor(total / 2)) },
      costs: {
        fee_idr: paid ? int(1, 30) * 500_000 : 0,
        ...(stipend ? { stipend_idr: stipend, stipend_period: 'bulan' as const } : {}),
      },
      benefits: [pick(BENEFITS), 'sertifikat_pelatihan'].filter(
        (b, j, all) => all.indexOf(b) === j,
      ) as ProgrammeInput['benefits'],
      inclusion: disability
        ? { disability_friendly: true, accommodations: { id: 'Ruang kelas lantai dasar dan pendamping.' } }
        : { disability_friendly: false },
      eligibility: {
        age: { min: 17, max: int(25, 40) },
        education: { min: pick(['SMP', 'SMA'] as const) },
        ...(womenOnly ? { gender: 'perempuan' as const } : {}),
      },
      application: { mode: 'in_chat', documents: ['ktp', 'ijazah'], organisation: `org-${i % 50}` },
      sources: [`https://example.org/gen/${i}`],
      verified_at: addDays(today, -int(0, 30)),
      status: rnd() < 0.05 ? 'draft' : rnd() < 0.1 ? 'closed' : 'open',
    });
  }
  return out;
}
