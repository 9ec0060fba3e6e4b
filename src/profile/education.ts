/**
 * Highest education completed, from how people say it: "SMA", "smk", "aliyah", "tamat SMP",
 * "lulusan S1", "D-III", "sarjana", "kuliah belum lulus", "kelas 12", "S1 jurusan Teknik Sipil".
 * Someone still at a level has completed the one below it; the answer then also says what they do now.
 */

import { closest } from '../shared/text/distance';
import { normaliseText } from '../shared/text/normalise';
import { type ActivityStatus, EDUCATION_LEVELS, type EducationLevel } from '../shared/vocabulary';
import { fail, ok, type ParseResult } from './result';

export interface EducationAnswer {
  level: EducationLevel;
  /** The equivalent the person named, when it differs from the level: SMK, MA, D4, Paket C… */
  variant?: string;
  major?: string;
  /** What the person does now, when the answer says so ("kuliah belum lulus" → mahasiswa). */
  activityHint?: ActivityStatus;
}

/** "Kuliah" without a level: some diploma or degree. */
type Mentioned = EducationLevel | 'college';

const WORDS: Record<string, { level: Mentioned; variant?: string }> = {
  sd: { level: 'SD' },
  mi: { level: 'SD', variant: 'MI' },
  ibtidaiyah: { level: 'SD', variant: 'MI' },
  paketa: { level: 'SD', variant: 'Paket A' },
  smp: { level: 'SMP' },
  sltp: { level: 'SMP' },
  mts: { level: 'SMP', variant: 'MTs' },
  tsanawiyah: { level: 'SMP', variant: 'MTs' },
  paketb: { level: 'SMP', variant: 'Paket B' },
  sma: { level: 'SMA' },
  smu: { level: 'SMA' },
  slta: { level: 'SMA' },
  smk: { level: 'SMA', variant: 'SMK' },
  stm: { level: 'SMA', variant: 'SMK' },
  smea: { level: 'SMA', variant: 'SMK' },
  mak: { level: 'SMA', variant: 'MAK' },
  ma: { level: 'SMA', variant: 'MA' },
  aliyah: { level: 'SMA', variant: 'MA' },
  paketc: { level: 'SMA', variant: 'Paket C' },
  d1: { level: 'D1' },
  d2: { level: 'D2' },
  d3: { level: 'D3' },
  d4: { level: 'S1', variant: 'D4' },
  s1: { level: 'S1' },
  sarjana: { level: 'S1' },
  bachelor: { level: 'S1' },
  s2: { level: 'S2' },
  magister: { level: 'S2' },
  master: { level: 'S2' },
  pascasarjana: { level: 'S2' },
  s3: { level: 'S3' },
  doktor: { level: 'S3' },
  doktoral: { level: 'S3' },
  phd: { level: 'S3' },
  kuliah: { level: 'college' },
  mahasiswa: { level: 'college' },
  mahasiswi: { level: 'college' },
  kampus: { level: 'college' },
  universitas: { level: 'college' },
  univ: { level: 'college' },
};
// Long words only: short codes (SMA, SMP, S1) are one typo from each other. "Doktor" is left out: "dokter".
const TYPO_CANDIDATES = [
  'sarjana',
  'aliyah',
  'tsanawiyah',
  'ibtidaiyah',
  'magister',
  'pascasarjana',
  'mahasiswa',
  'universitas',
];

const ROMAN: Record<string, string> = {
  i: '1',
  ii: '2',
  iii: '3',
  iv: '4',
  satu: '1',
  dua: '2',
  tiga: '3',
  empat: '4',
};

