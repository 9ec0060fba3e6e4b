import { describe, expect, it } from 'vitest';
import enCatalogue from '../../locales/en/catalogue.json';
import idCatalogue from '../../locales/id/catalogue.json';
import { overseasProgramme, validProgramme, withField } from '../../tests/catalogue/fixtures';
import type { CatalogueError } from '../catalogue/errors';
import { parseCatalogue, parseCatalogueCsv, parseCatalogueJson } from '../catalogue/parse';

const seenCodes = new Set<string>();

async function errorsOf(record: unknown): Promise<CatalogueError[]> {
  const result = await parseCatalogueJson([record]);
  for (const e of result.errors) seenCodes.add(e.code);
  return result.errors;
}

type Case = [
  name: string,
  record: Record<string, unknown>,
  field: string | null,
  code: string,
  detail: string,
];

const base = validProgramme();
const overseas = overseasProgramme();

const cases: Case[] = [
  ['missing required field', withField(base, 'title', undefined), 'title', 'required', 'wajib diisi.'],
  ['missing required choice', withField(base, 'field', undefined), 'field', 'required', 'wajib diisi.'],
  ['empty tag', withField(base, 'tags', ['las', ' ']), 'tags[1]', 'empty', 'tidak boleh kosong.'],
  [
    'title too long',
    withField(base, 'title.id', 'x'.repeat(130)),
    'title.id',
    'too_long',
    'terlalu panjang (130 karakter; maksimal 120).',
  ],
  [
    'empty list',
    withField(base, 'eligibility', { domicile: [] }),
    'eligibility.domicile',
    'list_empty',
    'harus berisi minimal 1 isian.',
  ],
  [
    'duplicate in a list',
    withField(base, 'benefits', ['makan', 'makan']),
    'benefits[1]',
    'duplicate',
    '`makan` tertulis lebih dari sekali.',
  ],
  [
    'unknown key',
    withField(base, 'seat', 3),
    'seat',
    'unknown_key',
    'kolom ini tidak dikenal dalam format katalog.',
  ],
  [
    'text expected',
    withField(base, 'provider.name', 12),
    'provider.name',
    'type_string',
    'harus berupa teks.',
  ],
  [
    'number expected',
    withField(base, 'seats.total', '20'),
    'seats.total',
    'type_number',
    'harus berupa angka, bukan `20`.',
  ],
  [
    'boolean expected',
    withField(base, 'inclusion.disability_friendly', 'ya'),
    'inclusion.disability_friendly',
    'type_boolean',
    'harus ya atau tidak (true/false), bukan `ya`.',
  ],
  ['list expected', withField(base, 'benefits', 'makan'), 'benefits', 'type_array', 'harus berupa daftar.'],
  [
    'object expected',
    withField(base, 'seats', 20),
    'seats',
    'type_object',
    'harus berupa objek (kumpulan kolom).',
  ],
  [
    'whole number',
    withField(base, 'seats.total', 20.5),
    'seats.total',
    'integer',
    'harus bilangan bulat, bukan `20.5`.',
  ],
  ['below minimum', withField(base, 'costs.fee_idr', -1), 'costs.fee_idr', 'min', 'minimal 0, bukan -1.'],
  [
    'above maximum',
    withField(base, 'eligibility.age.max', 120),
    'eligibility.age.max',
    'max',
    'maksimal 100, bukan 120.',
  ],
  [
    'unknown enum value, with suggestion',
    withField(base, 'provider.type', 'BLKK'),
    'provider.type',
    'enum',
    '`BLKK` tidak dikenal. Maksudnya `BLK`? Pilihan: BLK, BPVP, LPK, LSP, perusahaan, organisasi.',
  ],
  [
    'unknown field lists the known ones',
    withField(base, 'field', 'lass'),
    'field',
    'field_unknown',
    'kejuruan `lass` tidak ada dalam daftar. Maksudnya `las`? Kejuruan yang dikenal: tik, las, otomotif, listrik, elektronika, menjahit, tata_boga, tata_rias, perhotelan, pariwisata, pertanian, perikanan, manufaktur, bahasa, kewirausahaan, perawatan, konstruksi, refrigerasi, logistik, administrasi, pemasaran, kesehatan, kerajinan.',
  ],
  [
    'slug format',
    withField(base, 'slug', 'Pelatihan Las'),
    'slug',
    'slug_format',
    '`Pelatihan Las` bukan slug yang sah: hanya huruf kecil a–z, angka 0–9 dan tanda hubung (-), contoh `pelatihan-las-surabaya-2027`.',
  ],
  [
    'slug too short',
    withField(base, 'slug', 'ab'),
    'slug',
    'slug_short',
    'slug `ab` terlalu pendek (minimal 3 karakter).',
  ],
  [
    'slug too long',
    withField(base, 'slug', 'a'.repeat(81)),
    'slug',
    'slug_long',
    'slug terlalu panjang (maksimal 80 karakter).',
  ],
  [
    'date format',
    withField(base, 'dates.starts', '2026-02-30'),
    'dates.starts',
    'date_format',
    '`2026-02-30` bukan tanggal yang sah; tulis TTTT-BB-HH, contoh 2026-12-01.',
  ],
  [
    'dates out of order',
    withField(base, 'dates.registration_closes', '2026-12-20'),
    'dates.starts',
    'date_order',
    'tanggal mulai (2026-12-10) lebih awal dari tanggal tutup pendaftaran (2026-12-20).',
  ],
  [
    'url format',
    withField(base, 'sources', ['skillhub.kemnaker.go.id']),
    'sources[0]',
    'url_format',
    '`skillhub.kemnaker.go.id` bukan alamat web yang sah (harus diawali https://).',
  ],
  [
    'brochure that is not an uploaded one',
    withField(base, 'brochure', '../staff-files/x/secret.pdf'),
    'brochure',
    'brochure_format',
    '`../staff-files/x/secret.pdf` bukan brosur yang diunggah lewat dasbor (unggah berkasnya di halaman program).',
  ],
  [
    'external application without url',
    withField(base, 'application', { mode: 'external', documents: ['ktp'] }),
    'application.url',
    'url_required',
    'pendaftaran di situs penyelenggara (`external`) wajib menyertakan alamat webnya.',
  ],
  [
    'in-chat application without organisation',
    withField(base, 'application.organisation', undefined),
    'application.organisation',
    'organisation_required',
    'pendaftaran lewat chat (`in_chat`) wajib menyebut slug organisasi yang meninjau lamaran.',
  ],
  [
    'unknown country code',
    withField(overseas, 'destination_country', 'XX'),
    'destination_country',
    'country_unknown',
    '`XX` bukan kode negara ISO 3166 dua huruf (contoh: JP Jepang, KR Korea Selatan, TW Taiwan, QA Qatar, AU Australia).',
  ],
  [
    'overseas without country',
    withField(overseas, 'destination_country', undefined),
    'destination_country',
    'country_required',
    'negara tujuan wajib diisi untuk program magang luar negeri (kode dua huruf, contoh JP).',
  ],
  [
    'country on a domestic programme',
    withField(base, 'destination_country', 'JP'),
    'destination_country',
    'country_not_allowed',
    'negara tujuan hanya diisi untuk magang luar negeri, sedangkan program ini berjenis pelatihan.',
  ],
  [
    'unknown province',
    withField(base, 'location', { province: '99', mode: 'luring' }),
    'location.province',
    'province_unknown',
    'kode provinsi `99` tidak dikenal (kode Kemendagri dua angka, contoh 35 untuk Jawa Timur).',
  ],
  [
    'unknown regency',
    withField(base, 'location.regency', '35.99'),
    'location.regency',
    'regency_unknown',
    'kode kabupaten/kota `35.99` tidak dikenal (format NN.NN, contoh 35.78 untuk Kota Surabaya).',
  ],
  [
    'unknown domicile code',
    withField(base, 'eligibility.domicile', ['35', 'Jatim']),
    'eligibility.domicile[1]',
    'region_unknown',
    'kode wilayah `Jatim` tidak dikenal (provinsi NN, contoh 35, atau kabupaten/kota NN.NN, contoh 35.78).',
  ],
  [
    'regency outside its province',
    withField(base, 'location.province', '32'),
    'location.regency',
    'regency_outside_province',
    'Kota Surabaya (35.78) tidak berada di provinsi Jawa Barat (32).',
  ],
  [
    'no place for an in-person programme',
    withField(base, 'location', { mode: 'campuran' }),
    'location.province',
    'province_required',
    'provinsi wajib diisi untuk program campuran (daring & tatap muka); hanya program daring yang boleh tanpa lokasi.',
  ],
  [
    "women's seats above total",
    withField(base, 'seats', { total: 20, women: 30 }),
    'seats.women',
    'seats_women_exceed_total',
    'kuota perempuan (30) melebihi jumlah kursi (20).',
  ],
  [
    'stipend without period',
    withField(base, 'costs', { fee_idr: 0, stipend_idr: 1_000_000 }),
    'costs.stipend_period',
    'stipend_period_required',
    'ada uang saku, jadi periodenya wajib diisi (hari, minggu, bulan, atau program).',
  ],
  [
    'disability-friendly without accommodations',
    withField(base, 'inclusion', { disability_friendly: true }),
    'inclusion.accommodations',
    'accommodations_required',
    'program ramah disabilitas wajib menjelaskan akomodasi yang tersedia.',
  ],
  [
    'question id format',
    withField(overseas, 'eligibility.questions', [
      { id: 'Tinggi Badan', ask: { id: 'Tinggi?' }, type: 'yes_no' },
    ]),
    'eligibility.questions[0].id',
    'question_id_format',
    'id pertanyaan `Tinggi Badan` hanya boleh huruf kecil, angka dan garis bawah, diawali huruf (contoh `tinggi_cm`).',
  ],
  [
    'question type',
    withField(overseas, 'eligibility.questions', [{ id: 'x', ask: { id: 'X?' }, type: 'teks' }]),
    'eligibility.questions[0].type',
    'question_type',
    'jenis pertanyaan harus salah satu dari: yes_no, number, choice, text.',
  ],
  [
    'number requirement without bounds',
    withField(overseas, 'eligibility.questions', [
      { id: 'tinggi_cm', ask: { id: 'Tinggi?' }, type: 'number', require: {} },
    ]),
    'eligibility.questions[0].require',
    'number_require_empty',
    'syarat jawaban angka harus berisi `min` dan/atau `max`.',
  ],
  [
    'minimum above maximum',
    withField(base, 'eligibility.age', { min: 30, max: 20 }),
    'eligibility.age.min',
    'min_above_max',
    'batas minimal (30) lebih besar dari batas maksimal (20).',
  ],
  [
    'required choice not among the options',
    withField(overseas, 'eligibility.questions', [
      { id: 'jlpt', ask: { id: 'Level?' }, type: 'choice', options: ['N5', 'N4'], require: { in: ['N3'] } },
    ]),
    'eligibility.questions[0].require.in[0]',
    'choice_not_an_option',
    '`N3` tidak ada di pilihan jawaban (N5, N4).',
  ],
  [
    'preferred rule not set',
    withField(base, 'eligibility.preferred', ['status']),
    'eligibility.preferred[0]',
    'preferred_rule_missing',
    'aturan `status` disebut di `preferred` tetapi syaratnya tidak ditetapkan.',
  ],
  [
    'preferred names nothing known',
    withField(overseas, 'eligibility.preferred', ['bahasa']),
    'eligibility.preferred[0]',
    'preferred_unknown',
    '`bahasa` di `preferred` bukan aturan atau pertanyaan yang dikenal (pilihan: age, education, gender, domicile, status, graduated_within_years, tato, tinggi_cm, jlpt).',
  ],
  [
    'age reference date',
    withField(base, 'eligibility.age.at', 'pendaftaran'),
    'eligibility.age.at',
    'age_at',
    'tanggal acuan umur harus registration_closes, starts, today, atau tanggal TTTT-BB-HH.',
  ],
  [
    'education level',
    withField(base, 'eligibility.education', { min: 'SLTA' }),
    'eligibility.education.min',
    'education_unknown',
    'jenjang pendidikan `SLTA` tidak dikenal. Pilihan: SD, SMP, SMA (atau SMK/MA), D1, D2, D3, S1 (atau D4), S2, S3.',
  ],
  [
    'too many items',
    withField(
      base,
      'tags',
      Array.from({ length: 31 }, (_, i) => `tag-${i}`),
    ),
    'tags',
    'list_too_long',
    'terlalu banyak isian (maksimal 30).',
  ],
  [
    'invalid union value',
    withField(base, 'status', 'buka'),
    'status',
    'enum',
    '`buka` tidak dikenal. Pilihan: draft, open, closed.',
  ],
];

