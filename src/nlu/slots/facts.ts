/**
 * What a person says about themselves in passing: "aku cowok umur 24 lulusan smp", "cuma tamat sd",
 * "aku cewek 19 thn", "lahir 2003", "anak smk otomotif", "tinggal di garut". Read for the search at
 * hand (so a man is not shown women-only programmes, a 29-year-old is told what he cannot join) — never
 * stored by the understanding itself.
 */
import type { ActivityStatus, EducationLevel, Field, Gender } from '../../shared/vocabulary';
import { claim, type Reading } from '../context';
import type { EducationReading } from './education';
import { FIELD_TABLE } from './fields';
import { NUMBER_WORDS } from './ordinal';

export interface StatedFacts {
  /** Completed years, as said ("umur 24", "19 thn"). */
  age?: number;
  /** "lahir 2003", "kelahiran 98". */
  birthYear?: number;
  /** The year school was finished ("lulus smk 2021", "lulusan 2025"): programmes ask `graduated_within_years`. */
  graduationYear?: number;
  gender?: Gender;
  /** The highest level completed ("cuma tamat sd" → SD; "masih SMA" → SMP). */
  education?: EducationLevel;
  /** The field of that education ("smk otomotif", "jurusan akuntansi", "D3 keperawatan"). */
  major?: Field;
  /**
   * Where the person lives ("tinggal di garut", "asli medan"); `regencies` when a name is a city and a
   * regency of the same province ("orang bekasi": one of the two, no other).
   */
  domicile?: { province: string; regency?: string; regencies?: string[] };
  /** What the person does now ("udah kerja", "masih kuliah", "nganggur", "baru lulus"). */
  activity?: ActivityStatus;
  /** Height in cm ("tinggi sy 158", "tb 160"): programmes ask it as `tinggi_cm` (catalogue format). */
  height?: number;
  /** Has a tattoo ("punya tato kecil") or none ("ga bertato"): programmes ask it as `tato`. */
  tattoo?: boolean;
  /**
   * What programmes ask in their own yes/no questions, said of oneself (lexicons/traits.json): false
   * for what the person lacks ("gk punya sim": `sim`), true for what they have ("buta warna").
   */
  traits?: Record<string, boolean>;
}

/** A place found in the message, by the token span that named it. */
export interface PlaceSpan {
  start: number;
  end: number;
  province: string;
  regency?: string;
  /** One of several regions named at once ("jawa", "lombok"). */
  together?: boolean;
}

const GENDER_WORDS: ReadonlyMap<string, Gender> = new Map([
  ['perempuan', 'perempuan'],
  ['wanita', 'perempuan'],
  ['akhwat', 'perempuan'],
  ['laki-laki', 'laki_laki'],
  ['lelaki', 'laki_laki'],
  ['ikhwan', 'laki_laki'],
  ['male', 'laki_laki'],
  ['guy', 'laki_laki'],
  ['female', 'perempuan'],
]);
/** Said of oneself: "saya ibu rumah tangga". */
const GENDER_PHRASES: ReadonlyArray<[readonly string[], Gender]> = [
  [['ibu', 'rumah', 'tangga'], 'perempuan'],
  [['irt'], 'perempuan'],
  [['emak', 'emak'], 'perempuan'],
  [['ibu', 'ibu'], 'perempuan'],
  [['bapak', 'bapak'], 'laki_laki'],
];
const PRONOUNS = new Set(['saya', 'ku', 'aku', 'beta', 'awak', 'urang', 'kami', 'im', 'am']);
/** "bukan cewek", "selain laki-laki": not about the person. */
const NOT = new Set(['bukan', 'selain', 'kecuali', 'tidak', 'non']);

