import { describe, expect, it } from 'vitest';
import type { Answer, Check, EligibilityRules, Profile, ProgrammeQuestion } from '../shared/profile';
import type { ActivityStatus, EducationLevel } from '../shared/vocabulary';
import { type EvaluateOptions, evaluate } from './evaluate';
import { renderMessage } from './message';

const TODAY = '2026-11-23';
const DATES = {
  registration_opens: '2026-12-01',
  registration_closes: '2027-01-15',
  starts: '2027-02-01',
  ends: '2027-05-01',
};
const REGIONS: Record<string, string> = {
  '32': 'Jawa Barat',
  '35': 'Jawa Timur',
  '35.78': 'Kota Surabaya',
  '35.15': 'Kabupaten Sidoarjo',
  '31.71': 'Kota Jakarta Pusat',
};
const options: EvaluateOptions = { dates: DATES, today: TODAY, regionLabel: (code) => REGIONS[code] ?? code };

function run(rules: EligibilityRules, profile: Profile, extra: Partial<EvaluateOptions> = {}) {
  return evaluate(rules, profile, { ...options, ...extra });
}
function only(rules: EligibilityRules, profile: Profile, extra: Partial<EvaluateOptions> = {}): Check {
  const { checks } = run(rules, profile, extra);
  expect(checks).toHaveLength(1);
  return checks[0]!;
}
const text = (check: Check, locale: 'id' | 'en' = 'id') => renderMessage(check.explanation, locale);

describe('age', () => {
  const rules: EligibilityRules = { age: { min: 18, max: 26, at: 'registration_closes' } };
  it.each([
    ['2000-01-14', false, 27, 'turned 27 the day before closing'],
    ['2000-01-15', false, 27, 'turns 27 on the closing day itself'],
    ['2000-01-16', true, 26, 'still 26 on the closing day (max, exactly)'],
    ['2009-01-15', true, 18, 'turns 18 on the closing day (min, exactly)'],
    ['2009-01-16', false, 17, 'turns 18 the day after closing'],
    ['2004-06-01', true, 22, 'comfortably inside'],
  ])('born %s → passed %s at age %i (%s)', (birthDate, passed, age) => {
    const check = only(rules, { birthDate });
    expect(check.passed).toBe(passed);
    expect(check.explanation.vars).toMatchObject({ age });
  });

  it('says the rule, the date and the age then', () => {
    expect(text(only({ age: { max: 26, at: 'registration_closes' } }, { birthDate: '2000-01-10' }))).toBe(
      'Usia maksimal 26 tahun pada 15 Januari 2027; usiamu saat itu 27 tahun.',
    );
    expect(text(only({ age: { min: 18 } }, { birthDate: '2009-03-01' }))).toBe(
      'Usia minimal 18 tahun pada 15 Januari 2027; usiamu saat itu 17 tahun.',
    );
    expect(text(only(rules, { birthDate: '2004-06-01' }))).toBe(
      'Usia 18–26 tahun pada 15 Januari 2027; usiamu saat itu 22 tahun.',
    );
  });

  it.each([
    [{ at: 'starts' }, '2009-01-20', true, '1 Februari 2027'],
    [{ at: 'registration_closes' }, '2009-01-20', false, '15 Januari 2027'],
    [{}, '2009-01-20', false, '15 Januari 2027'],
    [{ at: '2027-06-30' }, '2009-06-30', true, '30 Juni 2027'],
    [{ at: '2027-06-29' }, '2009-06-30', false, '29 Juni 2027'],
  ] as const)('reference %j (born %s) → %s on %s', (at, birthDate, passed, date) => {
    const check = only({ age: { min: 18, ...at } }, { birthDate });
    expect(check.passed).toBe(passed);
    expect(check.explanation.vars).toMatchObject({ date });
  });

  it('counts on today when asked, and speaks of now', () => {
    const check = only({ age: { min: 18, at: 'today' } }, { birthDate: '2008-11-24' });
    expect(check.passed).toBe(false);
    expect(text(check)).toBe('Usia minimal 18 tahun; usiamu sekarang 17 tahun.');
    expect(only({ age: { min: 18, at: 'today' } }, { birthDate: '2008-11-23' }).passed).toBe(true);
  });

  it('falls back to today when the programme lacks the named date', () => {
    const check = only({ age: { max: 26, at: 'starts' } }, { birthDate: '2000-01-10' }, { dates: {} });
    expect(check.passed).toBe(true);
    expect(text(check)).toBe('Usia maksimal 26 tahun; usiamu sekarang 26 tahun.');
  });

  it.each([
    ['2026-02-28', false, 17],
    ['2026-03-01', true, 18],
    ['2028-02-28', true, 19],
  ])('29 February birthday on %s → passed %s at %i', (at, passed, age) => {
    const check = only({ age: { min: 18, at } }, { birthDate: '2008-02-29' });
    expect(check.passed).toBe(passed);
    expect(check.explanation.vars).toMatchObject({ age });
  });

  it('uses an approximate age as given and says it is an estimate', () => {
    // "umur 22" said today is stored as today minus 22 years.
    const check = only(rules, { birthDate: '2004-11-23', birthDateApproximate: true });
    expect(check.passed).toBe(true);
    expect(text(check)).toBe(
      'Usia 18–26 tahun pada 15 Januari 2027; usiamu saat itu sekitar 22 tahun (perkiraan dari umur yang kamu sebutkan).',
    );
    expect(check.explanation.vars).toMatchObject({ approximate: true });
  });

  it('is unknown without a birth date, and asks for it', () => {
    const result = run(rules, {});
    expect(result.checks[0]?.passed).toBeUndefined();
    expect(result.missing).toEqual(['birthDate']);
    expect(text(result.checks[0]!)).toBe(
      'Usia 18–26 tahun pada 15 Januari 2027; tanggal lahirmu belum kami ketahui.',
    );
  });

  it('treats a malformed birth date as unknown', () => {
    expect(run(rules, { birthDate: '2003-02-31' }).missing).toEqual(['birthDate']);
  });

  it('ignores an age rule with neither bound', () => {
    expect(run({ age: { at: 'starts' } }, {}).checks).toEqual([]);
  });
});

