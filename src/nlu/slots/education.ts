/** The education level a person says they have ("lulusan smp", "tamat SMA", "S1", "D3"). */
import { EDUCATION_LEVELS, type EducationLevel } from '../../shared/vocabulary';
import { claim, type Reading } from '../context';
import { PhraseTable } from '../phrases';

const LEVEL_WORDS: Readonly<Record<EducationLevel, readonly string[]>> = {
  SD: ['sd', 'paket a', 'sekolah dasar', 'mi'],
  SMP: [
    'smp',
    'mts',
    'sltp',
    'paket b',
    'smp sederajat',
    'junior high',
    'junior high school',
    'middle school',
  ],
  SMA: [
    'sma',
    'smk',
    'ma',
    'slta',
    'smu',
    'stm',
    'smea',
    'paket c',
    'sma sederajat',
    'smk sederajat',
    'high school',
    'senior high',
    'senior high school',
    'vocational high school',
    'vocational school',
  ],
  D1: ['d1', 'diploma 1', 'diploma satu'],
  D2: ['d2', 'diploma 2', 'diploma dua'],
  D3: ['d3', 'diploma 3', 'diploma tiga'],
  S1: ['s1', 'd4', 'sarjana', 'diploma 4', 'bachelor', 'strata 1'],
  S2: ['s2', 'magister', 'master'],
  S3: ['s3', 'doktor'],
};

export const EDUCATION_TABLE = new PhraseTable(
  (Object.keys(LEVEL_WORDS) as EducationLevel[]).flatMap((level) =>
    LEVEL_WORDS[level].map((w) => [w, level] as const),
  ),
);

/** Words that make a level what someone completed. */
const COMPLETED = new Set([
  'lulusan',
  'lulus',
  'tamat',
  'tamatan',
  'ijazah',
  'alumni',
  'alumnus',
  'pendidikan',
  'graduate',
  'graduated',
  'finished',
  'completed',
]);
/** English verbs of having completed a level, read with it. */
const SAID_COMPLETED_EN = new Set(['graduate', 'graduated', 'finished', 'completed']);
/** Words that make it where someone still is: "masih SMA" has not completed SMA. */
const ONGOING = new Set(['masih', 'sedang', 'lagi', 'kelas', 'semester', 'murid', 'siswa', 'siswi']);
const NOT_COMPLETED = new Set(['tidak', 'belum', 'gagal', 'putus']);
/** "tidak lulus SMA": the verbs a negation can go with ("ga? lulusan sma" is a question, then a fact). */
const COMPLETED_VERBS = new Set(['lulus', 'tamat', 'selesai', 'menyelesaikan', 'sampai']);
/** Words between a negation and the level: "tidak punya ijazah SMA", "belum pernah tamat SMA". */
const NEGATION_BRIDGE = new Set(['punya', 'ada', 'pegang', 'megang', 'pernah', 'ijazah', ...COMPLETED_VERBS]);
/** "cuma SMP", "hanya lulusan SD": the level someone actually has, whatever was named before it. */
const ONLY = new Set(['cuma', 'hanya', 'cuman', 'only', 'just']);
/** Short tokens that are only a level after a word saying so ("ma", "mi" are also words). */
const NEEDS_CONTEXT = new Set(['ma', 'mi']);

/** Where someone still is: said about eligibility, never a search word. */
const STILL_STUDYING = new PhraseTable(
  [
    'masih sekolah',
    'masih kuliah',
    'sedang kuliah',
    'lagi kuliah',
    'masih mahasiswa',
    'masih pelajar',
    'masih siswa',
  ].map((p) => [p, true] as const),
);

/** What the message says of education: the slot as before, and what the person has completed. */
export interface EducationReading {
  /** The level named as a search condition or as the person's own ("lulusan smp"). */
  level?: EducationLevel;
  /** The level the person has completed: "masih SMA" has completed SMP, "tidak lulus SMA" too. */
  completed?: EducationLevel;
  /** Where each level named ends: a major may follow ("smk otomotif"). */
  levelEnds: number[];
}

const ORDER = EDUCATION_LEVELS;

function below(level: EducationLevel): EducationLevel | undefined {
  // Diplomas and degrees all stand on SMA.
  if (level === 'D1' || level === 'D2' || level === 'D3' || level === 'S1') return 'SMA';
  const i = ORDER.indexOf(level);
  return i > 0 ? ORDER[i - 1] : undefined;
}

/** "masih kuliah" has completed SMA. */
const STILL_AT: Readonly<Record<string, EducationLevel>> = { kuliah: 'SMA', mahasiswa: 'SMA' };