const AGE_WORDS = new Set(['umur', 'usia', 'age', 'umurnya', 'usianya']);
/** A number after these is a height or a weight, not an age. */
const MEASURES = new Set(['tinggi', 'tinggiku', 'tb', 'berat', 'bb', 'height', 'weight']);
const YEAR_WORDS = new Set(['tahun', 'thn', 'th', 'taun', 'thun', 'years', 'year', 'yo', 'y']);
/** Between "umur" and the number: "umur saya sudah 27", "usia baru 17". */
const AGE_GLUE = new Set([
  'saya',
  'ku',
  'sudah',
  'baru',
  'masih',
  'sekarang',
  'pas',
  'tepat',
  'hampir',
  'jalan',
  'sekitar',
  'kurang',
  'lebih',
  'ini',
  'aku',
  'mau',
]);
/** A number of years after these is a length of time, not an age. */
const DURATION = new Set([
  'selama',
  'pengalaman',
  'kontrak',
  'masa',
  'durasi',
  'lama',
  'sejak',
  'periode',
  'dalam',
  'kerja',
  'bekerja',
  'magang',
  'pelatihan',
  'program',
  'lulus',
  'tamat',
]);
/** A bare number after a pronoun that is something else: "saya 2 orang", "aku 3 bulan". */
const NOT_AGE_UNITS = new Set([
  'bulan',
  'minggu',
  'hari',
  'jam',
  'orang',
  'juta',
  'ribu',
  'kali',
  'anak',
  'x',
]);
const AGE_MIN = 12;
const AGE_MAX = 70;

/** Plausible birth years of someone looking for training (no clock: the understanding is pure). */
const BIRTH_YEAR_MIN = 1940;
const BIRTH_YEAR_MAX = 2020;

const BIRTH_WORDS = new Set(['lahir', 'kelahiran', 'lahiran', 'born', 'kelahiranku']);

const TEENS: ReadonlyMap<string, number> = new Map([
  ['sebelas', 11],
  ['belas', 10],
  ['puluh', 10],
]);

interface NumberHit {
  value: number;
  end: number;
}

/** A number at `i`: digits ("24", "24th", "24thn") or words ("dua puluh empat", "sembilan belas"). */
function numberAt(tokens: readonly string[], i: number): (NumberHit & { unit: boolean }) | undefined {
  const w = tokens[i];
  if (w === undefined) return undefined;
  const glued = /^(\d{1,4})(th|thn|tahun|taun|thun|yo|y|an)?$/.exec(w);
  if (glued) {
    const unit = Boolean(glued[2] && glued[2] !== 'an');
    return { value: Number(glued[1]), end: i + 1, unit };
  }
  if (w === 'sebelas') return { value: 11, end: i + 1, unit: false };
  const first = NUMBER_WORDS.get(w);
  if (first === undefined || first > 9) return undefined;
  const next = tokens[i + 1] ?? '';
  if (next === 'belas') return { value: 10 + first, end: i + 2, unit: false };
  if (next === 'puluh') {
    const ones = NUMBER_WORDS.get(tokens[i + 2] ?? '');
    if (ones !== undefined && ones <= 9) return { value: first * 10 + ones, end: i + 3, unit: false };
    return { value: first * 10, end: i + 2, unit: false };
  }
  return TEENS.has(w) ? undefined : { value: first, end: i + 1, unit: false };
}

/** The number of years at `i`, with the year word after it when there is one. */
function yearsAt(tokens: readonly string[], i: number): NumberHit | undefined {
  const n = numberAt(tokens, i);
  if (!n) return undefined;
  if (n.unit) return n;
  return YEAR_WORDS.has(tokens[n.end] ?? '') ? { value: n.value, end: n.end + 1 } : n;
}

function isAge(value: number): boolean {
  return value >= AGE_MIN && value <= AGE_MAX;
}

function readAge(r: Reading, facts: StatedFacts): void {
  const { tokens } = r;
  for (let i = 0; i < tokens.length && facts.age === undefined; i++) {
    if (r.claimed[i]) continue;
    const w = tokens[i]!;
    // "umur 24", "usia saya sudah 27 tahun".
    if (AGE_WORDS.has(w)) {
      let j = i + 1;
      while (j < tokens.length && j <= i + 3 && AGE_GLUE.has(tokens[j]!)) j++;
      const n = yearsAt(tokens, j);
      if (n && isAge(n.value) && !r.claimed[j]) {
        facts.age = n.value;
        claim(r, i, n.end);
      }
      continue;
    }
    const n = numberAt(tokens, i);
    if (!n || !isAge(n.value) || n.value >= 100) continue;
    const before = tokens[i - 1] ?? '';
    const withYears = n.unit || YEAR_WORDS.has(tokens[n.end] ?? '');
    // "24 tahun", "19 thn", "24th" — not "pengalaman 15 tahun".
    if (withYears && !DURATION.has(before) && !DURATION.has(tokens[i - 2] ?? '')) {
      facts.age = n.value;
      claim(r, i, n.unit ? n.end : n.end + 1);
      continue;
    }
    // "aku 19", "cewek 20": a bare number right after the person — but "tinggiku 170", "berat aku 55"
    // measure something else.
    const measured = MEASURES.has(tokens[i - 2] ?? '') || MEASURES.has(before);
    const person = (PRONOUNS.has(before) || GENDER_WORDS.has(before)) && !measured;
    if (person && !NOT_AGE_UNITS.has(tokens[n.end] ?? '') && !/\d{3}/.test(tokens[i]!)) {
      facts.age = n.value;
      claim(r, i, n.end);
    }
  }
}

