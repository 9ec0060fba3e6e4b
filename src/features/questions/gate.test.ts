import { describe, expect, it } from 'vitest';
import { understand } from '../../nlu';
import { knowledgeGate } from './gate';

const gate = (text: string) => knowledgeGate(understand(text), text);
/** Whether the knowledge base may count this word of the message. */
const counts = (text: string, word: string) => {
  const g = gate(text);
  return g.ask && !g.options.discount?.(word);
};

describe('knowledge gate: question or search', () => {
  it('leaves a plain look for programmes to the search', () => {
    for (const text of [
      'aceh ada jalur resmi kerja ke malaysia ga, abang sy dulu lewat tekong kena tipu',
      'malaysia yg legal apa aja',
      'titp jepang yg gratis',
      'cewe 17th masih kelas 12 smk, mau magang pas libur',
      'aku difabel pake kursi roda, ada pelatihan yg bisa aku ikut?',
    ])
      expect(gate(text).ask, text).toBe(false);
  });

  it('lets a question about a named route or a licence count its words', () => {
    expect(counts('eps topik itu apa', 'eps')).toBe(true);
    expect(counts('apa sih eps itu', 'eps')).toBe(true);
    expect(counts('mending titp atau tokutei ginou', 'titp')).toBe(true);
    expect(gate('tokutei ginou syaratnya apa').ask).toBe(true);
    expect(counts('lpk di malang ini resmi ga?', 'resmi')).toBe(true);
    // "kah" is a question particle, kept by the normaliser: a yes/no question, not a wish.
    expect(counts('bpvp gratis kah?', 'bpvp')).toBe(true);
    // A word the search only ranks by can still be what is asked.
    expect(counts('kalo kerja di luar negeri ada asuransinya?', 'asuransi')).toBe(true);
  });

  it('keeps the words a search with a place accounts for out of the question', () => {
    expect(counts('padang sidempuan, mau belajar bahasa korea buat eps, bisa online?', 'eps')).toBe(false);
    expect(counts('pelatihan las yang ada asramanya', 'asrama')).toBe(false);
  });

  it('leaves a tattoo or colour blindness said of oneself with what is wanted to the search', () => {
    for (const text of [
      'magang korea galangan kapal, 23 th smk las, tidak buta warna',
      'cikarang magang perakitan mobil, 20th smk, gk ada tato',
      'mau ke jepang tp sy punya tato kecil di tangan',
    ])
      expect(gate(text).ask, text).toBe(false);
    // Asked alone or asked about, it is a worry the knowledge base answers.
    expect(gate('kalau bertato boleh ikut ga?').ask).toBe(true);
    expect(gate('buta warna parsial bisa daftar?').ask).toBe(true);
    expect(gate('punya tato bisa ke jepang?').ask).toBe(true);
    expect(gate('apa buta warna jd penghalang buat ikut pelatihan?').ask).toBe(true);
  });
});