/** Words for the person's child: a school level said after them is the child's. */
const CHILD = new Set(['anakku', 'anaknya', 'anakny', 'putraku', 'putriku', 'bocil']);
/** "anak udh sd", "anak masih smp": a child's stage, said of them. */
const STAGE_WORDS = new Set(['udh', 'udah', 'sudah', 'sdh', 'masih', 'baru', 'lagi', 'dah']);

export function readEducation(r: Reading): EducationReading {
  const out: EducationReading = { levelEnds: [] };
  for (const hit of STILL_STUDYING.scan(r.tokens, r.claimed)) {
    claim(r, hit.start, hit.end);
    const said = r.tokens[hit.start - 1] ?? '';
    if (CHILD.has(said) || said === 'anak') continue;
    out.completed ??= STILL_AT[r.tokens[hit.end - 1]!];
  }
  r.tokens.forEach((w, i) => {
    // "kelas 12" is a school year.
    if (w === 'kelas' && /^\d{1,2}$/.test(r.tokens[i + 1] ?? '')) claim(r, i, i + 2);
  });
  let fallback: EducationLevel | undefined;
  for (let i = 0; i < r.tokens.length; i++) {
    if (r.claimed[i]) continue;
    const hit = EDUCATION_TABLE.matchAt(r.tokens, i, r.claimed);
    if (!hit) continue;
    const before = r.tokens.slice(Math.max(0, i - 2), i);
    const completed = before.some((w) => COMPLETED.has(w));
    if (NEEDS_CONTEXT.has(r.tokens[i]!) && hit.end === i + 1 && !completed) continue;
    // "sd" is also "s/d" (until) between two dates or numbers.
    if (r.tokens[i] === 'sd' && /^\d/.test(r.tokens[i + 1] ?? '') && /^\d/.test(r.tokens[i - 1] ?? ''))
      continue;
    // "anak udh sd", "anakku masih smp": the child's school, not the person's.
    // ("aku anak smk" is the person: "anak" right before the level, with no "-ku"/"-nya", is themselves.)
    const child = CHILD.has(before[1] ?? '') || (before[0] === 'anak' && STAGE_WORDS.has(before[1] ?? ''));
    if (child) {
      claim(r, hit.start, hit.end);
      i = hit.end - 1;
      continue;
    }
    claim(r, hit.start, hit.end);
    // "I finished high school", "graduated from SMK": the English verb is part of the fact, not a word
    // to search for (Indonesian "lulusan", "tamat" are stopwords already).
    for (let k = i - 1; k >= Math.max(0, i - 2); k--)
      if (SAID_COMPLETED_EN.has(r.tokens[k]!) || (r.tokens[k] === 'from' && k === i - 1)) claim(r, k, k + 1);
      else break;
    out.levelEnds.push(hit.end);
    // "tidak lulus SMA" says what someone has not completed.
    // Only right before the level or its verb: the "ga" of "bisa ga? lulusan sma" is a question.
    const notCompleted = negatedBefore(r.tokens, i) || negatedAfter(r.tokens, hit.end);
    if (notCompleted || (!completed && before.some((w) => ONGOING.has(w)))) {
      fallback ??= below(hit.value);
      i = hit.end - 1;
      continue;
    }
    // "tidak punya ijazah SMA, cuma SMP": the level after "cuma" is what the person has.
    const only = before.some((w) => ONLY.has(w));
    if (only && out.level) {
      out.level = hit.value;
      out.completed = hit.value;
      fallback = undefined;
    }
    if (!out.level) {
      out.level = hit.value;
      out.completed = hit.value;
    }
    i = hit.end - 1;
  }
  out.completed ??= fallback;
  return out;
}

/**
 * "tidak lulus SMA", "tidak punya ijazah SMA", "belum pernah tamat SMA": a negation right before the
 * level, or before it through words that say having or finishing it. Only those words: the "ga" of
 * "bisa ga? lulusan sma" is a question, and "lulusan" is not one of them.
 */
function negatedBefore(tokens: readonly string[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    const w = tokens[k]!;
    if (NOT_COMPLETED.has(w)) return k === at - 1 || NEGATION_BRIDGE.has(tokens[k + 1]!);
    if (!NEGATION_BRIDGE.has(w)) return false;
  }
  return false;
}

/**
 * "SMA tidak lulus", "smk gak tamat": the negation right after the level, with its verb — unless
 * another level follows ("lulusan SMP, tidak sampai SMA" is about SMA).
 */
function negatedAfter(tokens: readonly string[], end: number): boolean {
  return (
    NOT_COMPLETED.has(tokens[end] ?? '') &&
    COMPLETED_VERBS.has(tokens[end + 1] ?? '') &&
    !EDUCATION_TABLE.matchAt(tokens, end + 2)
  );
}

export function extractEducation(r: Reading): EducationLevel | undefined {
  return readEducation(r).level;
}