describe('education', () => {
  const levels: [EducationLevel, boolean][] = [
    ['SD', false],
    ['SMP', false],
    ['SMA', true],
    ['D1', true],
    ['D2', true],
    ['D3', true],
    ['S1', true],
    ['S2', true],
    ['S3', true],
  ];
  it.each(levels)('minimum SMA, person %s → %s', (level, passed) => {
    expect(only({ education: { min: 'SMA' } }, { education: { level } }).passed).toBe(passed);
  });
  it.each(
    levels.map(([level]): [EducationLevel, boolean] => [level, ['SMA', 'D1', 'D2', 'D3'].includes(level)]),
  )('SMK to D3, person %s → %s', (level, passed) => {
    expect(only({ education: { min: 'SMK', max: 'D3' } }, { education: { level } }).passed).toBe(passed);
  });
  it.each([
    [{ min: 'MA' }, 'SMA', true],
    [{ min: 'D4' }, 'S1', true],
    [{ min: 'D4' }, 'D3', false],
    [{ max: 'D4' }, 'S1', true],
    [{ max: 'D4' }, 'S2', false],
    [{ max: 'SMA' }, 'S1', false],
    [{ max: 'SMA' }, 'SD', true],
  ] as const)('equivalences: rule %j, person %s → %s', (rule, level, passed) => {
    expect(only({ education: rule }, { education: { level } }).passed).toBe(passed);
  });
  it('explains with the level groups', () => {
    expect(text(only({ education: { min: 'SMA' } }, { education: { level: 'SMP' } }))).toBe(
      'Pendidikan minimal SMA/SMK/MA; pendidikanmu SMP.',
    );
    expect(text(only({ education: { min: 'SMA', max: 'D4' } }, { education: { level: 'S2' } }))).toBe(
      'Pendidikan SMA/SMK/MA sampai S1/D4; pendidikanmu S2.',
    );
    expect(text(only({ education: { max: 'SMA' } }, { education: { level: 'S1' } }))).toBe(
      'Pendidikan maksimal SMA/SMK/MA; pendidikanmu S1/D4.',
    );
  });
  it('is unknown without education', () => {
    const result = run({ education: { min: 'SMP' } }, {});
    expect(result.checks[0]?.passed).toBeUndefined();
    expect(result.missing).toEqual(['education']);
  });
});

