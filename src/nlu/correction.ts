/**
 * Corrections in words (issue #14): "salah, maksudnya 170", "eh bukan, umurku 24", "ganti nomor hp",
 * "ubah alamat", "tadi salah ketik", "oops i meant 170 cm". Says that something said before is being
 * changed, which answer it names (if any), and what is left of the message as the new value.
 */

export type CorrectionField =
  | 'birthDate'
  | 'gender'
  | 'domicile'
  | 'education'
  | 'graduationYear'
  | 'activity'
  | 'height'
  | 'fullName'
  | 'nik'
  | 'phone'
  | 'email'
  | 'address'
  | 'major'
  | 'profile';

export interface Correction {
  /** The answer named ("nomor hp", "umurku"); undefined means the last one. */
  field?: CorrectionField;
  /** The message without the correction words: the new value, or '' when none was given. */
  value: string;
  /** The message without the correction words but with the field's own words ("umurku 24"). */
  said: string;
}

// Longest first within each field, matched on whole words of the lower-cased message.
const FIELD_WORDS: ReadonlyArray<[CorrectionField, RegExp]> = [
  ['graduationYear', /\b(tahun lulus|lulus tahun|thn lulus|graduation year|year of graduation)\b/],
  [
    'birthDate',
    /\b(tanggal lahir|tgl lahir|tanggal lahirku|lahir|umurku|usiaku|umur|usia|umurnya|age|birthday|date of birth|birth date|i'?m actually)\b/,
  ],
  ['height', /\b(tinggi badan|tinggiku|tinggi|tb|height|tall)\b/],
  ['gender', /\b(jenis kelamin|kelamin|gender)\b/],
  [
    'education',
    /\b(pendidikan terakhir|pendidikan|pendidikanku|lulusan|tamatan|ijazah terakhir|education)\b/,
  ],
  ['activity', /\b(kegiatan|kegiatanku|status kerja|pekerjaan|activity)\b/],
  ['nik', /\b(nik|nomor ktp|no ktp|nomer ktp)\b/],
  [
    'phone',
    /\b(nomor hp|no hp|nomer hp|nmr hp|no\. hp|nomor wa|no wa|nomer wa|nomor whatsapp|hp|hape|wa|whatsapp|nomor telepon|no telp|telepon|nomorku|nomor|phone number|phone|number)\b/,
  ],
  ['email', /\b(email|e-mail|surel|imel)\b/],
  ['address', /\b(alamat|alamatku|address)\b/],
  ['domicile', /\b(domisili|domisiliku|tempat tinggal|kota|kabupaten|where i live)\b/],
  ['major', /\b(jurusan|jurusanku|major)\b/],
  ['fullName', /\b(nama lengkap|namaku|nama|name)\b/],
  ['profile', /\b(profil|profilku|profile|data diri|data saya|dataku|my data|my details)\b/],
];

/** Words that open a correction at the start of a message (after "eh", "lah", "maaf"…). */
const OPENERS =
  /^(?:(?:eh|ehh+|lah|loh|lho|aduh|waduh|maaf|sori|sorry|oops|ups|astaga|oh|wait|hmm|kak|min|bentar)\W*\s*)*(salah ketik|salah tulis|salah input|salah isi|salah|keliru|typo|ralat|koreksi|bukan|maksudnya|maksudku|maksud aku|maksud saya|harusnya|seharusnya|mestinya|yang benar|yg bener|yang bener|yg benar|wrong|i meant|i mean|meant|actually|i'?m actually|correction|no wait|wait no)\b/;
/** A change asked for by name: "ganti nomor hp", "ubah alamat", "update my profile". */
const CHANGE =
  /\b(ganti|gantiin|ubah|ubahin|edit|perbaiki|perbaikin|benerin|betulkan|betulin|koreksi|change|update|fix|correct)\b/;
/** Verbs that also mean repairing a device: with "hp" alone they ask about the trade. */
const REPAIR = /\b(benerin|perbaiki|perbaikin|betulin|betulkan|fix|servis|service|reparasi)\b/;
/** A mistake mentioned anywhere: "tadi salah ketik", "nama aku salah tulis", "i typed it wrong". */
const MISTAKE =
  /\b(salah ketik|salah tulis|salah input|salah isi|salah masukin|kesalahan|typo|typed it wrong|made a mistake|got it wrong)\b/;
/** A different programme, not a different answer: "salah pilih, aku maunya yg otomotif". */
const OTHER_CHOICE = /\b(salah pilih|salah program|salah klik|wrong (one|programme|program|course))\b/;

const STRIP =
  /\b(eh|ehh+|lah|loh|lho|aduh|waduh|maaf|sori|sorry|oops|ups|astaga|oh|wait|hmm|kak|min|bentar|tadi|itu|ini|salah ketik|salah tulis|salah input|salah isi|salah|keliru|typo|ralat|koreksi|bukan|maksudnya|maksudku|maksud aku|maksud saya|harusnya|seharusnya|mestinya|yang benar|yg bener|yang bener|yg benar|wrong|i meant|i mean|meant|actually|correction|no|ganti|gantiin|ubah|ubahin|edit|perbaiki|perbaikin|benerin|betulkan|betulin|change|update|fix|correct|jadi|ke|mau|dong|ya|aja|saja|deh|nya|aku|saya|gue|gw|my|it|is|to|please|pls|tolong|ding|kok|sih|yg|yang|sebenarnya|sebenernya|soalnya|i'm|im)\b/g;

const tidy = (s: string) =>
  s
    .replace(/[,.;:!?()"“”]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A different programme was meant ("salah pilih, aku maunya yg otomotif"): what is left is a search. */
export function otherChoice(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (!OTHER_CHOICE.test(lower)) return undefined;
  return tidy(lower.replace(OTHER_CHOICE, ' ').replace(/\b(aku|saya|maunya|mau|yg|yang|sebenernya)\b/g, ' '));
}

export function readCorrection(text: string): Correction | undefined {
  const lower = tidy(text.toLowerCase().replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]/gu, ' '));
  if (!lower || OTHER_CHOICE.test(lower)) return undefined;
  // "170 cm" names the height by its unit.
  const named =
    FIELD_WORDS.find(([, words]) => words.test(lower)) ??
    (/\b\d{2,3}\s*cm\b|\b1[.,]\d{1,2}\s*m\b/.test(lower)
      ? FIELD_WORDS.find(([f]) => f === 'height')
      : undefined);
  const opened = OPENERS.test(lower);
  // "benerin hp" / "perbaiki hp" is repairing phones (a trade people ask to learn), not their number.
  const repairsPhones =
    named?.[0] === 'phone' &&
    REPAIR.test(lower) &&
    !/\b(nomor|nomer|nmr|no|number|telp|telepon)\b/.test(lower);
  const change = CHANGE.test(lower) && named !== undefined && !repairsPhones;
  const mistake = MISTAKE.test(lower);
  // "bukan penipuan kan?" opens with "bukan" but is a question, not a correction.
  if (opened && /^\W*bukan\b/.test(lower) && !/\d/.test(lower) && !named) return undefined;
  if (!opened && !change && !mistake) return undefined;
  // "maksudnya 170 cm bukan 17": the wrong value repeated at the end is not the new one.
  const right = lower.replace(/\b(?:bukan|not)\s+[\d.,]+\s*[a-z]{0,5}\s*$/, ' ');
  const said = tidy(right.replace(STRIP, ' '));
  // "no wait that was my brother, I'm 152": the one number said last is the new value.
  const ending = /^\D*\s(\d{2,3})$/.exec(said)?.[1];
  const value = named
    ? tidy(said.replace(new RegExp(named[1].source, 'g'), ' ')).replace(/^(\d+)\s*cm$/, '$1')
    : (ending ?? said);
  return { ...(named ? { field: named[0] } : {}), value, said };
}