function fullYear(value: number, digits: number): number | undefined {
  if (digits === 4) return value;
  if (digits !== 2) return undefined;
  return value <= 30 ? 2000 + value : 1900 + value;
}

const MONTHS = new Set(
  `januari jan februari feb pebruari maret mar april apr mei juni jun juli jul agustus agu agt ags september sep
  sept oktober okt oct november nov nop desember des dec`.split(/\s+/),
);

function readBirthYear(r: Reading, facts: StatedFacts): void {
  const { tokens } = r;
  for (let i = 0; i < tokens.length; i++) {
    if (r.claimed[i] || !BIRTH_WORDS.has(tokens[i]!)) continue;
    // "lahir 2003", "lahir tahun 2003", "lahir 17 agustus 2003", "kelahiran 98".
    const window = tokens.slice(i + 1, i + 5);
    let at = window.findIndex((w) => /^\d{4}$/.test(w));
    if (at < 0) {
      // Two digits only right after the word (or "tahun"), and not a day before a month.
      at = window[0] === 'tahun' ? 1 : 0;
      if (!/^\d{2}$/.test(window[at] ?? '') || MONTHS.has(window[at + 1] ?? '')) continue;
    }
    const digits = window[at]!;
    const year = fullYear(Number(digits), digits.length);
    if (year === undefined || year < BIRTH_YEAR_MIN || year > BIRTH_YEAR_MAX) continue;
    facts.birthYear = year;
    claim(r, i, i + 2 + at);
    return;
  }
}

const GRADUATED = new Set([
  'lulus',
  'lulusan',
  'tamat',
  'tamatan',
  'angkatan',
  'graduated',
  'grad',
  'graduate',
]);

/** "lulus smk 2021", "lulusan smk akl 2025", "tamat tahun 2019": the year, within four words. */
function readGraduation(r: Reading, facts: StatedFacts): void {
  const { tokens } = r;
  for (let i = 0; i < tokens.length; i++) {
    if (!GRADUATED.has(tokens[i]!)) continue;
    for (let k = i + 1; k <= i + 4 && k < tokens.length; k++) {
      if (r.claimed[k] && !/^\d{4}$/.test(tokens[k]!)) continue;
      if (!/^\d{4}$/.test(tokens[k]!)) continue;
      const year = Number(tokens[k]);
      if (year < 1980 || year > BIRTH_YEAR_MAX + 40) break;
      facts.graduationYear = year;
      claim(r, k, k + 1);
      return;
    }
  }
}

function readGender(r: Reading, facts: StatedFacts): void {
  const seen = new Set<Gender>();
  const { tokens } = r;
  for (let i = 0; i < tokens.length; i++) {
    if (r.claimed[i] || NOT.has(tokens[i - 1] ?? '')) continue;
    // "laki2" is read as "laki laki".
    if (tokens[i] === 'laki' && tokens[i + 1] === 'laki' && !r.claimed[i + 1]) {
      seen.add('laki_laki');
      claim(r, i, i + 2);
      i++;
      continue;
    }
    const word = GENDER_WORDS.get(tokens[i]!);
    if (word) {
      seen.add(word);
      claim(r, i, i + 1);
      continue;
    }
    // Phrases only said of oneself: after "saya", or opening the message.
    if (i > 0 && !PRONOUNS.has(tokens[i - 1]!) && tokens[i - 1] !== 'seorang') continue;
    for (const [words, gender] of GENDER_PHRASES) {
      if (words.every((w, k) => tokens[i + k] === w && !r.claimed[i + k])) {
        seen.add(gender);
        claim(r, i, i + words.length);
        break;
      }
    }
  }
  // "buat cowok dan cewek" says nothing about the person.
  if (seen.size === 1) facts.gender = [...seen][0];
}

