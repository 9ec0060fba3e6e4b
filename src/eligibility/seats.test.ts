import { describe, expect, it } from 'vitest';
import type { Gender } from '../shared/vocabulary';
import { renderMessage } from './message';
import { type Seats, type SeatsTaken, seatSituation } from './seats';

const quota: Seats = { total: 40, women: 20 };

describe('seatSituation', () => {
  it.each([
    // seats, taken, gender → available, via, general left, women left
    [quota, { general: 0, women: 0 }, 'perempuan', true, 'women', 20, 20],
    [quota, { general: 0, women: 0 }, 'laki_laki', true, 'general', 20, 20],
    [quota, { general: 0, women: 0 }, undefined, true, 'general', 20, 20],
    [quota, { general: 5, women: 20 }, 'perempuan', true, 'general', 15, 0],
    [quota, { general: 5, women: 20 }, 'laki_laki', true, 'general', 15, 0],
    [quota, { general: 20, women: 3 }, 'perempuan', true, 'women', 0, 17],
    [quota, { general: 20, women: 3 }, 'laki_laki', false, 'none', 0, 17],
    [quota, { general: 20, women: 3 }, undefined, true, 'women', 0, 17],
    [quota, { general: 20, women: 20 }, 'perempuan', false, 'none', 0, 0],
    [quota, { general: 20, women: 20 }, 'laki_laki', false, 'none', 0, 0],
    [quota, { general: 20, women: 19 }, 'perempuan', true, 'women', 0, 1],
    [quota, { general: 19, women: 20 }, 'laki_laki', true, 'general', 1, 0],
    [quota, { general: 25, women: 25 }, 'perempuan', false, 'none', 0, 0],
    [{ total: 10 }, { general: 9, women: 0 }, 'laki_laki', true, 'general', 1, 0],
    [{ total: 10 }, { general: 10, women: 0 }, 'perempuan', false, 'none', 0, 0],
    [{ total: 10, women: 0 }, { general: 3, women: 0 }, 'perempuan', true, 'general', 7, 0],
    [{ total: 10, women: 10 }, { general: 0, women: 2 }, 'laki_laki', false, 'none', 0, 8],
  ] as [Seats, SeatsTaken, Gender | undefined, boolean, string, number, number][])(
    '%j taken %j for %s → %s via %s',
    (seats, taken, gender, available, via, generalLeft, womenLeft) => {
      expect(seatSituation(seats, taken, gender)).toMatchObject({ available, via, generalLeft, womenLeft });
    },
  );

  it.each([
    [
      { general: 5, women: 20 },
      'perempuan',
      'Kuota perempuan sudah penuh, tetapi kamu tetap bisa mengisi kursi umum: masih ada 15 kursi.',
    ],
    [
      { general: 20, women: 3 },
      'laki_laki',
      'Kursi umum sudah penuh; 17 kursi yang tersisa khusus untuk perempuan, jadi kamu belum bisa mendaftar.',
    ],
    [{ general: 20, women: 3 }, undefined, 'Kursi umum sudah penuh; yang tersisa 17 kursi khusus perempuan.'],
    [
      { general: 20, women: 3 },
      'perempuan',
      'Masih ada 17 kursi khusus perempuan (kuota perempuan) untukmu.',
    ],
    [{ general: 2, women: 3 }, undefined, 'Masih ada 18 kursi umum dan 17 kursi khusus perempuan.'],
    [{ general: 2, women: 20 }, undefined, 'Masih ada 18 kursi umum; kuota perempuan sudah penuh.'],
    [{ general: 2, women: 3 }, 'laki_laki', 'Masih ada 18 kursi umum.'],
    [{ general: 20, women: 20 }, 'perempuan', 'Semua kursi sudah terisi.'],
  ] as [SeatsTaken, Gender | undefined, string][])('explains %j for %s', (taken, gender, sentence) => {
    expect(renderMessage(seatSituation(quota, taken, gender).explanation)).toBe(sentence);
  });

  it('speaks English, singular and plural', () => {
    expect(renderMessage(seatSituation({ total: 10 }, { general: 9, women: 0 }).explanation, 'en')).toBe(
      '1 place left.',
    );
    expect(renderMessage(seatSituation({ total: 10 }, { general: 7, women: 0 }).explanation, 'en')).toBe(
      '3 places left.',
    );
    expect(renderMessage(seatSituation({ total: 10 }, { general: 7, women: 0 }).explanation, 'id')).toBe(
      'Masih ada 3 kursi.',
    );
  });

  it('is open when the organisers state no number', () => {
    const situation = seatSituation({}, { general: 100, women: 0 }, 'laki_laki');
    expect(situation).toMatchObject({ available: true, via: 'general' });
    expect(renderMessage(situation.explanation)).toBe('Penyelenggara tidak menyebutkan jumlah kursi.');
  });

  it('caps a women quota larger than the total', () => {
    expect(seatSituation({ total: 5, women: 8 }, { general: 0, women: 0 }, 'laki_laki')).toMatchObject({
      available: false,
      womenLeft: 5,
    });
  });
});
