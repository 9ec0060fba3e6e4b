import { describe, expect, it } from 'vitest';
import { cardQuestion, programmeQuestion } from './card-question';
import { matchChoice } from './choice';

describe('cardQuestion: what is asked of the programme on screen', () => {
  it.each([
    ['ada uang saku sama asrama gak?', ['stipend', 'dormitory']],
    ['uang sakunya brp?', ['stipend']],
    ['ada asrama ga kak', ['dormitory']],
    ['ada mess nya?', ['dormitory']],
    ['gratis kan?', ['cost']],
    ['bayar ga', ['cost']],
    ['dapet sertifikat?', ['certificate']],
    ['ditanggung bpjs?', ['bpjs']],
    ['habis itu disalurin kerja ga?', ['placement']],
    ['kapan mulai', ['starts']],
    ['berapa lama', ['duration']],
    ['pelatihannya berapa bulan', ['duration']],
    ['daftarnya sampe kapan', ['deadline']],
    ['lokasinya dimana', ['location']],
    ['bisa online?', ['mode']],
    ['kuota nya masih ada?', ['seats']],
    ['dapat uang transport?', ['transport']],
    ['syaratnya apa aja', ['requirements']],
    ['yg pake kursi roda bisa ikut?', ['disability']],
    ['is it free?', ['cost']],
  ])('%s → %j', (text, attributes) => {
    expect(cardQuestion(text)?.attributes).toEqual(attributes);
  });

  it('reads what the person says of themselves', () => {
    expect(cardQuestion('umur 27 bisa?')).toEqual({ attributes: ['age'], age: 27 });
    expect(cardQuestion('usia 30 tahun masih bisa?')).toEqual({ attributes: ['age'], age: 30 });
    expect(cardQuestion('cewe boleh?')).toEqual({ attributes: ['women'], gender: 'perempuan' });
    expect(cardQuestion('cowok bisa ikut?')).toEqual({ attributes: ['women'], gender: 'laki_laki' });
    expect(cardQuestion('lulusan smp bisa?')).toEqual({ attributes: ['education'], education: 'SMP' });
  });

  it.each([
    'ada yg di bandung?',
    'magang jepang ada?',
    'pelatihan las ada?',
    'ada pelatihan komputer yg ada asrama?',
    'yang gratis',
    'ada yang lain?',
    'cari yang ada asrama',
    'cara daftar',
    'menu',
    'petugas',
    'makasih kak',
    'hapus data saya',
    '/start',
  ])('%s is not a question about the card', (text) => {
    expect(cardQuestion(text)).toBeUndefined();
  });
});

describe('matchChoice does not press a button a question only mentions', () => {
  const card = ['✅ Cek kelayakan', '📝 Daftar', '⭐ Simpan', '🏠 Menu'];
  it('"daftarnya sampe kapan" asks; "daftar" and "mau daftar" press', () => {
    expect(matchChoice('daftarnya sampe kapan', card)).toBeUndefined();
    expect(matchChoice('daftar', card)).toBe(1);
    expect(matchChoice('mau daftar', card)).toBe(1);
  });
});

describe('a fact asked of the programmes a message names', () => {
  it.each([
    ['is there a monthly allowance for the Karawang factory apprenticeship?', ['stipend']],
    ['is there BPJS for the fish processing apprenticeship in bitung?', ['bpjs']],
    ['is the online japanese class really free? what time are the classes', ['cost', 'starts']],
    // "sa ada anak kecil" says what the person has; "mau nanya uang saku …" asks a fact.
    ['pelatihan tata rias makassar itu jam berapa kelasnya? sa ada anak kecil', ['starts']],
    ['kenapa harus setuju dulu? aku cuma mau nanya uang saku las medan', ['stipend']],
    ["is there a women's quota in the Korea programme?", ['seats']],
  ] as const)('%s → %j', (text, attributes) => {
    expect(programmeQuestion(text)?.attributes).toEqual(attributes);
  });

  it.each([
    'is there a welding course in surabaya?',
    'are there courses with a dorm in bandung?',
    'mau nanya dong ada pelatihan las di bekasi ga',
  ])('asks which programmes exist: %s', (text) => {
    expect(programmeQuestion(text)).toBeUndefined();
  });
});