/** Words after which a field is what someone studied: "smk otomotif", "jurusan tkj", "anak teknik mesin". */
const MAJOR_CUES = new Set([
  'jurusan',
  'jur',
  'prodi',
  'background',
  'basic',
  'lulusan',
  'tamatan',
  'alumni',
]);
/** Words that make a major the audience asked for, not the person's background: "buat lulusan smk tkj". */
const AUDIENCE = new Set(['buat', 'untuk', 'bagi', 'sesuai', 'khusus', 'cocok', 'linear', 'linier', 'for']);
/** Between the level and the field: "smk jurusan otomotif", "s1 program studi akuntansi". */
const MAJOR_GLUE = new Set(['jurusan', 'jur', 'prodi', 'program', 'studi', 'bidang', 'di', 'ambil', 'saya']);

function readMajor(r: Reading, facts: StatedFacts, levelEnds: readonly number[]): void {
  const { tokens } = r;
  const starts = new Set<number>();
  for (const end of levelEnds) starts.add(end);
  tokens.forEach((w, i) => {
    if (MAJOR_CUES.has(w)) starts.add(i + 1);
    // "saya anak tkj", "aku anak otomotif".
    if (w === 'anak' && PRONOUNS.has(tokens[i - 1] ?? '')) starts.add(i + 1);
  });
  for (const start of [...starts].sort((a, b) => a - b)) {
    let j = start;
    while (j < tokens.length && j < start + 3 && MAJOR_GLUE.has(tokens[j]!)) j++;
    // The field's words may already be the search's field ("magang buat anak smk jurusan otomotif"):
    // they are read again here, not taken away from it.
    const hit = FIELD_TABLE.matchAt(tokens, j);
    const major = hit?.value.fields[0];
    if (major && hit) {
      facts.major = major;
      // "magang buat anak smk otomotif", "sesuai jurusan tkj": who the programme is for, so the field is asked.
      const before = tokens.slice(Math.max(0, hit.start - 5), hit.start);
      if (!before.some((w) => AUDIENCE.has(w)))
        r.background = [...(r.background ?? []), { start: hit.start, end: hit.end }];
      return;
    }
  }
}

/** Words that make the place after them the person's home: "tinggal di", "asli", "orang", "KTP". */
const HOME_BEFORE = new Set([
  'domisili',
  'berdomisili',
  'asal',
  'asli',
  'warga',
  'ktp',
  'tinggal',
  'menetap',
  'dari',
  'orang',
  'wong',
  'urang',
  'putra',
  'putri',
  'anak',
  'arek',
  'cah',
  'bocah',
  'ti',
]);
/** Words for a person that make a home only after "aku": "aku anak koja". */
const KIN = new Set(['anak', 'arek', 'cah', 'bocah', 'orang', 'wong', 'urang', 'putra', 'putri']);
/** "… di medan" is the person's home after these: "tinggal di", "saya di", "rumah saya di". */
const HOME_BEFORE_DI = new Set([
  'tinggal',
  'domisili',
  'berdomisili',
  'menetap',
  'saya',
  'rumah',
  'posisi',
  'sekarang',
  'ngekos',
  'kos',
  'kost',
  // English: "I live in Palembang", "I'm in Medan", "based in Bandung".
  'live',
  'lives',
  'living',
  'im',
  'am',
  'stay',
  'based',
]);

