/**
 * Questions about the programme on screen: "ada uang saku sama asrama gak?", "umur 27 bisa?". Outside a
 * card these words are a search with conditions; on a card they ask about that programme, as long as
 * nothing else is named (a kind, field, country, place or other subject means a new search).
 */

import { numberWordsToDigits } from '../shared/text/number-words';
import { STOPWORDS } from '../shared/text/words';
import type { EducationLevel, Gender } from '../shared/vocabulary';
import { FILLERS } from './intent';
import { normalizeMessage } from './normalize';
import { entriesOf, PhraseTable } from './phrases';
import { type Intent, understand } from './understand';

export const CARD_ATTRIBUTES = [
  'stipend',
  'dormitory',
  'meals',
  'transport',
  'cost',
  'certificate',
  'bpjs',
  'placement',
  'tools',
  'starts',
  'duration',
  'deadline',
  'location',
  'mode',
  'seats',
  'requirements',
  'documents',
  'women',
  'disability',
  'age',
  'education',
  'height',
] as const;
export type CardAttribute = (typeof CARD_ATTRIBUTES)[number];

export interface CardQuestion {
  /** What is asked, in the order it was asked, each once. */
  attributes: CardAttribute[];
  /** "umur 27 bisa?": the age the person asks about. */
  age?: number;
  /** "cewe boleh?": the gender the person asks about. */
  gender?: Gender;
  /** "lulusan smp bisa?": the education level the person asks about. */
  education?: EducationLevel;
  /** "tinggiku 158 bisa?": the height in cm the person asks about. */
  height?: number;
}

