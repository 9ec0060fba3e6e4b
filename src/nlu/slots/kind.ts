/** The kind of programme a message asks about, and the destination country when it is abroad. */
import type { ProgrammeKind } from '../../shared/vocabulary';
import { claim, type Reading } from '../context';
import { entriesOf, PhraseTable } from '../phrases';

type KindCue = ProgrammeKind | 'weak_pelatihan' | 'institution' | 'lpk' | 'work' | 'domestic';

const KIND_WORDS: Readonly<Record<KindCue, readonly string[]>> = {
  magang_luar_negeri: [
    'magang luar negeri',
    'magang ke luar negeri',
    'magang di luar negeri',
    'pemagangan luar negeri',
    'luar negeri',
    'kerja keluar',
    'kerja di luar',
    'kerja diluar',
    'abroad',
    'overseas',
    'magang internasional',
    'international internship',
    'im japan',
    'im jepang',
    'kenshusei',
    'jisshusei',
    'ginou jisshu',
    'tokutei ginou',
    'ssw',
    'technical intern',
  ],
  magang: [
    'magang',
    'pemagangan',
    'internship',
    'intern',
    'apprenticeship',
    'apprentice',
    'pkl',
    'prakerin',
    'praktik kerja',
    'praktek kerja',
    'on the job training',
    'ojt',
    'magang kerja',
  ],
  sertifikasi: [
    'sertifikasi',
    'uji kompetensi',
    'ujikom',
    'uji sertifikasi',
    'lsp',
    'bnsp',
    'certification',
    'sertifikat kompetensi',
    'sertifikat bnsp',
    'uji keahlian',
    'certified',
    'sertifikasi kompetensi',
    'ingin sertifikat',
    'mau sertifikat',
    'butuh sertifikat',
    'perlu sertifikat',
    'ingin punya sertifikat',
    'ambil sertifikat',
    'sertifikat profesi',
  ],
  pelatihan: [
    'pelatihan',
    'kursus',
    'training',
    'bootcamp',
    'diklat',
    'course',
    'courses',
    'workshop',
    'pelatihan kerja',
    'les',
    'latihan kerja',
    'kelas',
    'class',
    'kursus singkat',
    'short course',
    'kejuruan',
  ],
  // Wanting to learn implies training only when nothing more specific is said.
  weak_pelatihan: ['belajar', 'upgrade skill'],
  // A training centre named: training, unless it is the road to work abroad ("kerja di jepang lewat lpk").
  institution: ['blk', 'bpvp', 'balai latihan kerja'],
  // An LPK trains, and many prepare people for work abroad.
  lpk: ['lpk', 'lembaga pelatihan kerja'],
  // Going to work somewhere is a programme abroad once a country is named ("kerja ke korea").
  work: ['kerja', 'bekerja', 'berangkat', 'work', 'kerja di', 'kerja ke'],
  // Said to rule out going abroad: "tapi di dalam negri".
  domestic: ['dalam negeri', 'domestik', 'lokal saja', 'dalam negara', 'di indonesia saja'],
};

export const KIND_TABLE = new PhraseTable(entriesOf(KIND_WORDS));

const UNITS = new Set(['bulan', 'tahun', 'minggu', 'hari', 'jam']);
const GIVES = new Set(['dapat', 'ada', 'pakai', 'plus', 'dengan', 'bersertifikat', 'berikan']);
/** Words that make the kind after them a purpose, not the thing sought: "kursus bahasa buat persiapan magang". */
const PURPOSE = new Set(['buat', 'untuk', 'persiapan', 'sebelum', 'biar', 'supaya', 'agar', 'bekal']);
/** Country words inside a kind phrase ("IM Japan") stay free for the country slot. */
const COUNTRY_IN_KIND = new Set(['japan', 'jepang']);

export interface KindHit {
  start: number;
  end: number;
  kind: ProgrammeKind;
}

export interface KindCues {
  kind?: ProgrammeKind;
  /** An LPK was named: training, or the way to an apprenticeship abroad. */
  lpk: boolean;
  /** Only a wish to learn was said ("mau belajar"): training first, but no kind ruled out. */
  learning: boolean;
  /** Two kinds asked for at once: "pelatihan atau magang". */
  kinds?: ProgrammeKind[];
  /** Going abroad was ruled out ("di dalam negeri"). */
  domestic: boolean;
  /** Where each kind was said, for negation ("bukan magang luar negeri"). */
  hits: KindHit[];
  /** Only a general wish to learn or a training centre was named: a destination abroad overrides it. */
  weak: boolean;
  /** Work or travel was mentioned: with a country, it is a programme abroad. */
  goingAbroad: boolean;
}