describe('gender', () => {
  it.each([
    ['perempuan', true, 'Program ini khusus perempuan; kamu perempuan.'],
    ['laki_laki', false, 'Program ini khusus perempuan.'],
    [undefined, undefined, 'Program ini khusus perempuan; jenis kelaminmu belum kami ketahui.'],
  ] as const)('women-only, person %s → %s', (gender, passed, sentence) => {
    const check = only({ gender: 'perempuan' }, gender ? { gender } : {});
    expect(check.passed).toBe(passed);
    expect(text(check)).toBe(sentence);
  });
  it('works for a men-only programme too', () => {
    expect(only({ gender: 'laki_laki' }, { gender: 'perempuan' }).passed).toBe(false);
    expect(text(only({ gender: 'laki_laki' }, { gender: 'perempuan' }))).toBe(
      'Program ini khusus laki-laki.',
    );
  });
});

describe('domicile', () => {
  it.each([
    [['35'], { domicileRegency: '35.78' }, true],
    [['35'], { domicileProvince: '35' }, true],
    [['35'], { domicileProvince: '32' }, false],
    [['35'], { domicileRegency: '32.73' }, false],
    [['35.78'], { domicileRegency: '35.78' }, true],
    [['35.78'], { domicileRegency: '35.15' }, false],
    [['35.78'], { domicileProvince: '32' }, false],
    [['35.78'], { domicileProvince: '35' }, undefined],
    [['32', '31.71'], { domicileRegency: '31.71' }, true],
    [['32', '31.71'], { domicileRegency: '31.74' }, false],
    [['32', '31.71'], { domicileProvince: '32' }, true],
    [['3'], { domicileProvince: '35' }, false],
    [['35.7'], { domicileRegency: '35.78' }, false],
    [['35'], { domicileProvince: '32', domicileRegency: '35.78' }, true],
    [['35'], {}, undefined],
  ] as [string[], Profile, boolean | undefined][])('rule %j, person %j → %s', (codes, profile, passed) => {
    const result = run({ domicile: codes }, profile);
    expect(result.checks[0]?.passed).toBe(passed);
    expect(result.missing).toEqual(passed === undefined ? ['domicile'] : []);
  });
  it('names the regions', () => {
    expect(text(only({ domicile: ['35'] }, { domicileRegency: '32.73' }))).toBe(
      'Program ini untuk warga Jawa Timur; domisilimu Jawa Barat.',
    );
    expect(text(only({ domicile: ['35.78', '35.15'] }, { domicileRegency: '32.73' }))).toBe(
      'Program ini untuk warga Kota Surabaya atau Kabupaten Sidoarjo; domisilimu 32.73.',
    );
    expect(text(only({ domicile: ['35.78'] }, { domicileProvince: '35' }))).toBe(
      'Program ini untuk warga Kota Surabaya; kabupaten/kota domisilimu belum kami ketahui.',
    );
  });
  it('defaults region labels to the codes', () => {
    expect(
      text(
        evaluate({ domicile: ['35'] }, { domicileProvince: '32' }, { dates: DATES, today: TODAY }).checks[0]!,
      ),
    ).toBe('Program ini untuk warga 35; domisilimu 32.');
  });
  it('treats an empty list as nationwide', () => {
    expect(run({ domicile: [] }, {}).checks).toEqual([]);
  });
});

describe('status', () => {
  const rule: ActivityStatus[] = ['tidak_bekerja', 'lulusan_baru'];
  it.each([
    ['tidak_bekerja', true],
    ['lulusan_baru', true],
    ['bekerja', false],
    ['pelajar', false],
    ['mahasiswa', false],
  ] as const)('for %j, person %s → %s', (activity, passed) => {
    expect(only({ status: rule }, { activity }).passed).toBe(passed);
  });
  it.each([
    [['tidak_bekerja'], 'lulusan_baru', true],
    [['lulusan_baru'], 'tidak_bekerja', false],
    [['pelajar', 'mahasiswa'], 'mahasiswa', true],
    [['bekerja'], 'tidak_bekerja', false],
  ] as [ActivityStatus[], ActivityStatus, boolean][])(
    'rule %j, person %s → %s',
    (wanted, activity, passed) => {
      expect(only({ status: wanted }, { activity }).passed).toBe(passed);
    },
  );
  it('explains a preferred miss, and the person can still apply', () => {
    const result = run({ status: ['tidak_bekerja'], preferred: ['status'] }, { activity: 'bekerja' });
    expect(result.outcome).toBe('eligible_not_preferred');
    expect(text(result.checks[0]!)).toBe(
      'Diutamakan yang tidak bekerja; statusmu bekerja (tetap bisa mendaftar).',
    );
  });
  it('explains a hard miss with every accepted status', () => {
    expect(text(only({ status: rule }, { activity: 'pelajar' }))).toBe(
      'Program ini untuk yang tidak bekerja atau baru lulus; statusmu pelajar.',
    );
  });
  it('asks for the activity when unknown', () => {
    expect(run({ status: rule }, {}).missing).toEqual(['activity']);
  });
});