/** Rewrites the many spellings of a level into one token each. */
function canonicalSpelling(text: string): string {
  return (
    ` ${text} `
      .replace(/ sekolah dasar /g, ' sd ')
      .replace(/ sekolah menengah pertama /g, ' smp ')
      .replace(/ sekolah menengah (?:atas|umum) /g, ' sma ')
      .replace(/ sekolah menengah kejuruan /g, ' smk ')
      .replace(/ madrasah (aliyah|tsanawiyah|ibtidaiyah) /g, ' $1 ')
      // In English, as some answer: the Indonesian level each is equivalent to.
      .replace(/ (?:vocational|technical) (?:high )?school /g, ' smk ')
      .replace(/ (?:junior high|middle) school /g, ' smp ')
      .replace(/ (?:senior )?high school /g, ' sma ')
      .replace(/ (?:elementary|primary) school /g, ' sd ')
      .replace(/ (?:bachelor s|bachelors|undergraduate) (?:degree )?/g, ' s1 ')
      .replace(/ (?:master s|masters) (?:degree )?/g, ' s2 ')
      .replace(/ sarjana terapan /g, ' d4 ')
      .replace(/ ahli madya /g, ' d3 ')
      .replace(/ paket ([abc]) /g, ' paket$1 ')
      .replace(/ drop out /g, ' dropout ')
      .replace(
        / (?:diploma|d) ?(1|2|3|4|iv|iii|ii|satu|dua|tiga|empat) /g,
        (_, n: string) => ` d${ROMAN[n] ?? n} `,
      )
      .replace(/ diploma i /g, ' d1 ')
      .replace(/ d i /g, ' d1 ')
      .replace(/ (?:strata|s) ?(1|2|3|i|ii|iii|satu|dua|tiga) /g, (_, n: string) => ` s${ROMAN[n] ?? n} `)
      .replace(/ s\.? ?(\d) /g, ' s$1 ')
      .trim()
  );
}

const ATTENDING_BEFORE = new Set(['masih', 'msh', 'sedang', 'sdg', 'lagi', 'lg', 'kelas', 'semester', 'smt']);
const ATTENDING_AFTER = new Set(['semester', 'smt', 'kelas', 'tingkat']);
const FINISHED_BEFORE = new Set([
  'lulus',
  'lulusan',
  'tamat',
  'tamatan',
  'alumni',
  'selesai',
  'sudah',
  'udah',
  'sdh',
]);
const NEGATION = '(?:tidak|tdk|gak|ga|gk|nggak|ngga|enggak|ndak)';
const NOT_YET = '(?:belum|blm|blum)';
const LEFT = '(?:putus|dropout|do|berhenti|keluar)';
/** "SMP tapi tidak lulus". */
const BUT = '(?:(?:tapi|tp|tetapi|namun|cuma|cuman|tapi masih|masih) )?';

type State = 'completed' | 'attending' | 'dropped';

/** Read from the words around a level: "tidak tamat SMA", "SMA belum lulus", "masih kuliah", "SMK kelas 3". */
function stateOf(words: string[], i: number): State {
  const before = words.slice(Math.max(0, i - 2), i);
  const beforeText = before.join(' ');
  const afterText = words.slice(i + 1, i + 4).join(' ');
  if (new RegExp(`(?:${NEGATION} (?:lulus|tamat)|${LEFT}(?: sekolah| kuliah)?)$`).test(beforeText))
    return 'dropped';
  if (new RegExp(`^${BUT}(?:${NEGATION} (?:lulus|tamat|selesai)|${LEFT}\\b)`).test(afterText))
    return 'dropped';
  if (new RegExp(`${NOT_YET} (?:lulus|tamat)$`).test(beforeText)) return 'attending';
  if (new RegExp(`^${BUT}${NOT_YET} (?:lulus|tamat|selesai)`).test(afterText)) return 'attending';
  if (
    before.some((w) => ATTENDING_BEFORE.has(w)) ||
    words.slice(i + 1, i + 3).some((w) => ATTENDING_AFTER.has(w))
  ) {
    return 'attending';
  }
  // "Kuliah" on its own is something one does now; "lulus kuliah" is done.
  if (WORDS[words[i]!]?.level === 'college' && !before.some((w) => FINISHED_BEFORE.has(w)))
    return 'attending';
  return 'completed';
}

