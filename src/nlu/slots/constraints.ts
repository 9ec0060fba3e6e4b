/** Wishes about a programme's conditions: free, paid, for women, accessible, online, close by. */
import { claim, type Reading } from '../context';
import { entriesOf, PhraseTable } from '../phrases';

export interface Constraints {
  free?: true;
  stipend?: true;
  womenOnly?: true;
  disabilityFriendly?: true;
  online?: true;
  nearHome?: true;
}

type ConstraintName = keyof Constraints;

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
    'dari rumah',
    'remote',
    'e learning',
    'elearning',
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
  ],
};

export const CONSTRAINT_TABLE = new PhraseTable(entriesOf(CONSTRAINT_WORDS));

export function extractConstraints(r: Reading): Constraints | undefined {
  let out: Constraints | undefined;
  for (const hit of CONSTRAINT_TABLE.scan(r.tokens, r.claimed)) {
    out ??= {};
    out[hit.value] = true;
    claim(r, hit.start, hit.end);
  }
  return out;
}
