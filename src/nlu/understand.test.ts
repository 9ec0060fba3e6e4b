import { describe, expect, it } from 'vitest';
import { understand } from './understand';

describe('understand', () => {
  it('reads the examples of the brief', () => {
    expect(understand('lulusan smp bisa ikut pelatihan apa?')).toMatchObject({
      intent: 'search',
      slots: { kind: 'pelatihan', education: 'SMP' },
    });
    expect(understand('ada magang ke jepang gak kak?')).toMatchObject({
      intent: 'search',
      slots: { kind: 'magang_luar_negeri', country: 'JP' },
    });
    expect(understand('pelatihan las di sby').slots).toEqual({
      kind: 'pelatihan',
      fields: ['las'],
      fieldWords: ['las'],
      province: '35',
      regency: '35.78',
    });
    expect(understand('plthan komputer gratis dmn ya').slots).toEqual({
      kind: 'pelatihan',
      fields: ['tik'],
      fieldWords: ['komputer'],
      constraints: { free: true },
    });
    expect(understand('magang luar negri yg buat cewe').slots).toEqual({
      kind: 'magang_luar_negeri',
      constraints: { womenOnly: true },
    });
    expect(understand('kak aku mau daftar').intent).toBe('apply');
    expect(understand('status lamaranku gmn').intent).toBe('status');
    expect(understand('program apa yang cocok untukku').intent).toBe('match');
    expect(understand('kabari aku kalau ada magang jepang')).toMatchObject({
      intent: 'subscribe',
      slots: { kind: 'magang_luar_negeri', country: 'JP' },
    });
  });

  it('tells the conversation controls apart', () => {
    const cases: Array<[string, string]> = [
      ['/berhenti', 'stop'],
      ['stop', 'stop'],
      ['jangan kirim lagi', 'stop'],
      ['/mulai', 'resume'],
      ['bicara dengan petugas', 'handoff'],
      ['mau tanya admin', 'handoff'],
      ['kak ada orangnya?', 'handoff'],
      ['batal', 'cancel'],
      ['kembali', 'back'],
      ['lanjut', 'next'],
      ['sebelumnya', 'prev'],
      ['menu', 'menu'],
      ['ganti bahasa', 'language'],
      ['english please', 'language'],
      ['/data_saya', 'privacy_export'],
      ['data saya apa aja', 'privacy_export'],
      ['hapus data saya', 'privacy_delete'],
      ['iya kak', 'yes'],
      ['gak', 'no'],
      ['makasih kak', 'thanks'],
      ['halo', 'greeting'],
      ['asdfgh', 'unknown'],
    ];
    for (const [text, intent] of cases) expect(understand(text).intent, text).toBe(intent);
  });

  it('keeps education distinct from the words that look like it', () => {
    expect(understand('tamat SMA').slots.education).toBe('SMA');
    expect(understand('lulusan smk').slots.education).toBe('SMA');
    expect(understand('lulusan MA').slots.education).toBe('SMA');
    expect(understand('sarjana S1').slots.education).toBe('S1');
    expect(understand('masih SMA kelas 12').slots.education).toBeUndefined();
    expect(understand('makasih ma').slots.education).toBeUndefined();
  });

  it('keeps a language course apart from a trip abroad', () => {
    expect(understand('pelatihan bahasa jepang').slots).toMatchObject({
      kind: 'pelatihan',
      fields: ['bahasa'],
    });
    expect(understand('pelatihan bahasa jepang').slots.country).toBeUndefined();
    expect(understand('magang jepang').slots).toEqual({ kind: 'magang_luar_negeri', country: 'JP' });
    expect(understand('kerja ke korea lewat magang').slots).toEqual({
      kind: 'magang_luar_negeri',
      country: 'KR',
    });
    expect(understand('magang abroad ada?').slots).toEqual({ kind: 'magang_luar_negeri' });
    // "language" in English names the course, not the chat's language, when a course is asked.
    const korean = understand('Are there online courses for Korean language? I want to work in Korea');
    expect(korean.intent).toBe('search');
    expect(korean.slots).toMatchObject({ kind: 'pelatihan', fields: ['bahasa'], country: 'KR' });
    expect(understand('change language').intent).toBe('language');
    // The work named in English.
    expect(understand('any car or motorbike mechanic training?').slots.fields).toEqual(['otomotif']);
  });

  it('reads IT only as the field when it is meant', () => {
    expect(understand('pelatihan IT').slots.fields).toEqual(['tik']);
    expect(understand('magang it support').slots.fields).toEqual(['tik']);
    expect(understand('is it free?').slots.fields).toBeUndefined();
  });

  it('picks list items', () => {
    expect(understand('yang kedua')).toMatchObject({ intent: 'details', slots: { ordinal: 2 } });
    expect(understand('no 3').slots.ordinal).toBe(3);
    expect(understand('nomor dua').slots.ordinal).toBe(2);
    expect(understand('2').slots.ordinal).toBe(2);
    expect(understand('pelatihan 3 bulan').slots.ordinal).toBeUndefined();
  });

  it('leaves unclaimed meaningful words as keywords', () => {
    expect(understand('pelatihan drone di jogja').slots).toEqual({
      kind: 'pelatihan',
      province: '34',
      keywords: ['drone'],
    });
    // "3G" is a welding position: a topic of las, which ranks the programmes that say it first.
    expect(understand('pelatihan las 3G di cilegon').slots.topics?.[0]?.[0]).toBe('3g');
    expect(understand('halo kak').slots.keywords).toBeUndefined();
  });

  it('mixes Indonesian and English', () => {
    expect(understand('training welding in surabaya').slots).toEqual({
      kind: 'pelatihan',
      fields: ['las'],
      fieldWords: ['welding'],
      province: '35',
      regency: '35.78',
    });
    expect(understand('free computer course in jakarta').slots).toEqual({
      kind: 'pelatihan',
      fields: ['tik'],
      fieldWords: ['computer'],
      province: '31',
      constraints: { free: true },
    });
  });

  it('never throws on odd input', () => {
    for (const text of [
      '',
      '   ',
      'constructor',
      '__proto__ toString',
      '////',
      '🤖'.repeat(300),
      'a'.repeat(5000),
      'ＳＭＡ',
    ]) {
      expect(() => understand(text)).not.toThrow();
    }
    expect(understand('').intent).toBe('unknown');
    expect(understand('ＳＭＡ').slots.education).toBe('SMA');
  });
});