/** The places named as the person's home ("tinggal di garut", "asli medan"), with where their cue starts. */
export function homePlaces(tokens: readonly string[], places: readonly PlaceSpan[]): Map<PlaceSpan, number> {
  const out = new Map<PlaceSpan, number>();
  for (const original of places) {
    // "aku di jogja" is read as "DI Yogyakarta" (Daerah Istimewa): its "di" is the preposition too.
    const place =
      tokens[original.start] === 'di' && original.end - original.start > 1
        ? { ...original, start: original.start + 1 }
        : original;
    const before = tokens[place.start - 1] ?? '';
    const lived =
      before === 'di' && tokens.slice(Math.max(0, place.start - 5), place.start - 1).includes('tinggal');
    // "urang banjar", "orang batak": who the person is, so where they are from.
    if (KIN.has(tokens[place.start] ?? '') && place.end - place.start > 1) {
      out.set(original, place.start);
      continue;
    }
    const at = before === 'di' || before === 'in';
    if (at && HOME_BEFORE_DI.has(tokens[place.start - 2] ?? '')) out.set(original, place.start - 2);
    // "sa tinggal sama tante di sorong".
    else if (lived) out.set(original, place.start - 1);
    // "aku anak koja", "gw cah srengat"; not "program buat anak ntt".
    else if (HOME_BEFORE.has(before) && (!KIN.has(before) || PRONOUNS.has(tokens[place.start - 2] ?? '')))
      out.set(original, place.start - 1);
  }
  return out;
}

/** Cues of where the person lives now, which win over where they are from ("orang makassar tp tinggal di timika"). */
const LIVES = new Set([
  'tinggal',
  'domisili',
  'berdomisili',
  'menetap',
  'ktp',
  'warga',
  'ngekos',
  'kos',
  'kost',
]);

function readDomicile(r: Reading, facts: StatedFacts, places: readonly PlaceSpan[]): void {
  const { tokens } = r;
  const home = homePlaces(tokens, places);
  const livesNow = ([place, cueStart]: [PlaceSpan, number]) =>
    tokens.slice(Math.max(0, Math.min(cueStart, place.start - 3)), place.start).some((w) => LIVES.has(w));
  const ordered = [...home].sort((a, b) => Number(livesNow(b)) - Number(livesNow(a)));
  for (const [place, cueStart] of ordered) {
    // "dari jawa": a home across several provinces is no domicile a rule can be checked against.
    const together = [...home.keys()].filter((p) => p.start === place.start);
    if (together.some((p) => p.province !== place.province)) continue;
    // "dari semarang": the city or the regency, both in one province — either, but no other regency.
    const regencies = together.map((p) => p.regency).filter((r): r is string => r !== undefined);
    facts.domicile =
      place.regency && together.length === 1
        ? { province: place.province, regency: place.regency }
        : together.length > 1 && regencies.length === together.length
          ? { province: place.province, regencies }
          : { province: place.province };
    // The cue words ("tinggal di") are read; a pronoun before "di" stays for the intent.
    if (!PRONOUNS.has(tokens[cueStart]!)) claim(r, cueStart, place.start);
    else claim(r, place.start - 1, place.start);
    return;
  }
}

const ACTIVITY_PHRASES: ReadonlyArray<[string, ActivityStatus]> = [
  ['sudah kerja', 'bekerja'],
  ['sudah bekerja', 'bekerja'],
  ['masih kerja', 'bekerja'],
  ['masih bekerja', 'bekerja'],
  ['lagi kerja', 'bekerja'],
  ['sedang bekerja', 'bekerja'],
  ['saya kerja', 'bekerja'],
  ['saya bekerja', 'bekerja'],
  ['saya karyawan', 'bekerja'],
  ['saya pegawai', 'bekerja'],
  ['saya buruh', 'bekerja'],
  ['kerja sebagai', 'bekerja'],
  ['nganggur', 'tidak_bekerja'],
  ['menganggur', 'tidak_bekerja'],
  ['pengangguran', 'tidak_bekerja'],
  ['belum kerja', 'tidak_bekerja'],
  ['belum bekerja', 'tidak_bekerja'],
  ['tidak kerja', 'tidak_bekerja'],
  ['tidak bekerja', 'tidak_bekerja'],
  ['masih sekolah', 'pelajar'],
  ['masih sma', 'pelajar'],
  ['masih smk', 'pelajar'],
  ['masih smp', 'pelajar'],
  ['masih kuliah', 'mahasiswa'],
  ['lagi kuliah', 'mahasiswa'],
  ['sedang kuliah', 'mahasiswa'],
  ['saya mahasiswa', 'mahasiswa'],
  ['baru lulus', 'lulusan_baru'],
  ['baru tamat', 'lulusan_baru'],
  ['lulusan baru', 'lulusan_baru'],
  ['fresh graduate', 'lulusan_baru'],
  ['fresh grad', 'lulusan_baru'],
  ['freshgraduate', 'lulusan_baru'],
];

