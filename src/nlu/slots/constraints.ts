/** Wishes about a programme's conditions: free, paid, for women, accessible, online, close by. */

import type { Benefit } from '../../shared/vocabulary';
import { claim, type Reading } from '../context';
import { BENEFIT_PHRASES, SCHEDULE_PHRASES } from '../lexicons';
import { entriesOf, PhraseTable } from '../phrases';

export interface Constraints {
  free?: true;
  stipend?: true;
  womenOnly?: true;
  disabilityFriendly?: true;
  online?: true;
  /** In a classroom, not online ("offline", "tatap muka", "jangan zoom"). */
  inPerson?: true;
  /** Partly online, partly in person (campuran). */
  blended?: true;
  nearHome?: true;
  /** What the programme must give ("yg ada asrama", "dapet mess", "ada bpjs"): lexicons/benefits.json. */
  benefits?: Benefit[];
}

type ConstraintName = Exclude<keyof Constraints, 'benefits'>;

const CONSTRAINT_WORDS: Readonly<Record<ConstraintName, readonly string[]>> = {
  free: [
    'gratis',
    'gratisan',
    'tanpa biaya',
    'free',
    'tidak bayar',
    'tidak berbayar',
    'tanpa bayar',
    'bebas biaya',
    'biaya nol',
    'no fee',
    'cuma cuma',
    'tidak dipungut biaya',
    'nol rupiah',
    'tidak perlu bayar',
    'tidak usah bayar',
    'free of charge',
    'tanpa dipungut biaya',
    'biaya gratis',
    'tidak pakai bayar',
    'tidak pakai biaya',
    'potongan gaji',
    'potong gaji',
    'tanpa potongan',
    'tidak ada potongan',
    'tidak pakai potongan',
    'tidak pakai potongan gaji',
    'tanpa potongan gaji',
    'tidak ada potongan gaji',
    'tidak mau bayar',
    'tidak mau yang bayar',
    'tidak usah yang bayar',
    'jangan yang bayar',
    'jangan yang berbayar',
    'tidak mau berbayar',
    'tidak mau yang berbayar',
    'yang tidak bayar',
    'tidak bisa bayar',
    'tidak mampu bayar',
    'tidak punya uang',
    'tidak ada uang',
    'tidak punya biaya',
    'tidak ada biaya',
  ],
  stipend: [
    'uang saku',
    'digaji',
    'gaji',
    'dibayar',
    'dapat uang',
    'insentif',
    'stipend',
    'paid',
    'bergaji',
    'dapat gaji',
    'uang harian',
    'honor',
    'upah',
    'salary',
    'gajinya',
    'uang transport',
    'allowance',
  ],
  womenOnly: [
    'khusus perempuan',
    'untuk perempuan',
    'buat perempuan',
    'bagi perempuan',
    'perempuan saja',
    'perempuan doang',
    'kuota perempuan',
    'women only',
    'for women',
    'khusus ibu ibu',
    'khusus ibu',
    'khusus kaum perempuan',
    'buat ibu ibu saja',
    'khusus emak emak',
  ],
  disabilityFriendly: [
    'ramah disabilitas',
    'disabilitas',
    'difabel',
    'tuna rungu',
    'tunarungu',
    'tuli',
    'tuna netra',
    'tunanetra',
    'tuna daksa',
    'tunadaksa',
    'tuna wicara',
    'tunawicara',
    'kursi roda',
    'berkebutuhan khusus',
    'disability',
    'disabled',
    'wheelchair',
    'inklusif',
    'penyandang disabilitas',
    'low vision',
    'bisu',
    'cacat',
    'autis',
    'tunagrahita',
    'deaf',
    'blind',
    'abk',
    'netra',
    'rungu',
    'daksa',
  ],
  online: [
    'daring',
    'online',
    'jarak jauh',
    'virtual',
    'zoom',
    'belajar dari rumah',
    'kelas dari rumah',
    'kursus dari rumah',
    'ikut dari rumah',
    'remote',
    'e learning',
    'elearning',
  ],
  inPerson: ['offline', 'luring', 'tatap muka', 'tatapmuka', 'kelas langsung', 'in person', 'face to face'],
  blended: [
    'campuran',
    'hybrid',
    'blended',
    'offline online',
    'online offline',
    'daring luring',
    'luring daring',
    'setengah online',
  ],
  nearHome: [
    'dekat rumah',
    'dekat sini',
    'sekitar sini',
    'daerah saya',
    'kota saya',
    'terdekat',
    'yang dekat',
    'yang dekat rumah',
    'yang dekat sini',
    'yang dekat dengan rumah',
    'near me',
    'nearby',
    'sekitar rumah',
    'dekat tempat tinggal',
    'lingkungan saya',
    'desa saya',
    'kabupaten saya',
    'kampung saya',
    'dekat domisili',
    'sekitaran sini',
    'sekitar saya',
    'wilayah saya',
    'dekat dengan rumah',
    'lebih dekat',
    'yang lebih dekat',
    'yg lebih deket',
    'closer',
    'anything closer',
    'closer to home',
    'close to home',
    'close to me',
    'near where i live',
  ],
};