// Phrases are over normalised words ("sampe" → "sampai", "cewe" → "perempuan", "brp" → "berapa").
const ATTRIBUTE_WORDS: Readonly<Record<CardAttribute, readonly string[]>> = {
  stipend: [
    'uang saku',
    'gaji',
    'digaji',
    'gajinya',
    'dibayar',
    'insentif',
    'honor',
    'upah',
    'stipend',
    'uang harian',
    'allowance',
    'salary',
    'uang',
    'get paid',
    'paid',
    'does it pay',
    'do they pay',
    'is it paid',
    'pay me',
    'wage',
    'wages',
    'pocket money',
  ],
  dormitory: [
    'asrama',
    'mess',
    'tempat tinggal',
    'penginapan',
    'menginap',
    'nginap',
    'nginep',
    'kos',
    'kost',
    'tempat tidur',
    'dormitory',
    'housing',
    'dorm',
    'dorms',
    'accommodation',
    'lodging',
    'hostel',
    'boarding',
    'place to stay',
    'stay',
  ],
  meals: [
    'makan',
    'makan siang',
    'makan siangnya',
    'makanan',
    'konsumsi',
    'snack',
    'meals',
    'food',
    'meal',
    'lunch',
    'eat',
  ],
  transport: ['transport', 'uang transport', 'ongkos transport', 'transportasi', 'ongkos jalan'],
  cost: [
    'gratis',
    'gratisan',
    'biaya',
    'bayar',
    'berbayar',
    'harga',
    'ongkos',
    'tanpa biaya',
    'free',
    'cost',
    'fee',
    'price',
    'pay',
    'pay anything',
    'costs',
    'charge',
    'tuition',
    'expensive',
    'paying',
  ],
  certificate: [
    'sertifikat',
    'sertifikatnya',
    'sertifikasi',
    'certificate',
    'ijazah pelatihan',
    'certificates',
    'certified',
  ],
  bpjs: ['bpjs', 'bpjs ketenagakerjaan', 'asuransi', 'jaminan', 'insurance'],
  placement: [
    'disalurkan',
    'disalurin',
    'disalurkan kerja',
    'disalurin kerja',
    'penyaluran',
    'penempatan',
    'penempatan kerja',
    'ditempatkan',
    'langsung kerja',
    'dapat kerja',
    'job placement',
    'find a job',
    'job after',
    'get a job',
    'hired',
    'work after',
    'job placement',
    'placement',
  ],
  tools: ['alat kerja', 'peralatan', 'alat', 'toolkit', 'tools'],
  starts: [
    'jam',
    'jam berapa',
    'what time',
    'kapan mulai',
    'mulai kapan',
    'mulai',
    'mulainya',
    'dimulai',
    'kapan',
    'jadwal',
    'start',
    'starts',
    'start date',
    'begin',
    'begins',
    'starting',
    'start',
  ],
  duration: [
    'berapa lama',
    'lama',
    'lamanya',
    'durasi',
    'berapa bulan',
    'berapa minggu',
    'berapa hari',
    'selesai',
    'how long',
    'duration',
    'last',
    'lasts',
    'months',
    'weeks',
  ],
  deadline: [
    'sampai kapan',
    'deadline',
    'batas pendaftaran',
    'batas daftar',
    'tutup',
    'ditutup',
    'masih buka',
    'masih dibuka',
    'daftar sampai kapan',
    'pendaftaran sampai kapan',
    'closing',
    'close',
    'closes',
    'last day',
    'register until',
  ],
  location: [
    'lokasi',
    'lokasinya',
    'dimana',
    'di mana',
    'tempatnya',
    'alamat',
    'tempat',
    'where',
    'location',
    'located',
    'held',
    'venue',
    'address',
    'place',
  ],
  mode: [
    'online',
    'daring',
    'offline',
    'luring',
    'tatap muka',
    'jarak jauh',
    'dari rumah',
    'zoom',
    'remote',
    'in person',
    'face to face',
  ],
  seats: [
    'kuota',
    'kursi',
    'sisa kursi',
    'sisa kuota',
    'berapa orang',
    'seats',
    'quota',
    'slot',
    'places left',
    'spots',
    'spots left',
    'places',
    'slots',
    'seat',
    'spot',
  ],
  requirements: [
    'syarat',
    'persyaratan',
    'kriteria',
    'ketentuan',
    'requirements',
    'requirement',
    'criteria',
    'conditions',
    'need to join',
  ],
  documents: [
    'dokumen',
    'berkas',
    'documents',
    'papers',
    'document',
    'bring',
    'cv',
    'riwayat hidup',
    'ktp',
    'kartu keluarga',
    'skck',
    'paspor',
    'surat sehat',
    'surat keterangan sehat',
    'pas foto',
  ],
  women: ['perempuan', 'wanita', 'laki-laki', 'laki', 'pria', 'women', 'womens', 'woman', 'men', 'man'],
  disability: [
    'disabilitas',
    'difabel',
    'kursi roda',
    'tuli',
    'tunarungu',
    'tuna rungu',
    'tunanetra',
    'tuna netra',
    'tunadaksa',
    'tuna daksa',
    'berkebutuhan khusus',
    'ramah disabilitas',
    'wheelchair',
    'disability',
    'disabled',
  ],
  age: [
    'umur',
    'usia',
    'batas umur',
    'batas usia',
    'age',
    'age limit',
    'how old',
    'old',
    'age requirement',
    'maximum age',
    'minimum age',
    'years old',
  ],
  education: ['lulusan', 'tamatan', 'pendidikan', 'ijazah'],
  height: ['tinggi', 'tinggi badan', 'tinggiku', 'height', 'tall'],
};

const ATTRIBUTES = new PhraseTable(entriesOf(ATTRIBUTE_WORDS));

const GENDER_WORDS: Readonly<Record<string, Gender>> = {
  perempuan: 'perempuan',
  wanita: 'perempuan',
  women: 'perempuan',
  woman: 'perempuan',
  'laki-laki': 'laki_laki',
  laki: 'laki_laki',
  pria: 'laki_laki',
  men: 'laki_laki',
  man: 'laki_laki',
};

/** Words that only frame a question about the programme in view. */
const GLUE = new Set(
  `ada apa berapa kapan dimana mana bisa boleh dapat dapet kan tidak enggak gak ga nggak ya iya apakah adakah
  disediakan ditanggung diberi dikasih dikasi kasih tersedia sediakan termasuk sudah masih atau dan sama serta
  juga terus habis setelah sesudah itu ini program pelatihan magang kursus kelas training nya yang pakai ikut
  daftar mendaftar pendaftaran kerja bekerja orang berapaan per bulan minggu hari tahun tahunnya
  yes no is there any does do it this have has get will be paid how much what when where can i join apply
  saya aku gue gw kalau kalo jika buat untuk bagi punya sih kah diadakan dilaksanakan berlangsung selama
  disini sini tuh mulai lagi cuma hanya aja saja harus wajib perlu apa saja max maks maksimal minimal min batas
  they provide provided a an there offer offered include included still left at the end after with should
  which to does will me my are be anything any limit is of for in on course courses internship
  apprenticeship training's its help bentar sebentar btw eh oh oiya oh iya
  tanya mau nanya nanya dulu emang memang beneran bener benar wait first whats what's okay ok so hmm actually
  quick question`.split(/\s+/),
);