describe('graduated_within_years', () => {
  it.each([
    [1, 2027, true, 'graduated in the closing year'],
    [1, 2026, true, 'one calendar year before closing (edge)'],
    [1, 2025, false, 'two calendar years before closing'],
    [2, 2025, true, 'two years allowed (edge)'],
    [2, 2024, false, 'just outside two years'],
    [0, 2027, true, 'zero years: this year only'],
    [0, 2026, false, 'zero years: last year is out'],
    [1, 2028, true, 'expected graduation after closing: a fresh graduate to be'],
  ])('within %i, graduated %i → %s (%s)', (years, graduationYear, passed) => {
    expect(
      only({ graduated_within_years: years }, { education: { level: 'SMA', graduationYear } }).passed,
    ).toBe(passed);
  });
  it('counts from today when registration has no closing date', () => {
    const check = only(
      { graduated_within_years: 1 },
      { education: { level: 'SMA', graduationYear: 2025 } },
      { dates: {} },
    );
    expect(check.passed).toBe(true);
    expect(
      only(
        { graduated_within_years: 1 },
        { education: { level: 'SMA', graduationYear: 2024 } },
        { dates: {} },
      ).passed,
    ).toBe(false);
  });
  it('explains with the earliest qualifying year', () => {
    expect(
      text(only({ graduated_within_years: 1 }, { education: { level: 'SMA', graduationYear: 2024 } })),
    ).toBe('Program ini untuk lulusan 1 tahun terakhir (lulus 2026 atau sesudahnya); kamu lulus tahun 2024.');
    const english = { locale: 'en' } as const;
    expect(
      text(
        only({ graduated_within_years: 2 }, { education: { level: 'SMA', graduationYear: 2024 } }, english),
        'en',
      ),
    ).toBe(
      'This programme is for people who graduated in the last 2 years (2025 or later); you graduated in 2024.',
    );
    expect(
      text(only({ graduated_within_years: 1 }, { education: { level: 'SMA', graduationYear: 2028 } })),
    ).toContain('kamu diperkirakan lulus tahun 2028');
  });
  it.each([
    [{}, ['education', 'graduationYear']],
    [{ education: { level: 'SMK' as EducationLevel } }, ['graduationYear']],
  ])('asks for what is missing: %j → %j', (profile, missing) => {
    expect(run({ graduated_within_years: 1 }, profile).missing).toEqual(missing);
  });
});

