import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overseasProgramme, validProgramme } from '../../tests/catalogue/fixtures';
import { CSV_COLUMNS, convertCell, csvFieldOf } from './csv-columns';
import { detectFormat, parseCatalogue, parseCatalogueCsv, parseCatalogueJson } from './parse';

const HEADER =
  'slug,kind,title_id,title_en,summary_id,field,tags,provider_name,provider_type,location_province,location_regency,location_mode,dates_registration_opens,dates_registration_closes,seats_total,seats_women,costs_fee_idr,costs_stipend_idr,costs_stipend_period,benefits,inclusion_disability_friendly,inclusion_accommodations_id,eligibility_age_min,eligibility_age_max,eligibility_gender,eligibility_domicile,eligibility_questions_json,application_mode,application_documents,application_organisation,sources,verified_at,status';

describe('CSV catalogue', () => {
  it('turns a flat row into the same record as the JSON format', async () => {
    const questions = JSON.stringify([
      { id: 'tato', ask: { id: 'Bertato?' }, type: 'yes_no', require: false },
    ]).replaceAll('"', '""');
    const row = [
      'jahit-perempuan-solo',
      'pelatihan',
      'Pelatihan Menjahit',
      'Sewing course',
      '"Menjahit busana, kelas pagi."',
      'menjahit',
      'jahit; Busana Wanita',
      'BPVP Surakarta',
      'BPVP',
      '33',
      '33.72',
      'luring',
      '1/11/2026',
      '2026-12-05',
      '16',
      '16',
      'Rp 0',
      '1.000.000',
      'bulan',
      'sertifikat_pelatihan;makan;uang_saku',
      'ya',
      'Ruang kelas lantai dasar',
      '18',
      '45',
      'perempuan',
      '33;34.71',
      `"${questions}"`,
      'in_chat',
      'ktp;kk',
      'bpvp-surakarta',
      'https://skillhub.kemnaker.go.id',
      '2026-11-19',
      'open',
    ].join(',');
    const result = await parseCatalogueCsv(`${HEADER}\n${row}\n`);
    expect(result.errors).toEqual([]);
    expect(result.programmes[0]).toEqual({
      slug: 'jahit-perempuan-solo',
      kind: 'pelatihan',
      title: { id: 'Pelatihan Menjahit', en: 'Sewing course' },
      summary: { id: 'Menjahit busana, kelas pagi.' },
      field: 'menjahit',
      tags: ['jahit', 'busana-wanita'],
      provider: { name: 'BPVP Surakarta', type: 'BPVP' },
      location: { province: '33', regency: '33.72', mode: 'luring' },
      dates: { registration_opens: '2026-11-01', registration_closes: '2026-12-05' },
      seats: { total: 16, women: 16 },
      costs: { fee_idr: 0, stipend_idr: 1_000_000, stipend_period: 'bulan' },
      benefits: ['sertifikat_pelatihan', 'makan', 'uang_saku'],
      inclusion: { disability_friendly: true, accommodations: { id: 'Ruang kelas lantai dasar' } },
      eligibility: {
        age: { min: 18, max: 45 },
        gender: 'perempuan',
        domicile: ['33', '34.71'],
        questions: [{ id: 'tato', ask: { id: 'Bertato?' }, type: 'yes_no', require: false }],
      },
      application: { mode: 'in_chat', documents: ['ktp', 'kk'], organisation: 'bpvp-surakarta' },
      sources: ['https://skillhub.kemnaker.go.id'],
      verified_at: '2026-11-19',
      status: 'open',
    });
  });

  it('reads `;`-separated files (Excel in Indonesian), a BOM, headers written with dots or capitals', async () => {
    const text = `\uFEFFSlug;Kind;Title.Id;summary_id;field;provider_name;provider_type;location_mode;costs_fee_idr;application_mode;application_url;application_documents;sources;verified_at;status
tik-daring;pelatihan;Kelas Data;Analisis data daring;tik;BPVP Samarinda;BPVP;daring;0;external;https://skillhub.kemnaker.go.id;ktp;https://skillhub.kemnaker.go.id;2026-11-20;open
`;
    const result = await parseCatalogueCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.programmes[0]).toMatchObject({
      slug: 'tik-daring',
      title: { id: 'Kelas Data' },
      location: { mode: 'daring' },
    });
  });

  it('reports the line a record starts on, across blank lines and cells spanning lines', async () => {
    const ok =
      'ok-{n},pelatihan,Las,"Baris satu\nbaris dua",las,BLK,BLK,35.78,luring,20,5,0,in_chat,ktp,org-a,https://a.example,2026-11-20,open';
    const bad = ok.replace('ok-{n}', 'bad').replace(',20,5,', ',20,25,');
    const header =
      'slug,kind,title_id,summary_id,field,provider_name,provider_type,location_regency,location_mode,seats_total,seats_women,costs_fee_idr,application_mode,application_documents,application_organisation,sources,verified_at,status';
    const text = [header, ok.replace('{n}', '1'), '', ok.replace('{n}', '2'), bad].join('\n');
    const result = await parseCatalogueCsv(text);
    expect(result.programmes).toHaveLength(2);
    expect(result.errors.map((e) => [e.position, e.field, e.slug])).toEqual([
      [{ line: 7 }, 'seats_women', 'bad'],
    ]);
  });

  it('keeps a cell it cannot convert, so the schema names the column', async () => {
    expect(convertCell('integer', '1.500.000')).toBe(1_500_000);
    expect(convertCell('integer', 'Rp 750.000')).toBe(750_000);
    expect(convertCell('integer', '-1')).toBe(-1);
    expect(convertCell('integer', '1,5 juta')).toBe('1,5 juta');
    expect(convertCell('boolean', 'Tidak')).toBe(false);
    expect(convertCell('boolean', 'mungkin')).toBe('mungkin');
    expect(convertCell('date', '5-1-2027')).toBe('2027-01-05');
    expect(convertCell('list', ' a ; ;b ')).toEqual(['a', 'b']);
    expect(() => convertCell('json', '[{')).toThrow();
  });

  it('maps error paths back to the columns', () => {
    expect(csvFieldOf(['seats', 'women'])).toBe('seats_women');
    expect(csvFieldOf(['benefits', 2])).toBe('benefits');
    expect(csvFieldOf(['eligibility', 'questions', 1, 'require', 'min'])).toBe(
      'eligibility_questions_json[1].require.min',
    );
    expect(csvFieldOf(['inclusion'])).toBe('inclusion_disability_friendly');
    // Every leaf of the JSON format has a column.
    expect(new Set(CSV_COLUMNS.map((c) => c.name)).size).toBe(CSV_COLUMNS.length);
  });
});