/** Words that ask for other programmes: "yang lain", "cari yang ada asrama". */
const ELSEWHERE = new Set([
  'lain',
  'lainnya',
  'selain',
  'cari',
  'carikan',
  'mencari',
  'tampilkan',
  'lowongan',
  'rekomendasi',
  'list',
  'other',
  'others',
  'another',
  'find',
  'search',
]);

/** Intents that are never a question about the card, whatever words they use. */
const NOT_QUESTIONS = new Set<Intent>([
  'privacy_delete',
  'privacy_export',
  'stop',
  'resume',
  'handoff',
  'language',
  'cancel',
  'status',
  'subscribe',
  'greeting',
  'thanks',
  'menu',
  'back',
  'next',
  'prev',
]);

/** Kind words point at the programme in view only with "ini/itu/-nya": "pelatihannya berapa bulan". */
const KIND_WORDS = new Set(['pelatihan', 'program', 'magang', 'kursus', 'kelas', 'training', 'sertifikasi']);
const POINTERS = new Set(['ini', 'itu', 'tersebut', 'nya', 'the', 'this']);

const AGE_WORDS = new Set(['umur', 'usia', 'age']);
const YEARS = new Set(['tahun', 'thn', 'th', 'years', 'year', 'yo']);

/**
 * The question asked of the programme in view, or undefined when the message is something else (a new
 * search, a command, small talk). Only meaningful while a programme card is on screen.
 */
export function cardQuestion(text: string): CardQuestion | undefined {
  const message = normalizeMessage(text);
  if (message.command) return undefined;
  const u = understand(text);
  if (NOT_QUESTIONS.has(u.intent)) return undefined;
  const s = u.slots;
  if (s.fields?.length || s.country || s.province || s.regency || s.ordinal !== undefined) return undefined;
  const { tokens } = message;
  const pointed = message.definite || tokens.some((w) => POINTERS.has(w));
  if (s.kind && !pointed) return undefined;

  const attributes: CardAttribute[] = [];
  const add = (a: CardAttribute) => {
    if (!attributes.includes(a)) attributes.push(a);
  };
  const used = tokens.map(() => false);
  const out: CardQuestion = { attributes };
  for (const hit of ATTRIBUTES.scan(tokens)) {
    for (let i = hit.start; i < hit.end; i++) used[i] = true;
    const word = tokens.slice(hit.start, hit.end).join(' ');
    if (hit.value === 'women') out.gender ??= GENDER_WORDS[word];
    add(hit.value);
  }
  // "umur 27", "27 tahun", "usia 30an": the number is the person's age.
  tokens.forEach((w, i) => {
    const n = /^(\d{1,2})(an)?$/.exec(w);
    if (!n) return;
    if (AGE_WORDS.has(tokens[i - 1] ?? '') || YEARS.has(tokens[i + 1] ?? '')) {
      out.age = Number(n[1]);
      used[i] = true;
      if (YEARS.has(tokens[i + 1] ?? '')) used[i + 1] = true;
      add('age');
    }
  });
  if (s.education) {
    out.education = s.education;
    add('education');
    // The level's own words ("smp", "sma", "s1") are the slot's; mark them used.
    tokens.forEach((w, i) => {
      if (/^(sd|smp|sma|smk|ma|d[1-4]|s[1-3]|sltp|slta|stm|mts|paket)$/.test(w)) used[i] = true;
    });
  }
  if (attributes.length === 0) return undefined;
  // "cari yang ada asrama" asks for other programmes; "will they help me find a job after" does not.
  if (tokens.some((w, i) => ELSEWHERE.has(w) && !used[i])) return undefined;
  // "yang gratis", "yg ada asrama": narrowing the list, not a question about this one.
  const core = tokens.filter((w) => !FILLERS.has(w));
  const personal = out.age !== undefined || out.gender || out.education || attributes.includes('disability');
  if (core[0] === 'yang' && !personal) return undefined;
  const unexplained = tokens.some(
    (w, i) =>
      !used[i] &&
      !FILLERS.has(w) &&
      !GLUE.has(w) &&
      !KIND_WORDS.has(w) &&
      !(STOPWORDS.has(w) && !ELSEWHERE.has(w)) &&
      !/^\d+$/.test(w),
  );
  return unexplained ? undefined : out;
}