/** The level finished by someone still at (or who left) `level`; undefined below SD. */
function levelBelow(level: Mentioned): EducationLevel | undefined {
  switch (level) {
    case 'SD':
      return undefined;
    case 'SMP':
      return 'SD';
    case 'SMA':
      return 'SMP';
    case 'D1':
    case 'D2':
    case 'D3':
    case 'S1':
    case 'college':
      return 'SMA';
    case 'S2':
      return 'S1';
    case 'S3':
      return 'S2';
  }
}

const rank = (level: EducationLevel) => EDUCATION_LEVELS.indexOf(level);

/** "kelas 12" → at SMA; "kelas 8" → at SMP; "kelas 4" → at SD. */
function classLevel(text: string): EducationLevel | undefined {
  const grade = /\bkelas (\d{1,2})\b/.exec(text);
  if (!grade) return undefined;
  const n = Number(grade[1]);
  return n >= 10 && n <= 12 ? 'SMA' : n >= 7 && n <= 9 ? 'SMP' : n >= 1 && n <= 6 ? 'SD' : undefined;
}

const MAJOR = /\b(?:jurusan|jur\.|prodi|program studi|bidang|konsentrasi)\s*[:-]?\s*/i;

/** "SMK jurusan TKJ" → the level part and "TKJ", as typed. */
function splitMajor(raw: string): { levelPart: string; major?: string } {
  const match = MAJOR.exec(raw);
  if (!match) return { levelPart: raw };
  const major = raw
    .slice(match.index + match[0].length)
    .replace(/[.!,;]+$/, '')
    .trim();
  return { levelPart: raw.slice(0, match.index), ...(major ? { major } : {}) };
}

export function parseEducation(raw: string): ParseResult<EducationAnswer> {
  // The major is free text ("Teknik Mesin", "MIPA"): keep its words out of the level search.
  const { levelPart, major } = splitMajor(raw);
  const text = canonicalSpelling(normaliseText(levelPart));
  if (/\b(?:tidak|tdk|gak|ga|belum|blm|nggak) (?:pernah )?sekolah\b|\btidak (?:tamat|lulus) sd\b/.test(text))
    return fail('education.none');

  const words = text.split(' ').filter(Boolean);
  const mentions = words
    .map((word, i) => {
      const known =
        WORDS[word] ?? (word.length >= 5 ? WORDS[closest(word, TYPO_CANDIDATES) ?? ''] : undefined);
      return known ? { ...known, state: stateOf(words, i) } : undefined;
    })
    .filter((m) => m !== undefined);

  const specific = mentions.filter((m) => m.level !== 'college');
  const hasHigher = specific.some((m) => ['D1', 'D2', 'D3', 'S1', 'S2', 'S3'].includes(m.level));
  // "kuliah S1 semester 3": the specific level speaks for "kuliah".
  const considered = hasHigher ? specific : mentions;
  const grade = classLevel(text);
  if (considered.length === 0 && grade) considered.push({ level: grade, state: 'attending' });
  if (considered.length === 0) return fail('education.unknown');

  let best: { level: EducationLevel; variant?: string } | undefined;
  let hint: ActivityStatus | undefined;
  let belowSd = false;
  for (const mention of considered) {
    if (mention.state === 'completed' && mention.level === 'college') return fail('education.which_college');
    const level =
      mention.state === 'completed' ? (mention.level as EducationLevel) : levelBelow(mention.level);
    if (mention.state === 'attending')
      hint = ['SD', 'SMP', 'SMA'].includes(mention.level) ? 'pelajar' : 'mahasiswa';
    if (!level) {
      belowSd = true;
      continue;
    }
    if (!best || rank(level) > rank(best.level)) {
      best = {
        level,
        ...(mention.state === 'completed' && mention.variant ? { variant: mention.variant } : {}),
      };
    }
  }
  if (!best) return belowSd ? fail('education.none') : fail('education.unknown');
  return ok({ ...best, ...(major ? { major } : {}), ...(hint ? { activityHint: hint } : {}) });
}
