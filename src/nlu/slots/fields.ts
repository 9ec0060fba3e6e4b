/**
 * Kejuruan named in a message — by the field's own words ("las", "komputer"), its topics ("barista",
 * "hidroponik") or the work people name ("benerin hp", "nyupir bus", "jadi koki"): the lexicons in
 * ../lexicons (fields.json, jobs.json). A topic also yields the words that find programmes about it by
 * their title and summary, so "kopi" finds a coffee-farming course filed under pertanian.
 */
import type { Field } from '../../shared/vocabulary';
import { claim, type Reading } from '../context';
import { AMBIGUOUS_WORDS, CONCEPTS, type Concept, WORK_VERBS } from '../lexicons';
import { PhraseTable } from '../phrases';

export const FIELD_TABLE = new PhraseTable<Concept>(CONCEPTS);

// "it" is English for "it" far more often than the field; only IT in capitals or after a word that
// announces a field counts.
const IT_BEFORE = new Set([
  'pelatihan',
  'kursus',
  'training',
  'magang',
  'bidang',
  'jurusan',
  'anak',
  'dunia',
  'kerja',
  'belajar',
  'program',
  'sertifikasi',
  'kelas',
  'course',
  'teknisi',
  'staff',
  'staf',
  'lulusan',
]);
const LEARNING = new Set([
  'kursus',
  'pelatihan',
  'belajar',
  'les',
  'kelas',
  'training',
  'sertifikat',
  'tes',
  'ujian',
]);
const IT_AFTER = new Set(['support', 'helpdesk', 'programmer', 'network']);

/**
 * Words that make a message about work or training, so "admin" or "customer service" in it is a job
 * and not a request to talk to one.
 */
const WORK_CONTEXT = new Set([
  'pelatihan',
  'kursus',
  'magang',
  'pemagangan',
  'training',
  'lowongan',
  'loker',
  'kerja',
  'bekerja',
  'jadi',
  'menjadi',
  'sebagai',
  'sertifikasi',
  'sertifikat',
  'belajar',
  'profesi',
  'posisi',
  'karir',
  'karier',
  'bidang',
  'skill',
  'keahlian',
  'kelas',
  'les',
  'uji',
  'kompetensi',
  'bootcamp',
  'diklat',
  'lpk',
  'blk',
  'job',
  'career',
  'internship',
]);

/** "kursus mandarin buat kerja di hotel": what comes after these is the purpose, not a second subject. */
const PURPOSE = new Set(['buat', 'untuk', 'biar', 'supaya', 'agar', 'persiapan', 'bekal', 'demi']);
/** "tour guide, bisa bahasa inggris": a skill the person has, not a second subject. */
const ABILITY = new Set(['bisa', 'jago', 'lancar', 'fasih', 'menguasai', 'paham', 'ngerti', 'mengerti']);
/** "aku karyawan pabrik …, pengen belajar excel": the work someone does now is not what they look for. */
const CURRENT_JOB = new Set(['karyawan', 'buruh', 'pegawai', 'kerja', 'bekerja', 'punya']);
const NOW = new Set(['sudah', 'sekarang', 'masih', 'sedang']);
/** Words of a work phrase that are not its object: "kerja di pabrik" is said as "pabrik" in a title. */
const NOT_OBJECT = new Set(['kerja', 'bekerja', 'di', 'ke', 'jadi', 'menjadi', 'sebagai', 'yang']);
/** Words before a field that make it what the person studied: "smk akuntansi", "jurusan tkj". */
const STUDIED = new Set([
  'sma',
  'smk',
  'stm',
  'smea',
  'ma',
  'd1',
  'd2',
  'd3',
  'd4',
  's1',
  's2',
  'sarjana',
  'jurusan',
  'lulusan',
  'prodi',
  'kuliah',
]);

/** Words that may stand beside the work someone does: "aku", "cuma", "sebagai". */
const SELF = new Set(['saya', 'cuma', 'hanya', 'sebagai', 'jadi', 'seorang', 'sekarang', 'masih', 'sudah']);
const EITHER = new Set(['atau', 'dan', 'sama', 'ato', 'or', 'and', 'maupun']);
/** "sambil ngurus anak": a circumstance, not a subject. */
const WHILE = new Set(['sambil', 'sembari', 'sekalian']);
/**
 * Whose work a trade word names when it follows one of these: "anak petani", "bapak nelayan", "bokap
 * nelayan", "keluarga nelayan" — the person's background, not what they are looking for. So is the work
 * after "shift" ("abis shift pabrik": when they are free).
 */
const BACKGROUND_OF = new Set([
  'anak',
  'bapak',
  'ayah',
  'bapa',
  'ibu',
  'mama',
  'mamak',
  'papa',
  'bokap',
  'nyokap',
  'keluarga',
  'suami',
  'istri',
  'kakak',
  'abang',
  'adik',
  'kakek',
  'nenek',
  'tua',
  'shift',
]);