/** What the person does now, by the first phrase that says it (read, not claimed: the words stay for the rest). */
function readActivity(tokens: readonly string[], facts: StatedFacts): void {
  const text = ` ${tokens.join(' ')} `;
  let best: { at: number; status: ActivityStatus } | undefined;
  for (const [phrase, status] of ACTIVITY_PHRASES) {
    const at = text.indexOf(` ${phrase} `);
    if (at >= 0 && (!best || at < best.at)) best = { at, status };
  }
  if (best) facts.activity = best.status;
}

export interface FactInputs {
  education: EducationReading;
  places: readonly PlaceSpan[];
}

/** Reads the facts and claims their words (so "umur", "tinggal" are neither keywords nor an intent). */
const HEIGHT_WORDS = new Set(['tinggi', 'tb']);
const HEIGHT_GLUE = new Set([
  'badan',
  'badanku',
  'saya',
  'aku',
  'cuma',
  'hanya',
  'sekitar',
  'kurang',
  'lebih',
  'ada',
]);
const TATTOO = new Set(['tato', 'tatto', 'tattoo', 'tatoo', 'bertato', 'bertatto', 'tatoan']);
const NO_TATTOO = new Set(['tidak', 'tanpa', 'belum', 'bukan', 'gak', 'nggak']);

/** "buta warna", "colour blind", "color-blind", "colorblind" starting at token i. */
function isColourBlind(tokens: readonly string[], i: number): boolean {
  const w = tokens[i]!;
  const next = tokens[i + 1] ?? '';
  if (w === 'buta' && next === 'warna') return true;
  if (/^colou?rblind$/.test(w)) return true;
  return /^colou?r$/.test(w) && /^blind(ness)?$/.test(next === '-' ? (tokens[i + 2] ?? '') : next);
}

/** What programmes ask of the body, as the person says it: height in cm, a tattoo, colour blindness. */
function readBody(r: Reading, facts: StatedFacts): void {
  const { tokens } = r;
  for (let i = 0; i < tokens.length; i++) {
    if (r.claimed[i]) continue;
    const w = tokens[i]!;
    if (HEIGHT_WORDS.has(w) && facts.height === undefined) {
      let j = i + 1;
      while (j < tokens.length && j <= i + 3 && HEIGHT_GLUE.has(tokens[j]!)) j++;
      const cm = /^(\d{3})(cm)?$/.exec(tokens[j] ?? '');
      const value = cm ? Number(cm[1]) : Number.NaN;
      if (value >= 120 && value <= 220) {
        facts.height = value;
        claim(r, i, tokens[j + 1] === 'cm' ? j + 2 : j + 1);
      }
    } else if (TATTOO.has(w) && facts.tattoo === undefined) {
      // "ga punya tato", "tanpa tato": none; "punya tato kecil di tangan", "bertato": one.
      facts.tattoo = !tokens.slice(Math.max(0, i - 3), i).some((x) => NO_TATTOO.has(x));
    }
  }
  // Read over claimed words too: "blind" may have been taken for a need before the facts are read.
  for (let i = 0; i < tokens.length && facts.traits?.buta_warna === undefined; i++) {
    if (!isColourBlind(tokens, i)) continue;
    // "aku buta warna parsial", "i'm colour blind"; "ga buta warna", "not colour blind": not.
    const blind = !tokens.slice(Math.max(0, i - 2), i).some((x) => NO_TATTOO.has(x) || x === 'not');
    facts.traits = { ...facts.traits, buta_warna: blind };
    const end = tokens[i]!.endsWith('blind') ? i + 1 : tokens[i + 1] === '-' ? i + 3 : i + 2;
    claim(r, i, end);
  }
}

export function extractFacts(r: Reading, inputs: FactInputs): StatedFacts | undefined {
  const facts: StatedFacts = {};
  readGender(r, facts);
  readBirthYear(r, facts);
  readGraduation(r, facts);
  readAge(r, facts);
  if (inputs.education.completed) facts.education = inputs.education.completed;
  readMajor(r, facts, inputs.education.levelEnds);
  readDomicile(r, facts, inputs.places);
  readActivity(r.tokens, facts);
  readBody(r, facts);
  return Object.keys(facts).length ? facts : undefined;
}
