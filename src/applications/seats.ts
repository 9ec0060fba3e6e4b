import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import { programmeSeats, programmes } from '../db/schema';
import { type Seats, type SeatsTaken, seatSituation } from '../eligibility';
import type { SeatKind } from '../shared/application-statuses';
import type { Gender } from '../shared/vocabulary';

/*
 * Seats are counted per programme in one row that every seat change locks first: a submission, a
 * withdrawal, a rejection, a promotion from the waitlist. Two people racing for the last seat are thus
 * served one after the other, on any number of servers, and the second one finds it taken. Taking the
 * lock before any application row also gives every transaction the same lock order (no deadlocks).
 * Which seat a person gets is the eligibility module's rule (seatSituation): a woman takes a women's
 * seat while there is one, then a general one; a man only a general one.
 */

export interface LockedSeats {
  seats: Seats;
  taken: SeatsTaken;
}

/**
 * Locks the programme's seat row (creating it on first use) and returns what is taken, with the totals
 * as the catalogue states them now. One statement: the upsert takes the row lock and returns the
 * latest committed counts.
 */
export async function lockSeats(tx: Queryable, programmeId: string): Promise<LockedSeats> {
  const result = await tx.execute(sql`
    with locked as (
      insert into programme_seats (programme_id) values (${programmeId})
      on conflict (programme_id) do update set updated_at = now()
      returning taken_general, taken_women
    )
    select l.taken_general, l.taken_women, p.seats_total, p.seats_women
    from locked l, programmes p where p.id = ${programmeId}`);
  const [row] = rowsOf<{
    taken_general: number;
    taken_women: number;
    seats_total: number | null;
    seats_women: number | null;
  }>(result);
  if (!row) throw new Error('programme not found for seat lock');
  return {
    seats: {
      ...(row.seats_total !== null ? { total: Number(row.seats_total) } : {}),
      ...(row.seats_women !== null ? { women: Number(row.seats_women) } : {}),
    },
    taken: { general: Number(row.taken_general), women: Number(row.taken_women) },
  };
}

/** Which seat this person would get now, or undefined when only the waitlist is left. */
export function seatFor(locked: LockedSeats, gender: Gender | undefined): SeatKind | undefined {
  const situation = seatSituation(locked.seats, locked.taken, gender);
  return situation.available && situation.via !== 'none' ? situation.via : undefined;
}

/** Counts a seat as taken (the row is locked by this transaction). */
export async function takeSeat(tx: Queryable, programmeId: string, seat: SeatKind, locked?: LockedSeats) {
  await tx
    .update(programmeSeats)
    .set(
      seat === 'women'
        ? { takenWomen: sql`${programmeSeats.takenWomen} + 1`, updatedAt: sql`now()` }
        : { takenGeneral: sql`${programmeSeats.takenGeneral} + 1`, updatedAt: sql`now()` },
    )
    .where(eq(programmeSeats.programmeId, programmeId));
  if (locked) locked.taken[seat] += 1;
}

export async function releaseSeat(tx: Queryable, programmeId: string, seat: SeatKind, locked?: LockedSeats) {
  await tx
    .update(programmeSeats)
    .set(
      seat === 'women'
        ? { takenWomen: sql`greatest(0, ${programmeSeats.takenWomen} - 1)`, updatedAt: sql`now()` }
        : { takenGeneral: sql`greatest(0, ${programmeSeats.takenGeneral} - 1)`, updatedAt: sql`now()` },
    )
    .where(eq(programmeSeats.programmeId, programmeId));
  if (locked) locked.taken[seat] = Math.max(0, locked.taken[seat] - 1);
}

/** Seats still free, for the programme card ("Sisa: 3 kursi umum, 1 kursi perempuan"). */
export async function seatsLeft(
  db: Queryable,
  programmeId: string,
): Promise<{ general?: number; women?: number } | undefined> {
  const [row] = await db
    .select({
      total: programmes.seatsTotal,
      women: programmes.seatsWomen,
      takenGeneral: programmeSeats.takenGeneral,
      takenWomen: programmeSeats.takenWomen,
    })
    .from(programmes)
    .innerJoin(programmeSeats, eq(programmeSeats.programmeId, programmes.id))
    .where(eq(programmes.id, programmeId));
  if (!row || row.total === null) return undefined;
  const situation = seatSituation(
    { total: row.total, ...(row.women !== null ? { women: row.women } : {}) },
    { general: row.takenGeneral, women: row.takenWomen },
  );
  return { general: situation.generalLeft ?? 0, women: situation.womenLeft };
}
