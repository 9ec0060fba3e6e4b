import { describe, expect, it } from 'vitest';
import { type StatedFacts, understand } from './index';

const facts = (text: string): StatedFacts | undefined => understand(text).slots.facts;

describe('stated facts', () => {
  it('reads several facts in one message, and the search still', () => {
    const u = understand('aku cowok umur 24 lulusan smp di medan');
    expect(u.slots.facts).toEqual({ gender: 'laki_laki', age: 24, education: 'SMP' });
    // The place is still the search's, and the fact words are no search keywords.
    expect(u.slots).toMatchObject({ province: '12', regency: '12.71', education: 'SMP' });
    expect(u.slots.keywords).toBeUndefined();
  });

  it('takes where the person lives now over where they are from', () => {
    expect(facts('sy orang makassar tp tinggal di timika, bisa ikut magang tambang?')?.domicile).toEqual({
      province: '94',
      regency: '94.04',
    });
    // "orang asli papua" says where the person is from, and is no call for a real person.
    const u = understand('ko tau magang di tambang timika ka? sa orang asli papua umur 21 lulus sma');
    expect(u.intent).not.toBe('handoff');
    expect(u.slots).toMatchObject({ kind: 'magang', regency: '94.04' });
    expect(understand('mau ngomong sama orang asli').intent).toBe('handoff');
  });

  it('reads what programmes ask of the body: height, a tattoo, colour blindness', () => {
    expect(facts('bang, kerja hotel di mekkah ada lowongan resmi? tinggi sy 158')).toEqual({ height: 158 });
    expect(facts('tinggi badan 165 cm, mau ke jepang')).toEqual({ height: 165 });
    expect(facts('mau ke jepang tp sy punya tato kecil di tangan')).toEqual({ tattoo: true });
    expect(facts('ga punya tato, bisa ke korea?')).toEqual({ tattoo: false });
    expect(facts('aku buta warna parsial')).toEqual({ traits: { buta_warna: true } });
    expect(facts('aku ga buta warna')).toEqual({ traits: { buta_warna: false } });
    expect(facts("i'm colour blind")).toEqual({ traits: { buta_warna: true } });
    // A height is no age, and a price no height.
    expect(facts('tinggi 170 umur 22')).toEqual({ height: 170, age: 22 });
  });

  it('reads gender as people say it', () => {
    expect(facts('saya laki-laki')).toEqual({ gender: 'laki_laki' });
    expect(facts('saya laki laki')).toEqual({ gender: 'laki_laki' });
    expect(facts('aku cewek 19 thn')).toEqual({ gender: 'perempuan', age: 19 });
    expect(facts('gue pria, ada magang?')?.gender).toBe('laki_laki');
    expect(facts('cowok boleh ikut?')?.gender).toBe('laki_laki');
    expect(facts('pelatihan jahit buat cowok ada?')?.gender).toBe('laki_laki');
    expect(facts('saya ibu rumah tangga mau kursus jahit')?.gender).toBe('perempuan');
    // Both, or someone else's: nothing about the person.
    expect(facts('magang buat cowok dan cewek')).toBeUndefined();
    expect(facts('yang bukan cewek aja')).toBeUndefined();
    // A wish for women-only programmes is a constraint, not a fact.
    expect(understand('magang luar negri yg buat cewe').slots.facts).toBeUndefined();
  });

  it('reads an age, not a length of time', () => {
    expect(facts('umur 29 ada pelatihan apa di medan')?.age).toBe(29);
    expect(facts('usia saya sudah 27 tahun')?.age).toBe(27);
    expect(facts('umurku 22')?.age).toBe(22);
    expect(facts('aku 19, cari magang')?.age).toBe(19);
    expect(facts('24th lulusan sma')?.age).toBe(24);
    expect(facts('usia dua puluh tujuh tahun')?.age).toBe(27);
    expect(facts('umur tujuh belas')?.age).toBe(17);
    expect(facts('magang 3 tahun di jepang')).toBeUndefined();
    expect(facts('pengalaman 15 tahun di bengkel')).toBeUndefined();
    expect(facts('kontrak 3 tahun di korea')).toBeUndefined();
    expect(facts('saya 2 orang')).toBeUndefined();
  });

  it('reads a birth year', () => {
    expect(facts('kelahiran 98 ada magang jepang?')).toEqual({ birthYear: 1998 });
    expect(facts('aku lahir 17 agustus 2003')).toEqual({ birthYear: 2003 });
    expect(facts('lahir tahun 2001')).toEqual({ birthYear: 2001 });
    expect(facts('lahir di medan')).toBeUndefined();
  });

  it('reads the education completed', () => {
    expect(facts('cuma tamat sd')).toEqual({ education: 'SD' });
    expect(facts('lulusan smk')).toEqual({ education: 'SMA' });
    // Still at a level: the one below is completed.
    expect(facts('masih sma kelas 12')).toEqual({ education: 'SMP', activity: 'pelajar' });
    expect(facts('masih kuliah, ada magang?')).toEqual({ education: 'SMA', activity: 'mahasiswa' });
    // "ga?" before "lulusan" is a question, not "did not graduate".
    expect(facts('umurku 29, masih bisa ikut magang ga? lulusan sma')?.education).toBe('SMA');
    expect(facts('gak lulus smp')).toEqual({ education: 'SD' });
  });

  it('reads a level the person says they do not have, and the one they do', () => {
    // A negation glued to its verb ("gapunya") and a level named only to deny it.
    expect(facts('aku gapunya ijazah sma, cuma smp')?.education).toBe('SMP');
    expect(facts('ga punya ijazah smk')?.education).toBe('SMP');
    expect(facts('sma gak tamat')?.education).toBe('SMP');
    expect(facts('aku ngga ada ijazah sma cuma paket b')?.education).toBe('SMP');
    // The negation belongs to the level after it.
    expect(facts('lulusan smp, ga sampai sma')?.education).toBe('SMP');
  });

  it('reads the field studied as a fact that ranks, not as a wish that filters', () => {
    const u = understand('lulusan smk otomotif ada magang?');
    expect(u.slots.facts).toEqual({ education: 'SMA', major: 'otomotif' });
    expect(u.slots.fields).toBeUndefined();
    expect(u.slots.rankFields).toEqual(['otomotif']);
    // Asked for as well, or as who the programme is for: the field filters.
    expect(understand('lulusan smk tkr, mau uji kompetensi mekanik').slots.fields).toEqual(['otomotif']);
    expect(understand('ada magang buat anak smk jurusan otomotif?').slots.fields).toEqual(['otomotif']);
    expect(understand('aku lulusan smk tkj, cocoknya ikut apa').slots.fields).toEqual(['tik']);
    expect(facts('aku lulusan smk tkj')?.major).toBe('tik');
    expect(facts('s1 jurusan akuntansi cari magang')?.major).toBe('administrasi');
    expect(facts('saya anak otomotif')?.major).toBe('otomotif');
    expect(facts('lulusan sma, ada pelatihan komputer?')?.major).toBeUndefined();
  });

  it('reads where the person lives apart from where they search', () => {
    expect(facts('aku asli garut')).toEqual({ domicile: { province: '32', regency: '32.05' } });
    // "di jogja" is also "DI Yogyakarta": its "di" still makes "aku di jogja" a home.
    expect(facts('aku di jogja mau pelatihan')?.domicile).toEqual({ province: '34' });
    expect(understand('aku di jogja mau pelatihan').slots.placeIsHome).toBe(true);
    expect(understand('pelatihan las di jogja').slots.placeIsHome).toBeUndefined();
    expect(facts('saya tinggal di garut mau pelatihan di bandung')?.domicile).toEqual({
      province: '32',
      regency: '32.05',
    });
    expect(facts('domisili jatim')?.domicile).toEqual({ province: '35' });
    // A city and a regency of one name: either of the two, and no other regency of the province.
    expect(facts('aku dari semarang mau ikut pelatihan guide borobudur')?.domicile).toEqual({
      province: '33',
      regencies: ['33.74', '33.22'],
    });
    expect(understand('saya tinggal di garut').slots.keywords).toBeUndefined();
    expect(facts('pelatihan las di garut')).toBeUndefined();
  });

  it('leaves messages without facts as they were', () => {
    expect(facts('pelatihan las di sby')).toBeUndefined();
    expect(facts('umur 27 bisa ikut?')).toEqual({ age: 27 });
    // Reading the facts does not change what a message asks.
    expect(understand('umur 27 bisa ikut?').intent).toBe('eligibility');
    expect(understand('umur 24').intent).toBe('eligibility');
  });

  it('reads what the person does now', () => {
    expect(facts('aku udah kerja di pabrik, pengen belajar las')?.activity).toBe('bekerja');
    expect(facts('lagi nganggur nih, ada pelatihan?')?.activity).toBe('tidak_bekerja');
    expect(facts('baru lulus smk, cari magang')?.activity).toBe('lulusan_baru');
    expect(facts('aku mau kerja di jepang')?.activity).toBeUndefined();
  });
});
