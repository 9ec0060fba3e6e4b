/**
 * The closed vocabularies of the programme catalogue (../shared/catalogue-format.md). One list each,
 * used by the import validation, the free-text understanding, search and the cards.
 */
export const PROGRAMME_KINDS = ['pelatihan', 'magang', 'magang_luar_negeri', 'sertifikasi'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** Kejuruan (vocational fields). Extend here, then add labels in locales/{id,en}/catalogue.json `field.*`. */
export const FIELDS = [
  'tik',
  'las',
  'otomotif',
  'listrik',
  'elektronika',
  'menjahit',
  'tata_boga',
  'tata_rias',
  'perhotelan',
  'pariwisata',
  'pertanian',
  'perikanan',
  'manufaktur',
  'bahasa',
  'kewirausahaan',
  'perawatan',
  'konstruksi',
  'refrigerasi',
  'logistik',
  'administrasi',
  'pemasaran',
  'kesehatan',
  'kerajinan',
] as const;
export type Field = (typeof FIELDS)[number];

export const PROVIDER_TYPES = ['BLK', 'BPVP', 'LPK', 'LSP', 'perusahaan', 'organisasi'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const MODES = ['luring', 'daring', 'campuran'] as const;
export type Mode = (typeof MODES)[number];

export const BENEFITS = [
  'sertifikat_kompetensi',
  'bpjs_ketenagakerjaan',
  'uang_saku',
  'asrama',
  'makan',
  'transport',
  'sertifikat_pelatihan',
  /** The certificate of an apprenticeship (sertifikat magang, Permenaker 6/2020). */
  'sertifikat_magang',
  'penempatan_kerja',
  'alat_kerja',
] as const;
export type Benefit = (typeof BENEFITS)[number];

/** Education levels in order; SMA stands for SMA = SMK = MA, S1 for S1 = D4. */
export const EDUCATION_LEVELS = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'S1', 'S2', 'S3'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const ACTIVITY_STATUSES = [
  'tidak_bekerja',
  'bekerja',
  'pelajar',
  'mahasiswa',
  'lulusan_baru',
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const GENDERS = ['perempuan', 'laki_laki'] as const;
export type Gender = (typeof GENDERS)[number];

export const DOCUMENT_KINDS = [
  'ktp',
  'kk',
  'ijazah',
  'transkrip',
  'cv',
  'pas_foto',
  'surat_sehat',
  'skck',
  'paspor',
  'sertifikat_bahasa',
  'surat_izin_ortu',
  'lainnya',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Overseas destinations people ask about most (ISO 3166 alpha-2); any alpha-2 code is accepted. */
export const COMMON_DESTINATIONS = [
  'JP',
  'KR',
  'TW',
  'QA',
  'AU',
  'DE',
  'SA',
  'AE',
  'MY',
  'SG',
  'HK',
] as const;

/** Lifecycle of a catalogue record: drafts are never shown; closed ones only when asked for. */
export const PROGRAMME_STATUSES = ['draft', 'open', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const APPLICATION_MODES = ['in_chat', 'external'] as const;
export type ApplicationMode = (typeof APPLICATION_MODES)[number];

export const STIPEND_PERIODS = ['hari', 'minggu', 'bulan', 'program'] as const;
export type StipendPeriod = (typeof STIPEND_PERIODS)[number];

/** The date on which age is counted (completed years). */
export const AGE_REFERENCE_DATES = ['registration_closes', 'starts', 'today'] as const;
export type AgeReferenceDate = (typeof AGE_REFERENCE_DATES)[number];

export const QUESTION_TYPES = ['yes_no', 'number', 'choice', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Profile rules of `eligibility` that `preferred` may name (question ids may be named too). */
export const ELIGIBILITY_RULES = [
  'age',
  'education',
  'gender',
  'domicile',
  'status',
  'graduated_within_years',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];