describe('programme questions', () => {
  const tato: ProgrammeQuestion = {
    id: 'tato',
    ask: { id: 'Apakah kamu memiliki tato?' },
    type: 'yes_no',
    require: false,
    explain: { id: 'Program ini mensyaratkan tidak bertato.', en: 'No tattoos allowed.' },
  };
  const tinggi: ProgrammeQuestion = {
    id: 'tinggi_cm',
    ask: { id: 'Berapa tinggi badanmu (cm)?' },
    type: 'number',
    require: { min: 155 },
    explain: { id: 'Tinggi minimal 155 cm.' },
  };
  const jlpt: ProgrammeQuestion = {
    id: 'jlpt',
    ask: { id: 'Level bahasa Jepangmu?' },
    type: 'choice',
    options: ['belum', 'N5', 'N4', 'N3'],
    require: { in: ['N4', 'N3'] },
  };
  const q = (question: ProgrammeQuestion, answer: Answer | undefined) =>
    only({ questions: [question] }, answer === undefined ? {} : { answers: { [question.id]: answer } });

  it.each([
    [tato, false, true],
    [tato, true, false],
    [{ ...tato, require: true }, true, true],
    [{ ...tato, require: true }, false, false],
    [tinggi, 155, true],
    [tinggi, 154.9, false],
    [tinggi, 190, true],
    [{ ...tinggi, require: { max: 180 } }, 180, true],
    [{ ...tinggi, require: { max: 180 } }, 181, false],
    [{ ...tinggi, require: { min: 150, max: 180 } }, 149, false],
    [{ ...tinggi, require: { min: 150, max: 180 } }, 150, true],
    [jlpt, 'N4', true],
    [jlpt, 'n3', true],
    [jlpt, 'N5', false],
    [jlpt, 'belum', false],
    [{ ...jlpt, require: undefined }, 'belum', true],
  ] as [ProgrammeQuestion, boolean | number | string, boolean][])(
    '%j answered %j → %s',
    (question, answer, passed) => {
      expect(q(question, answer).passed).toBe(passed);
    },
  );

  it.each([
    [tato, 'ya'],
    [tinggi, '160'],
    [jlpt, true],
  ] as [ProgrammeQuestion, boolean | number | string][])(
    'an answer of the wrong kind is asked again: %j %j',
    (question, answer) => {
      const result = run({ questions: [question] }, { answers: { [question.id]: answer } });
      expect(result.checks[0]?.passed).toBeUndefined();
      expect(result.missing).toEqual([`question:${question.id}`]);
      expect(text(result.checks[0]!)).toContain('jawabanmu belum bisa kami baca');
    },
  );

  it('uses the organisers’ explanation with the person’s answer', () => {
    expect(text(q(tato, true))).toBe('Program ini mensyaratkan tidak bertato; jawabanmu ya.');
    expect(text(q(tinggi, 150))).toBe('Tinggi minimal 155 cm; tinggimu 150 cm.');
    expect(
      renderMessage(
        evaluate({ questions: [tato] }, { answers: { tato: true } }, { ...options, locale: 'en' }).checks[0]!
          .explanation,
        'en',
      ),
    ).toBe('No tattoos allowed; you answered yes.');
  });
  it('says a common rule in English when the organiser wrote it only in Indonesian, else their words', () => {
    const check = evaluate(
      { questions: [tinggi] },
      { answers: { tinggi_cm: 150 } },
      { ...options, locale: 'en' },
    ).checks[0]!;
    expect(renderMessage(check.explanation, 'en')).toBe('Height at least 155 cm; your height is 150 cm.');
    const own = evaluate(
      {
        questions: [
          {
            ...tinggi,
            id: 'berat_kg',
            ask: { id: 'Berapa berat badanmu?' },
            explain: { id: 'Berat minimal 155 kg.' },
          },
        ],
      },
      { answers: { berat_kg: 150 } },
      { ...options, locale: 'en' },
    ).checks[0]!;
    expect(renderMessage(own.explanation, 'en')).toBe('Berat minimal 155 kg; you answered 150.');
  });
  it('writes its own explanation when the programme gives none', () => {
    expect(text(q(jlpt, 'N5'))).toBe('Syarat "Level bahasa Jepangmu": N4 atau N3; jawabanmu N5.');
    expect(text(q({ ...tato, explain: undefined }, true))).toBe(
      'Syarat "Apakah kamu memiliki tato": jawaban tidak; jawabanmu ya.',
    );
    expect(text(q({ ...tinggi, explain: undefined, require: { min: 150, max: 180 } }, 190))).toBe(
      'Syarat "Berapa tinggi badanmu (cm)": antara 150 dan 180; tinggimu 190 cm.',
    );
    expect(text(q({ ...tinggi, explain: undefined, require: { max: 180 } }, 190))).toBe(
      'Syarat "Berapa tinggi badanmu (cm)": maksimal 180; tinggimu 190 cm.',
    );
  });
  it('marks a question without requirement as information only, still to be asked', () => {
    const info = { ...jlpt, require: undefined };
    expect(text(q(info, 'N5'))).toBe(
      'Pertanyaan "Level bahasa Jepangmu" untuk keterangan penyelenggara, bukan syarat; jawabanmu N5.',
    );
    const result = run({ questions: [info] }, {});
    expect(result.checks[0]?.passed).toBeUndefined();
    expect(result.outcome).toBe('incomplete');
  });
  it.each([['tato'], ['question:tato']])('a question is preferred when listed as %s', (name) => {
    const result = run({ questions: [tato], preferred: [name] }, { answers: { tato: true } });
    expect(result.outcome).toBe('eligible_not_preferred');
    expect(result.checks[0]?.preferred).toBe(true);
    expect(text(result.checks[0]!)).toBe(
      'Diutamakan: Program ini mensyaratkan tidak bertato; jawabanmu ya (tetap bisa mendaftar).',
    );
  });
});