/** A test the person has passed, with its score or level: "ielts 6.5", "jlpt n4", "N5", "toefl 500". */
const TEST_SCORE = /^(ielts|toefl|toeic|jlpt|topik|eps topik|n[1-5])$/;

function scoreHeld(tokens: readonly string[], hit: FieldHit): boolean {
  if (!TEST_SCORE.test(hit.said)) return false;
  return /^n[1-5]$/.test(hit.said) || /^(\d|n[1-5]$|level)/.test(tokens[hit.end] ?? '');
}

/** "anak petani", "bapak saya nelayan", "orang tua petani": the family's work. */
function background(tokens: readonly string[], start: number): boolean {
  const before = tokens[start - 1] ?? '';
  if (before === 'tua') return tokens[start - 2] === 'orang';
  if (BACKGROUND_OF.has(before)) return true;
  return before === 'saya' && BACKGROUND_OF.has(tokens[start - 2] ?? '') && tokens[start - 2] !== 'shift';
}

const WISH = new Set([
  'ingin',
  'mau',
  'pengen',
  'pingin',
  'hoyong',
  'nio',
  'arep',
  'butuh',
  'cari',
  'minat',
  'tertarik',
]);

export interface FieldHit {
  start: number;
  end: number;
  concept: Concept;
  /** The words as said ("barista"). */
  said: string;
}

export interface FieldReading extends CollectedFields {
  /** Each field phrase that counts, where it stood. */
  hits: FieldHit[];
  /**
   * Where the part of the message about the person's present situation ends ("aku kerja di pabrik
   * sepatu tangerang, | pengen sertifikat jahit"): a place in it is where they are, not where to look.
   */
  situationEnd?: number;
}

export interface CollectedFields {
  fields: Field[];
  /**
   * Topics named, each as the words said first and then the topic's other words ("barista", "kopi",
   * "coffee"): a programme saying what was said comes before one saying only a synonym.
   */
  topics: string[][];
  /** Words that named a whole field ("komputer", "las"): a title saying one is found in another field too. */
  fieldWords: string[];
  /** Topics as wide as their field ("pabrik"): the programmes that say one come first, the others stay. */
  broad: string[][];
}

/** The fields, topic word groups and field words of some hits, each once, in order. */
export function collectFields(hits: readonly FieldHit[]): CollectedFields {
  // A phrase of several fields ("kopi": tata boga, pertanian) is the one another phrase names too
  // ("barista kopi" is tata boga).
  const named = new Set(hits.filter((h) => h.concept.fields.length === 1).map((h) => h.concept.fields[0]!));
  const fieldsOf = (hit: FieldHit) => {
    const shared = hit.concept.fields.filter((f) => named.has(f));
    return hit.concept.fields.length > 1 && shared.length ? shared : hit.concept.fields;
  };
  const fields: Field[] = [];
  const topics: string[][] = [];
  const seenTopics: string[] = [];
  const fieldWords: string[] = [];
  const broad: string[][] = [];
  for (const hit of hits) {
    for (const f of fieldsOf(hit)) if (!fields.includes(f)) fields.push(f);
    const find = hit.concept.find;
    const key = find.join('|');
    if (hit.concept.broad) {
      if (!seenTopics.includes(key)) {
        seenTopics.push(key);
        broad.push(find.filter((w) => !AMBIGUOUS_WORDS.has(w)));
        for (const w of [hit.said, ...find])
          if (!fieldWords.includes(w) && !AMBIGUOUS_WORDS.has(w)) fieldWords.push(w);
      }
    } else if (find.length && !seenTopics.includes(key)) {
      seenTopics.push(key);
      // "benerin motor injeksi" is said as "motor injeksi" in a title; a word another field also uses
      // ("desain") finds only through what was said.
      const object = hit.said
        .split(' ')
        .filter((w) => !WORK_VERBS.has(w) && !NOT_OBJECT.has(w))
        .join(' ');
      const plain = object || hit.said;
      // A word several fields use stands for the topic it was read as ("desain" → "desain grafis").
      const said = AMBIGUOUS_WORDS.has(plain) ? find[0]! : plain;
      topics.push([said, ...find.filter((w) => w !== said && !AMBIGUOUS_WORDS.has(w))]);
    } else if (!find.length && hit.concept.fields.length && !fieldWords.includes(hit.said))
      fieldWords.push(hit.said);
  }
  return { fields, topics, fieldWords, broad };
}

/** A word of purpose or ability between the previous subject and this one. */
export function purposeBefore(tokens: readonly string[], start: number, from: number): boolean {
  return tokens.slice(from, start).some((w) => PURPOSE.has(w) || ABILITY.has(w));
}

function aboutWork(tokens: readonly string[]): boolean {
  return tokens.some((w) => WORK_CONTEXT.has(w));
}

/**
 * The hits that say what the person does or has now ("aku karyawan pabrik", "duwe usaha keripik"),
 * when they go on to say what they want instead ("…, pengen belajar excel").
 */