describe('JSON catalogue', () => {
  it('reads an array, `{ programmes: [...] }`, text or a parsed value', async () => {
    const records = [validProgramme(), overseasProgramme()];
    for (const input of [
      records,
      { programmes: records },
      JSON.stringify(records),
      JSON.stringify({ programmes: records }),
    ]) {
      const result = await parseCatalogue(input);
      expect(result).toMatchObject({ format: 'json', records: 2, invalid: 0, errors: [] });
      expect(result.programmes.map((p) => p.slug)).toEqual(['pelatihan-las-surabaya', 'magang-jepang-kaigo']);
    }
  });

  it('loads the valid records and reports the others', async () => {
    const result = await parseCatalogueJson([
      validProgramme(),
      validProgramme({ slug: 'b-b', seats: { total: 1, women: 2 } }),
    ]);
    expect(result.programmes).toHaveLength(1);
    expect(result.invalid).toBe(1);
    expect(result.errors[0]!.position).toEqual({ index: 1 });
  });

  it('guesses the format from the first character', () => {
    expect(detectFormat('  [')).toBe('json');
    expect(detectFormat('\uFEFF{"programmes": []}')).toBe('json');
    expect(detectFormat('slug,kind')).toBe('csv');
  });
});

describe('docs/catalogue-csv.md', () => {
  const doc = readFileSync(new URL('../../docs/catalogue-csv.md', import.meta.url), 'utf8');

  it('documents exactly the columns the importer reads', () => {
    const documented = [...doc.matchAll(/^\| `([a-z_]+)` \| `[a-z_.]+` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(CSV_COLUMNS.map((c) => c.name));
    for (const c of CSV_COLUMNS) expect(doc).toContain(`| \`${c.name}\` | \`${c.path.join('.')}\` |`);
  });

  it('has an example that imports cleanly', async () => {
    const example = /```csv\n([\s\S]*?)```/.exec(doc)?.[1];
    const result = await parseCatalogueCsv(example!);
    expect(result.errors).toEqual([]);
    expect(result.programmes).toHaveLength(1);
  });
});