export const CONSTRAINT_TABLE = new PhraseTable(entriesOf(CONSTRAINT_WORDS));

/** A time of life the person is coming back from: never the subject of the search. */
const PAST = new PhraseTable(
  [
    ...['setelah', 'sesudah', 'abis', 'habis', 'selesai'].flatMap((after) =>
      [
        'ngurus anak',
        'mengurus anak',
        'urus anak',
        'ngasuh anak',
        'mengasuh anak',
        'melahirkan',
        'cuti melahirkan',
      ].map((what) => `${after} ${what}`),
    ),
    // Work abroad done and over ("mantan TKI", "purna PMI"): not a wish to go (see understand's FORMER).
    ...['mantan', 'eks', 'ex', 'purna', 'bekas'].flatMap((was) =>
      ['tki', 'tkw', 'pmi', 'pekerja migran', 'buruh migran'].map((who) => `${was} ${who}`),
    ),
    'returning migrant worker',
    'returned migrant worker',
    'former migrant worker',
  ].map((p) => [p, true] as const),
);

/** What a programme gives, asked by name (lexicons/benefits.json). */
const BENEFIT_TABLE = new PhraseTable(BENEFIT_PHRASES);

/** When classes are held (lexicons/schedule.json). */
const SCHEDULE = new PhraseTable(SCHEDULE_PHRASES);

/** "magang yg gajinya paling gede": the highest stipend first. */
const HIGHEST_STIPEND = new PhraseTable(
  ['gaji', 'uang saku', 'saku', 'upah', 'bayaran', 'insentif']
    .flatMap((pay) =>
      [
        'paling besar',
        'paling gede',
        'paling tinggi',
        'terbesar',
        'tertinggi',
        'paling banyak',
        'gede',
        'besar',
        'tinggi',
      ].map((big) => `${pay} ${big}`),
    )
    .map((p) => [p, true] as const),
);

/** Said about pay, but no wish about the programme: "biar naik gaji". */
const NOT_A_WISH = new PhraseTable(
  ['naik gaji', 'gaji naik', 'naik level', 'gaji umr', 'gaji kecil'].map((p) => [p, true] as const),
);

export interface ConstraintHit {
  start: number;
  end: number;
  name: ConstraintName;
}

/** Which disability was named, as the words a programme's accommodations would use for it. */
const DISABILITY_NEEDS: ReadonlyArray<[readonly string[], readonly string[]]> = [
  [
    ['tuli', 'tuna rungu', 'tunarungu', 'rungu', 'deaf', 'bisu', 'tuna wicara', 'tunawicara'],
    ['tuli', 'tunarungu', 'rungu', 'isyarat', 'bahasa isyarat', 'deaf', 'tunawicara'],
  ],
  [
    ['tuna netra', 'tunanetra', 'netra', 'low vision', 'blind'],
    ['tunanetra', 'netra', 'braille', 'audio', 'pembaca layar', 'screen reader', 'low vision'],
  ],
  [
    ['kursi roda', 'tuna daksa', 'tunadaksa', 'daksa', 'wheelchair'],
    ['kursi roda', 'tunadaksa', 'daksa', 'aksesibel', 'tanpa tangga', 'wheelchair'],
  ],
  [
    ['tunagrahita', 'autis', 'berkebutuhan khusus', 'abk'],
    ['tunagrahita', 'autis', 'berkebutuhan khusus', 'disabilitas intelektual'],
  ],
];

