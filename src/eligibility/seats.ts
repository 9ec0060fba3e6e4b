/**
 * The seat situation for one person. `total` includes the seats reserved for women (kuota perempuan);
 * the rest are general seats, open to anyone. A woman takes a reserved seat while there is one (leaving
 * general seats for everyone) and a general seat after that; a man only a general seat.
 */

import type { Message } from '../shared/profile';
import type { Gender } from '../shared/vocabulary';

export interface Seats {
  /** Absent: the organisers did not state a number. */
  total?: number;
  /** Seats reserved for women, part of `total`. */
  women?: number;
}

/** Places already taken: in general seats (by anyone) and in the women's reserved seats. */
export interface SeatsTaken {
  general: number;
  women: number;
}

export interface SeatSituation {
  available: boolean;
  via: 'women' | 'general' | 'none';
  generalLeft?: number;
  womenLeft: number;
  explanation: Message;
}

const message = (name: string, vars: Record<string, unknown> = {}): Message => ({
  key: `eligibility:seats.${name}`,
  vars,
});

/** `gender` undefined: explain the situation for anyone (a man reading it learns that only women's seats are left). */
export function seatSituation(seats: Seats, taken: SeatsTaken, gender?: Gender): SeatSituation {
  const reserved = Math.max(0, Math.min(seats.women ?? 0, seats.total ?? Number.POSITIVE_INFINITY));
  const womenLeft = Math.max(0, reserved - taken.women);
  if (seats.total === undefined) {
    return { available: true, via: 'general', womenLeft, explanation: message('not_stated') };
  }
  const generalLeft = Math.max(0, seats.total - reserved - taken.general);
  const situation = (available: boolean, via: SeatSituation['via'], explanation: Message): SeatSituation => ({
    available,
    via,
    generalLeft,
    womenLeft,
    explanation,
  });

  if (reserved === 0) {
    return generalLeft > 0
      ? situation(true, 'general', message('open', { count: generalLeft }))
      : situation(false, 'none', message('full'));
  }
  if (gender === 'perempuan') {
    if (womenLeft > 0)
      return situation(true, 'women', message('women_open', { count: womenLeft, general: generalLeft }));
    if (generalLeft > 0)
      return situation(true, 'general', message('women_full_general_open', { count: generalLeft }));
    return situation(false, 'none', message('full'));
  }
  if (generalLeft > 0) {
    if (gender === 'laki_laki' || womenLeft === 0) {
      return situation(
        true,
        'general',
        message(gender ? 'general_open' : 'general_open_women_full', { count: generalLeft }),
      );
    }
    return situation(
      true,
      'general',
      message('general_and_women_open', { count: generalLeft, women: womenLeft }),
    );
  }
  if (womenLeft > 0) {
    return gender === 'laki_laki'
      ? situation(false, 'none', message('general_full_women_only_man', { count: womenLeft }))
      : situation(true, 'women', message('general_full_women_only', { count: womenLeft }));
  }
  return situation(false, 'none', message('full'));
}