describe('programme validation (Indonesian messages)', () => {
  it('accepts the valid fixtures', async () => {
    expect(await errorsOf(base)).toEqual([]);
    expect(await errorsOf(overseas)).toEqual([]);
  });

  it.each(cases)('%s', async (_name, record, field, code, detail) => {
    const errors = await errorsOf(record);
    const match = errors.find((e) => e.code === code && e.field === field);
    expect(match, JSON.stringify(errors, null, 1)).toBeDefined();
    expect(match!.detail).toBe(detail);
    expect(match!.message).toBe(`Program ke-1 (\`${String(record.slug)}\`), kolom \`${field}\`: ${detail}`);
  });

  it('writes the sentence the organiser reads, CSV line and column included', async () => {
    const csv = [
      'slug,kind,title_id,summary_id,field,provider_name,provider_type,location_regency,location_mode,seats_total,seats_women,costs_fee_idr,application_mode,application_documents,application_organisation,sources,verified_at,status',
      ...Array.from(
        { length: 5 },
        (_, i) =>
          `las-${i},pelatihan,Las,Dasar las,las,BLK,BLK,35.78,luring,20,${i === 4 ? 30 : 5},0,in_chat,ktp,org-a,https://a.example,2026-11-20,open`,
      ),
    ].join('\n');
    const result = await parseCatalogueCsv(`\n${csv}`);
    expect(result.errors.map((e) => e.message)).toEqual([
      'Baris 7, kolom `seats_women`: kuota perempuan (30) melebihi jumlah kursi (20).',
    ]);
    expect(result.errors[0]!.position).toEqual({ line: 7 });
  });

  it('accepts SMK/MA/D4 as SMA/S1, lower-case country codes, and fills the province from the regency', async () => {
    const record = overseasProgramme({
      destination_country: 'jp',
      eligibility: { education: { min: 'smk' } },
      location: { regency: '35.78', mode: 'luring' },
    });
    const { programmes, errors } = await parseCatalogueJson([record]);
    expect(errors).toEqual([]);
    expect(programmes[0]!.destination_country).toBe('JP');
    expect(programmes[0]!.eligibility?.education?.min).toBe('SMA');
    expect(programmes[0]!.location).toMatchObject({ province: '35', regency: '35.78' });
  });

  it('treats null and blank values as absent (`url: null` of in-chat applications)', async () => {
    const record = withField(
      validProgramme({ costs: { fee_idr: 0, stipend_idr: null } }),
      'application.url',
      null,
    );
    expect(await errorsOf(record)).toEqual([]);
  });

  it('reports a slug used twice in one file against the later record', async () => {
    const result = await parseCatalogueJson([base, base]);
    for (const e of result.errors) seenCodes.add(e.code);
    expect(result.programmes).toHaveLength(1);
    expect(result.invalid).toBe(1);
    expect(result.errors[0]!.message).toBe(
      'Program ke-2 (`pelatihan-las-surabaya`), kolom `slug`: slug `pelatihan-las-surabaya` sudah dipakai di program ke-1; setiap program harus punya slug sendiri.',
    );
  });

  it('reports a record that is not an object', async () => {
    const result = await parseCatalogueJson([base, 'las']);
    for (const e of result.errors) seenCodes.add(e.code);
    expect(result.errors.map((e) => e.message)).toEqual([
      'Program ke-2: setiap program harus berupa objek JSON ({ … }).',
    ]);
  });

  it('reports broken JSON with its line, and a JSON of the wrong shape', async () => {
    const broken = await parseCatalogue('[\n  {"slug": "a",}\n]');
    const shape = await parseCatalogue('{"data": []}');
    for (const e of [...broken.errors, ...shape.errors]) seenCodes.add(e.code);
    expect(broken.errors[0]!.position).toEqual({ line: 2 });
    expect(broken.errors[0]!.message).toMatch(/^Baris 2: berkas JSON tidak bisa dibaca: /);
    expect(shape.errors[0]!.message).toBe(
      'Baris 1: berkas JSON harus berisi daftar program ([ … ]) atau objek { "programmes": [ … ] }.',
    );
  });

  it('reports CSV problems: syntax, empty file, unknown and repeated columns, a broken JSON cell', async () => {
    const header = 'slug,kind,title_id';
    const syntax = await parseCatalogueCsv(`${header}\na,b,"tidak ditutup\n`);
    const empty = await parseCatalogueCsv('');
    const columns = await parseCatalogueCsv('slug,seat_women,slug\nabc,1,abc\n');
    const json = await parseCatalogueCsv('slug,eligibility_questions_json\nabc,[{"id": "tato"\n');
    // A separator inside an unquoted cell: one error for the row, not one per shifted value.
    const wide = await parseCatalogueCsv(
      'slug;kind;benefits;status\nlas-geser;pelatihan;asrama;makan;open\n',
    );
    expect(wide.errors.map((e) => e.message)).toEqual([
      'Baris 2: baris ini punya 5 kolom, padahal judulnya 4. Biasanya ada tanda pemisah (; atau ,) di dalam sebuah isian tanpa tanda kutip, sehingga isian sesudahnya bergeser. Apit isian itu dengan tanda kutip ("…") lalu unggah lagi.',
    ]);
    const all = [...syntax.errors, ...empty.errors, ...columns.errors, ...json.errors, ...wide.errors];
    for (const e of all) seenCodes.add(e.code);
    expect(syntax.errors[0]!.message).toBe(
      'Baris 2: berkas CSV tidak bisa dibaca: ada tanda kutip (") yang dibuka tetapi tidak ditutup sampai akhir berkas.',
    );
    expect(empty.errors[0]!.message).toBe(
      'Baris 1: berkas CSV kosong: baris pertama harus berisi nama kolom.',
    );
    expect(columns.errors.slice(0, 2).map((e) => e.message)).toEqual([
      'Baris 1, kolom `seat_women`: kolom tidak dikenal dan akan diabaikan. Maksudnya `seats_women`?',
      'Baris 1, kolom `slug`: kolom ini muncul lebih dari sekali di baris judul.',
    ]);
    expect(json.errors.find((e) => e.code === 'csv_json')?.field).toBe('eligibility_questions_json');
  });

  it('covers every error message of the catalogue namespace', () => {
    const helperKeys = new Set(['did_you_mean', 'csv_quote_not_closed', 'csv_invalid_quote', 'invalid']);
    const keys = Object.keys(idCatalogue.error).filter((k) => !helperKeys.has(k));
    expect(keys.filter((k) => !seenCodes.has(k))).toEqual([]);
  });

  it('has the same keys in Indonesian and English', () => {
    const flatten = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(flatten(enCatalogue).sort()).toEqual(flatten(idCatalogue).sort());
  });

  it('speaks English when asked', async () => {
    const result = await parseCatalogueJson([withField(base, 'seats', { total: 20, women: 30 })], {
      locale: 'en',
    });
    expect(result.errors[0]!.message).toBe(
      "Programme #1 (`pelatihan-las-surabaya`), field `seats.women`: women's seats (30) exceed the total seats (20).",
    );
  });
});