describe('outcome', () => {
  const rules: EligibilityRules = {
    age: { min: 18, max: 26 },
    education: { min: 'SMA' },
    status: ['tidak_bekerja'],
    preferred: ['status'],
  };
  const fits: Profile = { birthDate: '2004-06-01', education: { level: 'SMA' }, activity: 'tidak_bekerja' };
  it.each([
    ['everything fits', fits, 'eligible'],
    ['a preferred rule missed', { ...fits, activity: 'bekerja' }, 'eligible_not_preferred'],
    ['a hard rule missed', { ...fits, education: { level: 'SMP' } }, 'ineligible'],
    [
      'hard and preferred missed',
      { ...fits, education: { level: 'SMP' }, activity: 'bekerja' },
      'ineligible',
    ],
    ['a hard miss decides even with unknowns', { education: { level: 'SMP' } }, 'ineligible'],
    ['a hard rule unknown', { ...fits, birthDate: undefined }, 'incomplete'],
    ['only a preferred rule unknown', { ...fits, activity: undefined }, 'incomplete'],
    ['nothing known', {}, 'incomplete'],
  ] as [string, Profile, string][])('%s → %s', (_, profile, outcome) => {
    expect(run(rules, profile).outcome).toBe(outcome);
  });
  it('is eligible with no rules at all', () => {
    expect(run({}, {})).toEqual({ outcome: 'eligible', checks: [], missing: [] });
  });
  it('makes a hard-rule miss into a preferred one only when listed', () => {
    expect(run({ age: { max: 20 } }, { birthDate: '2000-01-01' }).outcome).toBe('ineligible');
    const preferred = run({ age: { max: 20 }, preferred: ['age'] }, { birthDate: '2000-01-01' });
    expect(preferred.outcome).toBe('eligible_not_preferred');
    expect(text(preferred.checks[0]!)).toBe(
      'Diutamakan berusia maksimal 20 tahun pada 15 Januari 2027; usiamu saat itu 27 tahun (tetap bisa mendaftar).',
    );
  });
  it('never reads disability', () => {
    const withDisability = run(rules, { ...fits, disability: { declared: true, needs: 'kursi roda' } });
    expect(withDisability).toEqual(run(rules, fits));
  });
  it('accepts an instant for today (the day in Jakarta)', () => {
    // 2027-01-14T17:00Z is already 15 January in Jakarta: the 18th birthday counts.
    const check = only(
      { age: { min: 18, at: 'today' } },
      { birthDate: '2009-01-15' },
      { today: new Date('2027-01-14T17:00:00Z') },
    );
    expect(check.passed).toBe(true);
    expect(
      only(
        { age: { min: 18, at: 'today' } },
        { birthDate: '2009-01-15' },
        { today: new Date('2027-01-14T16:59:00Z') },
      ).passed,
    ).toBe(false);
  });
});

