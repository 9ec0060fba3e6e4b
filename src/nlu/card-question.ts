/**
 * Questions about the programme on screen: "ada uang saku sama asrama gak?", "umur 27 bisa?". Outside a
 * card these words are a search with conditions; on a card they ask about that programme, as long as
 * nothing else is named (a kind, field, country, place or other subject means a new search).
 */
import type { EducationLevel, Gender } from '../catalogue/vocabulary';
import { FILLERS } from './intent';
import { normalizeMessage } from './normalize';
import { entriesOf, PhraseTable } from './phrases';
import { type Intent, understand } from './understand';
import { STOPWORDS } from './words';

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
  documents: ['dokumen', 'berkas', 'documents', 'papers', 'document', 'bring'],
  women: ['perempuan', 'wanita', 'laki-laki', 'laki', 'pria', 'women', 'woman', 'men', 'man'],
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
  apprenticeship training's its help`.split(/\s+/),
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
