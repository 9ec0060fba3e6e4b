import type { ApplicationStatus } from '../../shared/application-statuses';

/*
 * Decisions staff cannot take back once the person has read them: each is confirmed on a page that
 * shows the exact message, and its notice is held in the outbox for a short while so a slip can be
 * undone before anyone is told (issue #20, point 1).
 */

/** Statuses that end (or nearly end) an application: confirmed first, their notice held. */
export const DECISIONS: ReadonlySet<ApplicationStatus> = new Set(['diterima', 'ditolak', 'mundur']);

/** A "no" is always explained to the person: the reason is required and sent with the notice. */
export const REASON_REQUIRED: ReadonlySet<ApplicationStatus> = new Set(['ditolak', 'mundur']);

/** A reason shorter than this is rarely an explanation ("tidak lolos"); ask for a sentence. */
export const MIN_REASON_LENGTH = 20;

/** How long a decision's notice waits in the outbox, during which "Urungkan" takes it back. */
export const UNDO_SECONDS = 180;