/** What asks whether one may join, or what it takes (the others ask about a programme's facts). */
export const REQUIREMENT_ATTRIBUTES: ReadonlySet<CardAttribute> = new Set<CardAttribute>([
  'requirements',
  'documents',
  'age',
  'education',
  'women',
  'height',
]);

/** "tinggiku 158", "tinggi aku 1,70 m", "170an cm", "seratus tujuh puluh": a height in cm. */
export function statedHeight(text: string): number | undefined {
  const lower = numberWordsToDigits(text.toLowerCase());
  const m =
    /\b(?:tinggi(?:ku| badan| aku| saya| gue)?|tb|height|i'?m)\D{0,10}?(\d{1,3}(?:[.,]\d{1,2})?)(?:-?an)?\s*(cm|m|meter)?\b/.exec(
      lower,
    ) ?? /\b(\d{3}|1[.,]\d{1,2})(?:-?an)?\s*(cm|m)\b/.exec(lower);
  if (!m) return undefined;
  let value = Number(m[1]!.replace(',', '.'));
  if (m[2] === 'm' || m[2] === 'meter' || value < 3) value *= 100;
  value = Math.round(value);
  // "i'm 23" is an age; a height is between a child's and a giant's (17 is kept: it is corrected later).
  if (m[2] === undefined && /i'?m/.test(m[0]) && value < 100) return undefined;
  return value >= 10 && value <= 250 ? value : undefined;
}
const personal_ = (q: CardQuestion) =>
  q.age !== undefined || q.gender !== undefined || q.education !== undefined || q.height !== undefined;

/** The shape of a question about joining: "bisa?", "boleh ikut?", "syaratnya apa", "can I". */
const MAY_I =
  /\?|\b(bisa|bisakah|boleh|bolehkah|apakah|apa|gimana|bagaimana|masih|diterima|lolos|memenuhi|can|could|eligible|allowed|qualify)\b/;
/** Asking whether they may join, in so many words (not just a question mark or "apa"). */
const MAY_I_STRICT =
  /\b(bisa|bisakah|boleh|bolehkah|masih|diterima|lolos|memenuhi|can|could|eligible|allowed|qualify)\b/;
/** Asking whether (which) programmes exist: "ada …", "adakah", "apa aja", "is there". */
const EXISTS = /\b(ada|adakah|apa aja|apa saja|is there|are there|any)\b/;

/**
 * A question about what a programme asks of people, wherever it is asked and whatever else the message
 * names ("syarat magang jepang apa aja?", "umur 30 bisa ikut ausbildung jerman?", "lulusan smp bisa
 * ikut?", "ga usah deh, kasih tau syaratnya aja dulu"): the attributes asked and the person's own values.
 * The programmes it is about come from the rest of the message or from what is on screen.
 */
export function requirementQuestion(text: string): CardQuestion | undefined {
  const message = normalizeMessage(text);
  if (message.command) return undefined;
  const u = understand(text);
  if (NOT_QUESTIONS.has(u.intent) && u.intent !== 'match') return undefined;
  const { tokens } = message;
  const out: CardQuestion = { attributes: [] };
  const add = (a: CardAttribute) => {
    if (!out.attributes.includes(a)) out.attributes.push(a);
  };
  for (const hit of ATTRIBUTES.scan(tokens)) {
    if (!REQUIREMENT_ATTRIBUTES.has(hit.value)) continue;
    const word = tokens.slice(hit.start, hit.end).join(' ');
    if (hit.value === 'women') {
      out.gender ??= GENDER_WORDS[word];
      if (!out.gender) continue;
    }
    add(hit.value);
  }
  const height =
    out.attributes.includes('height') || /\b\d{2,3}\s*cm\b/.test(text.toLowerCase())
      ? statedHeight(text)
      : undefined;
  if (height !== undefined) {
    out.height = height;
    add('height');
  } else out.attributes = out.attributes.filter((a) => a !== 'height');
  const facts = u.slots.facts;
  if (facts?.age !== undefined) {
    out.age = facts.age;
    add('age');
  }
  if (facts?.gender) {
    out.gender = facts.gender;
    add('women');
  }
  const education = facts?.education ?? u.slots.education;
  if (education) {
    out.education = education;
    add('education');
  }
  const asksRules = out.attributes.includes('requirements') || out.attributes.includes('documents');
  const personal =
    out.age !== undefined ||
    out.gender !== undefined ||
    out.education !== undefined ||
    out.height !== undefined;
  if (asksRules) return out;
  // "what is the age limit for the korea program?", "batas umurnya berapa": the rule itself is asked.
  const joinedRules = tokens.join(' ');
  if (
    out.attributes.length &&
    !personal_(out) &&
    /\b(limit|batas|maximum|minimum|maksimal|minimal|max|min|berapa|what|how old|how tall)\b/.test(
      joinedRules,
    )
  )
    return out;
  // A value of the person's own is a question only in the shape of one ("umur 30 bisa?"), not a
  // search narrowed by it ("aku cowok 24 cari magang").
  // "ada pelatihan di jakarta? aku lulusan sd" asks which programmes exist: a search narrowed by it.
  const joined = tokens.join(' ');
  if (personal && EXISTS.test(joined) && !MAY_I_STRICT.test(joined)) return undefined;
  if (personal && (MAY_I.test(joined) || text.includes('?'))) return out;
  // A height said is only ever said to know whether it is enough.
  if (out.height !== undefined) return out;
  return undefined;
}

/** A question word that asks about a programme's facts, not whether programmes exist. */
const ASKS_FACT =
  /\b(how long|how much|whats|what's|what is the|what are the|what time|when does|when do|when is|where is|where's|is the|are the|does the|do the|berapa|kapan|dimana|di mana|nanya|tanya|bertanya|menanyakan|mau tau|mau tahu|pengen tau|ingin tahu|ask about|asking about)\b/;
/** "sa ada anak kecil", "aku ada tato": what the person has, not whether programmes exist. */
const HAS_OWN =
  /\b(aku|saya|sa|kami|kita|gue|gua|ane|beta|ulun|awak|i) (juga |masih |sudah )?(ada|punya|have|has)\b/g;
/**
 * "is there a monthly allowance for the Karawang factory apprenticeship?": asked of a programme named
 * with "the", it is a fact of that programme, not whether such programmes exist.
 */
const OF_THE = /\b(is there|are there)\b.+\b(for|in|at|on|of) the\b/;
/** What a programme's record answers, asked together with a search ("how long is the cnc course"). */
const FACTS: ReadonlySet<CardAttribute> = new Set<CardAttribute>([
  'seats',
  'stipend',
  'dormitory',
  'meals',
  'transport',
  'cost',
  'starts',
  'duration',
  'deadline',
  'location',
  'certificate',
  'bpjs',
]);

/**
 * A question about the facts of the programmes a message names ("how long is the cnc course in
 * semarang", "whats the stipend for the pekalongan batik course", "magang jepang pertanian kapan
 * berangkatnya?"): answered from their records above the list. Only in the shape of a question about a
 * fact: "dimana ada pelatihan las" asks which programmes exist.
 */
export function programmeQuestion(text: string): CardQuestion | undefined {
  const message = normalizeMessage(text);
  if (message.command) return undefined;
  const joined = message.tokens.join(' ');
  const ofThe = OF_THE.test(text.toLowerCase());
  if (!ASKS_FACT.test(joined) && !ASKS_FACT.test(text.toLowerCase()) && !ofThe) return undefined;
  if (EXISTS.test(joined.replace(HAS_OWN, ' ')) && !ofThe) return undefined;
  const out: CardQuestion = { attributes: [] };
  for (const hit of ATTRIBUTES.scan(message.tokens))
    if (FACTS.has(hit.value) && !out.attributes.includes(hit.value)) out.attributes.push(hit.value);
  return out.attributes.length ? out : undefined;
}
