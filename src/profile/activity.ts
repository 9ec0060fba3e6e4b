/**
 * What the person does now: "kerja", "nganggur", "belum kerja", "kuliah", "sekolah", "baru lulus".
 * Each phrase found is cut out before looking further, so "belum kerja" never also reads as "kerja"
 * and "baru lulus SMK" never as being at school.
 */

import { normaliseText } from '../shared/text/normalise';
import type { ActivityStatus } from '../shared/vocabulary';
import { fail, ok, type ParseResult } from './result';

const NEG =
  '(?:tidak|tdk|gak|ga|gk|g|nggak|ngga|ngak|enggak|engga|ndak|nda|kagak|belum|blm|blum|lagi gak|lg gak|sedang tidak)';
const WORK = '(?:kerja|bekerja|berkerja|kerjo|nyambut gawe)';

/** Checked in this order; earlier phrases are removed from the text before later ones are sought. */
const PATTERNS: [ActivityStatus | 'none', RegExp][] = [
  [
    'lulusan_baru',
    /\b(?:baru|barusan|fresh) ?(?:lulus|tamat|selesai|grad|graduate|graduated)\b(?: (?:dari )?(?:sd|smp|sma|smk|ma|mts|sekolah|kuliah|kampus|s[123]|d[1-4]))?|\blulusan baru\b|\bfreshgrad(?:uate)?\b/g,
  ],
  [
    'tidak_bekerja',
    new RegExp(
      `\\b${NEG} ${WORK}\\b|\\b${NEG} (?:punya|ada) (?:kerjaan|pekerjaan)\\b|\\b(?:nganggur|menganggur|pengangguran|jobless|unemployed|resign|kena phk|phk|di rumah|dirumah|irt|ibu rumah tangga|mengurus rumah tangga)\\b|\\b(?:cari|nyari|mencari|lagi cari) (?:kerja|kerjaan|pekerjaan)\\b|\\b${NEG} (?:ngapa ?ngapain|ngapa2in|ngapa-ngapain|ada kegiatan)\\b`,
      'g',
    ),
  ],
  // "Lulus SMA", "putus sekolah" say nothing of now: remove them so "SMA" does not read as being at school.
  [
    'none',
    /\b(?:lulus|lulusan|tamat|tamatan|alumni) \w+\b|\b(?:putus|tidak|tdk|gak|ga|nggak|berhenti|keluar) (?:sekolah|kuliah)\b/g,
  ],
  ['mahasiswa', /\b(?:kuliah|mahasiswa|mahasiswi|mhs|kampus|semester|ngampus)\b/g],
  ['pelajar', /\b(?:sekolah|pelajar|siswa|siswi|santri|mondok|sma|smk|smp|ma|mts|kelas \d{1,2})\b/g],
  [
    'bekerja',
    new RegExp(
      `\\b(?:${WORK}|karyawan|karyawati|pegawai|buruh|pekerja|wirausaha|wiraswasta|usaha|dagang|berdagang|jualan|freelance|freelancer|ojol|ojek|ngojek|ngojol|serabutan|honorer|petani|bertani|nelayan|kuli|satpam|pns|asn|guru|mengajar|ngajar|sopir|supir|tki|pmi)\\b`,
      'g',
    ),
  ],
];

export function parseActivity(raw: string): ParseResult<ActivityStatus> {
  let text = normaliseText(raw);
  const found = new Set<ActivityStatus>();
  for (const [status, pattern] of PATTERNS) {
    const before = text;
    text = text.replace(pattern, ' ');
    if (before !== text && status !== 'none') found.add(status);
  }
  // A fresh graduate is also without work; the more specific answer wins.
  if (found.has('lulusan_baru')) found.delete('tidak_bekerja');
  if (found.size === 1) return ok([...found][0]!);
  return fail(found.size === 0 ? 'activity.unknown' : 'activity.several');
}