function currentJob(tokens: readonly string[], hits: FieldHit[]): { dropped: Set<FieldHit>; end?: number } {
  const dropped = new Set<FieldHit>();
  const wishAt = tokens.findIndex((w, i) => WISH.has(w) && hits.some((h) => h.start > i));
  if (wishAt < 0) return { dropped };
  const clause = tokens.slice(0, wishAt);
  const before = hits.filter((h) => h.end <= wishAt);
  // "operator produksi pengen belajar plc": a message that opens with the work itself.
  const onlyWork = clause.every(
    (w, i) => before.some((h) => i >= h.start && i < h.end) || SELF.has(w) || w === 'saya',
  );
  if (!onlyWork && !clause.some((w) => CURRENT_JOB.has(w) || NOW.has(w))) return { dropped };
  const wanted = hits.filter((h) => h.start > wishAt && h.concept.fields.length > 0);
  if (wanted.length === 0) return { dropped };
  for (const hit of before) dropped.add(hit);
  return { dropped, end: wishAt };
}

export function extractFields(r: Reading): FieldReading {
  const hits: FieldHit[] = [];
  const work = aboutWork(r.tokens);
  for (let i = 0; i < r.tokens.length; i++) {
    if (r.claimed[i]) continue;
    if (r.tokens[i] === 'it') {
      if (r.caps[i] || IT_BEFORE.has(r.tokens[i - 1] ?? '') || IT_AFTER.has(r.tokens[i + 1] ?? '')) {
        hits.push({
          start: i,
          end: i + 1,
          concept: { fields: ['tik'], find: [], context: false },
          said: 'it',
        });
        claim(r, i, i + 1);
      }
      continue;
    }
    const hit = FIELD_TABLE.matchAt(r.tokens, i, r.claimed);
    // "bahasa jepang atau korea": the second is a language too.
    const last = hits.at(-1);
    if (
      last?.said.startsWith('bahasa ') &&
      last.end === i - 1 &&
      EITHER.has(r.tokens[i - 1]!) &&
      FIELD_TABLE.matchAt([`bahasa`, r.tokens[i]!], 0)
    ) {
      const language = FIELD_TABLE.matchAt(['bahasa', r.tokens[i]!], 0)!;
      hits.push({ start: i, end: i + 1, concept: language.value, said: `bahasa ${r.tokens[i]}` });
      claim(r, i, i + 1);
      continue;
    }
    if (!hit) {
      if (r.tokens[i] === 'bahasa' && LEARNING.has(r.tokens[i - 1] ?? '')) {
        // "kursus bahasa" with no language named is still the language field.
        hits.push({
          start: i,
          end: i + 1,
          concept: { fields: ['bahasa'], find: [], context: false },
          said: 'bahasa',
        });
        claim(r, i, i + 1);
      }
      continue;
    }
    // "mau tanya admin" asks for a person; "lowongan admin" is a job.
    if (hit.value.context && !work) continue;
    hits.push({
      start: hit.start,
      end: hit.end,
      concept: hit.value,
      said: r.tokens.slice(hit.start, hit.end).join(' '),
    });
    claim(r, hit.start, hit.end);
    i = hit.end - 1;
  }

  const situation = currentJob(r.tokens, hits);
  // "smk akuntansi, pengen kerja admin keuangan": what someone studied, when they say what they want.
  const wishAt = r.tokens.findIndex(
    (w, i) => WISH.has(w) && hits.some((h) => h.start > i && h.concept.fields.length),
  );
  if (wishAt >= 0)
    for (const hit of hits)
      if (hit.end <= wishAt && STUDIED.has(r.tokens[hit.start - 1] ?? '')) situation.dropped.add(hit);
  const kept: FieldHit[] = [];
  const family: FieldHit[] = [];
  for (const hit of hits) {
    if (situation.dropped.has(hit)) continue;
    const before = r.tokens.slice(Math.max(0, hit.start - 3), hit.start);
    if (before.slice(-2).some((w) => WHILE.has(w))) continue;
    if (background(r.tokens, hit.start) || scoreHeld(r.tokens, hit)) {
      family.push(hit);
      continue;
    }
    // A purpose or a skill after the subject: "kursus mandarin buat kerja di hotel", "tour guide, bisa
    // bahasa inggris" — everything from that word on.
    const earlier = kept.some((h) => h.concept.fields.length > 0);
    if (earlier && purposeBefore(r.tokens, hit.start, kept.at(-1)!.end)) continue;
    kept.push(hit);
  }
  // The family's work (or a test passed) is the subject only when nothing else is ("anak petani kakao,
  // sa di keerom").
  if (family.length && !kept.some((h) => h.concept.fields.length))
    kept.push(...family.filter((h) => r.tokens[h.start - 1] !== 'shift'));
  kept.sort((a, b) => a.start - b.start);
  const out: FieldReading = { ...collectFields(kept), hits: kept };
  if (situation.end !== undefined) out.situationEnd = situation.end;
  return out;
}