export interface ConstraintReading {
  constraints?: Constraints;
  /** What a named disability needs, to rank programmes whose accommodations say it first. */
  rankBy?: string[][];
  /** Order by the stipend, highest first. */
  highestStipend?: true;
  /** "khusus perempuan": women-only programmes, not those with a quota. */
  womenExclusive?: true;
  hits: ConstraintHit[];
  /** The words that asked for a benefit ("mess"), for a question about a programme in view. */
  benefitWords?: string[];
}

/**
 * "kelas malam", "sabtu minggu", "bisa sambil kerja": what a fitting programme's schedule says, to rank
 * by. Read before kinds and fields, which would take "kelas" and "kerja".
 */
export function readSchedule(r: Reading): string[][] {
  // What the person did before ("setelah ngurus anak"): their story, not what they are looking for.
  for (const hit of PAST.scan(r.tokens, r.claimed)) claim(r, hit.start, hit.end);
  const seen = new Set<readonly string[]>();
  for (const hit of SCHEDULE.scan(r.tokens, r.claimed)) {
    seen.add(hit.value);
    claim(r, hit.start, hit.end);
  }
  return [...seen].map((words) => [...words]);
}

/** Learning words: "belajar … dari rumah" is learning online; "usaha kue dari rumah" a home business. */
const LEARNING = new Set(['belajar', 'kursus', 'kelas', 'pelatihan', 'les', 'sekolah']);

export function extractConstraints(r: Reading): ConstraintReading {
  const out: ConstraintReading = { hits: [] };
  for (let i = 1; i < r.tokens.length; i++) {
    if (r.tokens[i - 1] !== 'dari' || r.tokens[i] !== 'rumah' || r.claimed[i]) continue;
    if (!r.tokens.slice(0, i - 1).some((w) => LEARNING.has(w))) continue;
    out.constraints = { ...out.constraints, online: true };
    out.hits.push({ start: i - 1, end: i + 1, name: 'online' });
    claim(r, i - 1, i + 1);
  }
  for (const hit of NOT_A_WISH.scan(r.tokens, r.claimed)) claim(r, hit.start, hit.end);
  for (const hit of HIGHEST_STIPEND.scan(r.tokens, r.claimed)) {
    out.highestStipend = true;
    out.constraints = { ...out.constraints, stipend: true };
    claim(r, hit.start, hit.end);
  }
  for (const hit of CONSTRAINT_TABLE.scan(r.tokens, r.claimed)) {
    // "i'm colour blind" is no blindness: the facts read it (a programme's own question asks it).
    if (hit.value === 'disabilityFriendly' && /^colou?r$/.test(r.tokens[hit.start - 1] ?? '')) continue;
    out.constraints ??= {};
    out.constraints[hit.value] = true;
    out.hits.push({ start: hit.start, end: hit.end, name: hit.value });
    claim(r, hit.start, hit.end);
    if (
      hit.value === 'womenOnly' &&
      /^(khusus|perempuan saja|perempuan doang|women only)/.test(r.tokens.slice(hit.start, hit.end).join(' '))
    )
      out.womenExclusive = true;
    if (hit.value === 'disabilityFriendly') {
      const said = r.tokens.slice(hit.start, hit.end).join(' ');
      const need = DISABILITY_NEEDS.find(([words]) => words.includes(said))?.[1];
      if (need && !out.rankBy?.some((g) => g === need)) out.rankBy = [...(out.rankBy ?? []), [...need]];
    }
  }
  // "yg ada asrama", "dapet mess": a benefit is a condition, as "gratis" is; not a word to search for.
  // Not after a negation ("ga perlu asrama"), which wants nothing.
  for (const hit of BENEFIT_TABLE.scan(r.tokens, r.claimed)) {
    claim(r, hit.start, hit.end);
    if (noNeed(r.tokens, hit.start)) continue;
    out.benefitWords = [...(out.benefitWords ?? []), r.tokens.slice(hit.start, hit.end).join(' ')];
    const benefits = out.constraints?.benefits ?? [];
    if (!benefits.includes(hit.value))
      out.constraints = { ...out.constraints, benefits: [...benefits, hit.value] };
  }
  return out;
}

/** "ga perlu asrama", "tanpa mess": no wish for the benefit. */
function noNeed(tokens: readonly string[], start: number): boolean {
  const before = tokens[start - 1] ?? '';
  if (before === 'tanpa' || before === 'bukan' || before === 'tidak') return true;
  return ['perlu', 'butuh', 'usah', 'pakai', 'mau'].includes(before) && tokens[start - 2] === 'tidak';
}
