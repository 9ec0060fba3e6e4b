/** A valid programme record to start tests from, and a way to change one field of it. */
export function validProgramme(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug: 'pelatihan-las-surabaya',
    kind: 'pelatihan',
    title: { id: 'Pelatihan Las SMAW', en: 'SMAW welding course' },
    summary: { id: 'Pelatihan las listrik dasar selama 30 hari.' },
    field: 'las',
    tags: ['smaw', 'bengkel'],
    provider: { name: 'UPT BLK Surabaya', type: 'BLK' },
    location: { province: '35', regency: '35.78', venue: 'Dukuh Menanggal', mode: 'luring' },
    dates: {
      registration_opens: '2026-11-01',
      registration_closes: '2026-12-01',
      starts: '2026-12-10',
      ends: '2027-01-30',
    },
    seats: { total: 20, women: 5 },
    costs: { fee_idr: 0 },
    benefits: ['sertifikat_kompetensi', 'makan'],
    inclusion: { disability_friendly: false },
    eligibility: { age: { min: 18, max: 35 }, education: { min: 'SMP' } },
    application: { mode: 'in_chat', documents: ['ktp', 'ijazah'], organisation: 'disnakertrans-jatim' },
    sources: ['https://skillhub.kemnaker.go.id'],
    verified_at: '2026-11-20',
    status: 'open',
    ...overrides,
  };
}

/** A copy of `record` with `path` (`seats.women`, `eligibility.questions`) set — or removed when value is undefined. */
export function withField(
  record: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(record);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** An overseas apprenticeship with programme questions. */
export function overseasProgramme(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return validProgramme({
    slug: 'magang-jepang-kaigo',
    kind: 'magang_luar_negeri',
    title: { id: 'Magang Perawat Lansia di Jepang' },
    field: 'perawatan',
    destination_country: 'JP',
    eligibility: {
      age: { min: 18, max: 30 },
      questions: [
        { id: 'tato', ask: { id: 'Apakah kamu bertato?' }, type: 'yes_no', require: false },
        { id: 'tinggi_cm', ask: { id: 'Tinggi badanmu (cm)?' }, type: 'number', require: { min: 155 } },
        {
          id: 'jlpt',
          ask: { id: 'Level bahasa Jepangmu?' },
          type: 'choice',
          options: ['belum', 'N5', 'N4'],
          require: { in: ['N4'] },
        },
      ],
    },
    ...overrides,
  });
}