describe('understand, as people really write', () => {
  it('reads negation as a wish to leave out, never its opposite', () => {
    expect(understand('pelatihan apa aja kecuali komputer').slots).toMatchObject({
      kind: 'pelatihan',
      exclude: { fields: ['tik'] },
    });
    // Factory work is ruled out by what titles say ("pabrik", "produksi"…), whatever field they are in.
    expect(understand('yang bukan pabrik').slots.exclude?.words).toContain('pabrik');
    expect(understand('jangan yg daring').slots).toMatchObject({ exclude: { online: true } });
    expect(understand('jangan yg daring').slots.constraints).toBeUndefined();
    expect(understand('belajar bahasa jepang tapi yang ga online').slots.exclude).toEqual({ online: true });
    expect(understand('pengen ke jepang tapi ga mau kerja pabrik').slots).toMatchObject({ country: 'JP' });
    expect(understand('pengen ke jepang tapi ga mau kerja pabrik').slots.exclude?.words).toContain('pabrik');
    expect(understand('kerja di luar negri tapi jangan di asia').slots.exclude?.countries).toContain('JP');
    expect(understand('perawat tapi di dalam negri').slots.exclude).toEqual({
      kinds: ['magang_luar_negeri'],
    });
    // "ga" as a question is no negation.
    expect(understand('ada pelatihan yg dapet uang saku ga di jabar').slots).toMatchObject({
      province: '32',
    });
    expect(understand('aku laki2 bisa ga jadi perawat lansia').slots.fields).toEqual(['perawatan']);
    // What is joined to a ruled-out country is ruled out with it; after a pause it is wanted again.
    expect(understand('ke luar negeri selain jepang dan korea, ada apa?').slots).toMatchObject({
      exclude: { countries: ['JP', 'KR'] },
    });
    expect(understand('bukan jepang, korea aja').slots).toMatchObject({
      country: 'KR',
      exclude: { countries: ['JP'] },
    });
    expect(understand('ada pelatihan apa di manado dang? nda usah yg bayar').slots.constraints).toEqual({
      free: true,
    });
  });

  it('reads several at once', () => {
    expect(understand('taiwan atau hongkong').slots.countries).toEqual(['TW', 'HK']);
    expect(understand('las sama listrik').slots.fields).toEqual(['las', 'listrik']);
    expect(understand('riau ado pelatihan atau magang ndak?').slots.kinds).toEqual(['pelatihan', 'magang']);
    expect(understand('pelatihan di jabar dan jateng').slots.places).toEqual(['32', '33']);
  });

  it('reads the work people name as its field, and keeps its words to rank by', () => {
    const cases: Array<[string, string]> = [
      ['benerin hp', 'elektronika'],
      ['bikin aplikasi', 'tik'],
      ['nyupir bus', 'logistik'],
      ['jaga toko', 'pemasaran'],
      ['jadi koki', 'tata_boga'],
      ['potong rambut', 'tata_rias'],
      ['ngelas kapal', 'las'],
      ['rakit komputer', 'tik'],
      ['nanam sayur hidroponik', 'pertanian'],
      ['bikin tas kulit', 'kerajinan'],
      ['ngurus lansia', 'perawatan'],
    ];
    for (const [text, field] of cases) expect(understand(text).slots.fields, text).toEqual([field]);
    expect(understand('nanam sayur hidroponik').slots.topics?.[0]).toContain('hidroponik');
  });

  it('reads a job title with a trigger word as a search, not a request for a person', () => {
    for (const text of [
      'lowongan admin di bekasi',
      'pelatihan customer service',
      'jadi petugas kebersihan hotel',
      'mau jadi agen asuransi',
      'kendal ada pemagangan operator pabrik ga?',
    ])
      expect(understand(text).intent, text).toBe('search');
    for (const text of ['mau tanya admin', 'bicara dengan customer service', 'admin'])
      expect(understand(text).intent, text).toBe('handoff');
  });

  it('never lets regional or chat words become search words', () => {
    for (const text of [
      'punten kak, aya pelatihan naon wae di bandung?',
      'mas, aku pengen nglas nang tegal, ono pelatihan ra?',
      'sa mau belajar tukang batu di kupang',
      'awak urang padang, nio baraja masak',
      'min nanya dong pelatihan jahit plis',
      'kepingin kerja di jepang ndak apa2 kan',
    ])
      expect(understand(text).slots.keywords, text).toBeUndefined();
  });

  it('keeps where the person lives apart from where they want to go', () => {
    const u = understand('sa dari wamena, mau ikut pelatihan admin di jayapura');
    expect(u.slots).toMatchObject({
      regency: '91.71',
      facts: { domicile: { province: '95', regency: '95.01' } },
    });
    expect(u.slots.placeIsHome).toBeUndefined();
    expect(understand('aku soko ngawi, pengin dadi teknisi ac').slots).toMatchObject({
      regency: '35.21',
      placeIsHome: true,
    });
  });

  it("reads a parent's trade as the person's background, unless nothing else is asked", () => {
    const office = understand('aku anak petani tp pengen kerja kantoran, ada pelatihan admin?').slots;
    expect(office.fields).toEqual(['administrasi']);
    const barista = understand('anak petani kopi, pengen jadi barista').slots;
    expect(barista.topics?.[0]?.[0]).toBe('barista');
    expect(understand('anak petani kakao, sa di keerom').slots.topics?.[0]).toContain('kakao');
    // After "shift": when the person is free, not what they want.
    expect(understand('ada kelas malem ga kak, abis shift pabrik').slots.fields).toBeUndefined();
  });

  it('reads when classes are held as a filter of its own', () => {
    expect(understand('kelas malam surabaya').slots.schedule?.[0]).toContain('malam');
    expect(understand('kota ambon ada kursus buat yg kerja siang?').slots.schedule?.[0]).toContain('sore');
    // Working night shifts is no class time.
    expect(understand('magang gudang bisa shift malam, jakarta').slots.schedule).toBeUndefined();
  });

  it('takes a second kind offered as a fallback', () => {
    expect(understand('pontianak ada magang kah? kalo ndak ade, pelatihan pun jadi').slots.kinds).toEqual([
      'magang',
      'pelatihan',
    ]);
  });

  it('reads a name of two regencies in two provinces as both', () => {
    expect(understand('pelatihan di banjar ada?').slots.places).toEqual(['32.79', '63.03']);
    expect(understand('pelatihan di kota banjar').slots.places).toBeUndefined();
  });

  it('reads money in chat words: wanting it is a paid programme, lacking it a free one', () => {
    expect(understand('mau kerja apa aja yg penting dpt duit').slots.constraints).toEqual({ stipend: true });
    expect(understand('gak ada duit buat bayar').slots.constraints).toEqual({ free: true });
    expect(understand('mau kerja apa aja yg penting dpt duit').slots.keywords).toBeUndefined();
  });
});