describe('missing', () => {
  const full: EligibilityRules = {
    questions: [
      { id: 'tato', ask: { id: 'Tato?' }, type: 'yes_no', require: false },
      { id: 'tinggi_cm', ask: { id: 'Tinggi?' }, type: 'number', require: { min: 155 } },
      { id: 'jlpt', ask: { id: 'JLPT?' }, type: 'choice', options: ['N5', 'N4'], require: { in: ['N4'] } },
    ],
    status: ['tidak_bekerja'],
    graduated_within_years: 2,
    education: { min: 'SMA' },
    domicile: ['35'],
    gender: 'perempuan',
    age: { min: 18 },
  };
  it('lists the profile first, in asking order, then the questions in their order', () => {
    expect(run(full, {}).missing).toEqual([
      'birthDate',
      'gender',
      'domicile',
      'education',
      'graduationYear',
      'activity',
      'question:tato',
      'question:tinggi_cm',
      'question:jlpt',
    ]);
  });
  it('lists only what is still unknown', () => {
    const profile: Profile = {
      gender: 'perempuan',
      domicileProvince: '35',
      education: { level: 'SMA' },
      answers: { tinggi_cm: 160 },
    };
    expect(run(full, profile).missing).toEqual([
      'birthDate',
      'graduationYear',
      'activity',
      'question:tato',
      'question:jlpt',
    ]);
  });
  it('orders the checks the same way', () => {
    expect(run(full, {}).checks.map((c) => c.rule)).toEqual([
      'age',
      'gender',
      'domicile',
      'education',
      'graduated_within_years',
      'status',
      'question:tato',
      'question:tinggi_cm',
      'question:jlpt',
    ]);
  });
});

describe('English', () => {
  it('explains in English', () => {
    const result = evaluate(
      {
        age: { max: 26 },
        education: { min: 'SMA' },
        gender: 'perempuan',
        status: ['tidak_bekerja'],
        preferred: ['status'],
      },
      { birthDate: '2000-01-10', education: { level: 'SMP' }, gender: 'laki_laki', activity: 'bekerja' },
      { ...options, locale: 'en' },
    );
    expect(result.checks.map((c) => renderMessage(c.explanation, 'en'))).toEqual([
      'Maximum age 26 on 15 January 2027; you will be 27 then.',
      'This programme is for women only.',
      'Minimum education SMA/SMK/MA (senior high); yours is SMP (junior high).',
      'Preference is given to people not in work; you are working (you can still apply).',
    ]);
  });
});

describe('every variant of every explanation resolves to text', () => {
  const profiles: Profile[] = [
    {},
    {
      birthDate: '2000-01-01',
      gender: 'laki_laki',
      domicileProvince: '32',
      education: { level: 'SMP', graduationYear: 2020 },
      activity: 'bekerja',
      answers: { a: true, b: 100, c: 'x' },
    },
    {
      birthDate: '2004-06-01',
      birthDateApproximate: true,
      gender: 'perempuan',
      domicileRegency: '35.78',
      education: { level: 'D3', graduationYear: 2028 },
      activity: 'tidak_bekerja',
      answers: { a: 'ya', b: 160, c: 'N4' },
    },
  ];
  const questions: ProgrammeQuestion[] = [
    { id: 'a', ask: { id: 'A?' }, type: 'yes_no', require: true },
    { id: 'b', ask: { id: 'B?' }, type: 'number', require: { min: 150 } },
    { id: 'c', ask: { id: 'C?' }, type: 'choice', options: ['N4', 'N5'], require: { in: ['N4'] } },
  ];
  const variants: EligibilityRules[] = [];
  for (const age of [{ min: 18 }, { max: 26 }, { min: 18, max: 26 }])
    for (const at of ['registration_closes', 'today'] as const)
      for (const education of [{ min: 'SMA' }, { max: 'D3' }, { min: 'SMA', max: 'D3' }] as const)
        variants.push({
          age: { ...age, at },
          education,
          gender: 'perempuan',
          domicile: ['35', '35.78'],
          status: ['tidak_bekerja'],
          graduated_within_years: 1,
          questions: [...questions, { id: 'd', ask: { id: 'D?' }, type: 'yes_no' }],
        });
  const allPreferred = [
    'age',
    'education',
    'gender',
    'domicile',
    'status',
    'graduated_within_years',
    'a',
    'b',
    'c',
    'd',
  ];
  const LEFTOVER_KEY =
    /\b(?:sentence|age|education|gender|domicile|status|graduation|question)\.[a-z_.]+|\{\{|undefined/;

  it.each(['id', 'en'] as const)('in %s', (locale) => {
    let rendered = 0;
    for (const rules of variants)
      for (const preferred of [[], allPreferred])
        for (const profile of profiles) {
          for (const check of evaluate({ ...rules, preferred }, profile, { ...options, locale }).checks) {
            const sentence = renderMessage(check.explanation, locale);
            expect(sentence, JSON.stringify(check)).not.toMatch(LEFTOVER_KEY);
            rendered++;
          }
        }
    expect(rendered).toBeGreaterThan(1000);
  });
});
