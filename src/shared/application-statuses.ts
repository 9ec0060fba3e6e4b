/**
 * The life of an application (issue #5): a draft while the form is filled in, then
 * diajukan → diverifikasi → seleksi / wawancara → diterima / ditolak / cadangan, and `mundur` when the
 * person withdraws. Pure: the service (status.ts) enforces these rules inside a transaction.
 */
export const APPLICATION_STATUSES = [
  'draft',
  'diajukan',
  'diverifikasi',
  'seleksi',
  'wawancara',
  'diterima',
  'ditolak',
  'cadangan',
  'mundur',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Statuses staff may set (the CLI, later the API); `draft` is the person's own. */
export const STAFF_STATUSES = [
  'diverifikasi',
  'seleksi',
  'wawancara',
  'diterima',
  'ditolak',
  'cadangan',
  'mundur',
] as const satisfies readonly ApplicationStatus[];

/** Statuses that hold a seat. A waitlisted (cadangan) application holds none. */
export const SEAT_HOLDING: ReadonlySet<ApplicationStatus> = new Set([
  'diajukan',
  'diverifikasi',
  'seleksi',
  'wawancara',
  'diterima',
]);

/** Still in the running: counts as the person's one application to this programme. */
export const ACTIVE: ReadonlySet<ApplicationStatus> = new Set([
  'draft',
  'diajukan',
  'diverifikasi',
  'seleksi',
  'wawancara',
  'diterima',
  'cadangan',
]);

/**
 * Submitted and still open, in the order of the lifecycle: the person may withdraw, and a recruitment
 * target counts these as participants unless it names its own statuses.
 */
export const SUBMITTED_OPEN = [
  'diajukan',
  'diverifikasi',
  'seleksi',
  'wawancara',
  'diterima',
  'cadangan',
] as const satisfies readonly ApplicationStatus[];

/** Submitted and still open: the person may withdraw. */
export const WITHDRAWABLE: ReadonlySet<ApplicationStatus> = new Set(SUBMITTED_OPEN);

const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['diajukan', 'cadangan'],
  diajukan: ['diverifikasi', 'seleksi', 'wawancara', 'diterima', 'ditolak', 'cadangan', 'mundur'],
  diverifikasi: ['seleksi', 'wawancara', 'diterima', 'ditolak', 'cadangan', 'mundur'],
  seleksi: ['wawancara', 'diterima', 'ditolak', 'cadangan', 'mundur'],
  // A second `wawancara` moves the interview (new date or place).
  wawancara: ['wawancara', 'seleksi', 'diterima', 'ditolak', 'cadangan', 'mundur'],
  // Promoted from the waitlist (diajukan) or decided directly by staff.
  cadangan: ['diajukan', 'diverifikasi', 'seleksi', 'wawancara', 'diterima', 'ditolak', 'mundur'],
  // An acceptance can still be withdrawn by the person or revoked by the organisers.
  diterima: ['ditolak', 'mundur'],
  ditolak: [],
  mundur: [],
};

export function canChange(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

/** What staff add to a status change; the interview needs its date and place. */
export interface StatusDetails {
  /** ISO date-time of the interview (or test), in UTC. */
  date?: string;
  place?: string;
  reason?: string;
}

/** What a trail event stores: the details, and the outbox row of a notice held for an undo. */
export type EventDetails = StatusDetails & {
  notice?: number;
  undone?: boolean;
  /** A held promotion's former place on the waitlist (ISO instant). */
  waitlistedAt?: string;
};

export type SeatKind = 'women' | 'general';