function strongest(seen: ReadonlySet<KindCue>): ProgrammeKind | undefined {
  if (seen.has('magang_luar_negeri')) return 'magang_luar_negeri';
  if (seen.has('magang')) return 'magang';
  if (seen.has('sertifikasi')) return 'sertifikasi';
  if (seen.has('pelatihan') || seen.has('weak_pelatihan') || seen.has('institution') || seen.has('lpk'))
    return 'pelatihan';
  return undefined;
}

const KINDS = new Set<string>(['pelatihan', 'magang', 'sertifikasi', 'magang_luar_negeri']);
/** Between two kinds that are both wanted: "pelatihan atau magang", "magang/pelatihan". */
const EITHER = new Set(['atau', 'dan', 'sama', 'ato', 'or', 'and', 'ataupun', 'maupun', 'serta']);

/** "kalau ga ada, pelatihan pun jadi": the second kind is wanted too, failing the first. */
const FAILING = /(^| )kalau (tidak|belum|kosong)( |$)/;
const WILL_DO = /^(pun|juga) (jadi|boleh|oke|mau|tidak apa)/;

export function extractKind(r: Reading): KindCues {
  const seen = new Set<KindCue>();
  const purposes = new Set<KindCue>();
  const hits: KindHit[] = [];
  for (let i = 0; i < r.tokens.length; i++) {
    if (r.claimed[i]) continue;
    const hit = KIND_TABLE.matchAt(r.tokens, i, r.claimed);
    if (!hit) continue;
    // "kelas 12" is a school year, not a class to join.
    if (r.tokens[i] === 'kelas' && hit.end === i + 1 && /^\d+$/.test(r.tokens[i + 1] ?? '')) continue;
    if (r.tokens[i] === 'les' && UNITS.has(r.tokens[i + 1] ?? '')) continue;
    // "kelas yang dapet sertifikat kompetensi": a certificate the course gives, not a certification.
    if (hit.value === 'sertifikasi' && r.tokens[i] === 'sertifikat' && GIVES.has(r.tokens[i - 1] ?? ''))
      continue;
    const purpose =
      seen.size > 0 && (PURPOSE.has(r.tokens[i - 1] ?? '') || PURPOSE.has(r.tokens[i - 2] ?? ''));
    (purpose ? purposes : seen).add(hit.value);
    if (KINDS.has(hit.value) && !purpose)
      hits.push({ start: hit.start, end: hit.end, kind: hit.value as ProgrammeKind });
    let end = hit.end;
    while (end > hit.start + 1 && COUNTRY_IN_KIND.has(r.tokens[end - 1]!)) end--;
    claim(r, hit.start, end);
    i = hit.end - 1;
  }
  const kind = strongest(seen) ?? strongest(purposes);
  const all = new Set([...seen, ...purposes]);
  const weak =
    !seen.has('pelatihan') &&
    !seen.has('magang') &&
    !seen.has('sertifikasi') &&
    !seen.has('magang_luar_negeri');
  const out: KindCues = {
    kind,
    weak,
    goingAbroad: all.has('work') || all.has('magang') || all.has('magang_luar_negeri'),
    domestic: all.has('domestic'),
    lpk: all.has('lpk'),
    learning: kind === 'pelatihan' && [...seen].every((c) => c === 'weak_pelatihan' || c === 'work'),
    hits,
  };
  // "pelatihan atau magang": both, when said side by side with a word that joins them.
  const both: ProgrammeKind[] = [];
  for (let k = 1; k < hits.length; k++) {
    const [a, b] = [hits[k - 1]!, hits[k]!];
    const between = r.tokens.slice(a.end, b.start);
    const fallback =
      FAILING.test(between.join(' ')) || WILL_DO.test(r.tokens.slice(b.end, b.end + 3).join(' '));
    if (a.kind !== b.kind && ((between.length === 1 && EITHER.has(between[0]!)) || fallback))
      for (const x of [a.kind, b.kind]) if (!both.includes(x)) both.push(x);
  }
  if (both.length > 1) out.kinds = both;
  return out;
}
