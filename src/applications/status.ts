import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Gender } from '../catalogue/vocabulary';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import { type ApplicantSnapshot, applicationEvents, applications, programmes } from '../db/schema';
import { jakartaDay } from '../eligibility';
import type { Locale } from '../i18n';
import { checkTargetsReached } from '../organisations/targets';
import { applicationChanged, applicationSubmitted } from '../webhooks/events';
import { localizedTitle, nextSteps, type Translate } from './format';
import { queueNotice } from './notify';
import { type LockedSeats, lockSeats, releaseSeat, seatFor, takeSeat } from './seats';
import {
  type ApplicationStatus,
  canChange,
  SEAT_HOLDING,
  type SeatKind,
  type StatusDetails,
} from './statuses';
import { waitlistPosition } from './store';

export class StatusChangeError extends Error {
  constructor(
    readonly code: 'not_found' | 'not_allowed' | 'needs_details' | 'no_seat',
    message: string,
  ) {
    super(message);
  }
}

export interface SubmitInput {
  applicationId: string;
  programmeId: string;
  applicant: ApplicantSnapshot;
  /** Coarse facts kept for statistics after anonymisation. */
  stats: { gender?: Gender; educationLevel?: string; province?: string; age?: number };
}

export interface SubmitResult {
  reference: string;
  status: ApplicationStatus;
  seat?: SeatKind;
  /** Place on the waitlist when the programme was full. */
  position?: number;
  /** The draft had been submitted already (a second tap on "Kirim"). */
  already: boolean;
}

/**
 * Submits a draft: takes a seat if one is left for this person (women's seat first for a woman), or
 * puts the application on the waitlist; gives it its reference number. Runs inside the caller's
 * transaction (the chat turn), with the programme's seat row locked for the rest of it.
 */
export async function submitApplication(tx: Queryable, input: SubmitInput): Promise<SubmitResult> {
  const locked = await lockSeats(tx, input.programmeId);
  const [app] = await tx
    .select({ status: applications.status, reference: applications.reference, seat: applications.seat })
    .from(applications)
    .where(eq(applications.id, input.applicationId))
    .for('update');
  if (!app) throw new StatusChangeError('not_found', 'application not found');
  if (app.status !== 'draft') {
    const position = await waitlistPosition(tx, input.applicationId);
    return {
      reference: app.reference ?? '',
      status: app.status,
      ...(app.seat ? { seat: app.seat } : {}),
      ...(position ? { position } : {}),
      already: true,
    };
  }
  const seat = seatFor(locked, input.stats.gender);
  const status: ApplicationStatus = seat ? 'diajukan' : 'cadangan';
  // One statement: the seat counted, the reference drawn from the sequence, the application
  // submitted, the audit trail written. (Under 50 people applying at once, round trips are latency.)
  const result = await tx.execute(sql`
    with counted as (
      update programme_seats set
        taken_women = taken_women + ${seat === 'women' ? 1 : 0},
        taken_general = taken_general + ${seat === 'general' ? 1 : 0},
        updated_at = now()
      where programme_id = ${input.programmeId} and ${seat !== undefined}
    ), submitted as (
      update applications set
        status = ${status}, seat = ${seat ?? null},
        -- clock_timestamp(), not now(): now() is when the transaction began, maybe before it waited
        -- for the seat lock; the waitlist must follow the order in which people got the lock.
        waitlisted_at = ${seat ? null : sql`clock_timestamp()`},
        reference = (select ${`JMB-${jakartaDay().year}-`} || lpad(s.n::text, greatest(6, length(s.n::text)), '0')
                     from (select nextval('application_reference_seq') as n) s),
        submitted_at = now(), updated_at = now(),
        applicant = ${JSON.stringify(input.applicant)}::jsonb,
        gender = ${input.stats.gender ?? null}, education_level = ${input.stats.educationLevel ?? null},
        province = ${input.stats.province ?? null}, age_at_submission = ${input.stats.age ?? null}
      where id = ${input.applicationId}
      returning reference
    ), audited as (
      insert into application_events (application_id, from_status, to_status, actor)
      values (${input.applicationId}, 'draft', ${status}, 'person')
    )
    select reference from submitted`);
  const [row] = rowsOf<{ reference: string }>(result);
  if (seat) locked.taken[seat] += 1;
  const reference = row?.reference ?? '';
  const position = seat ? undefined : await waitlistPosition(tx, input.applicationId);
  // The organisation's systems hear of it after this transaction commits (never before, never if not).
  await applicationSubmitted(tx, input.applicationId, position);
  await checkTargetsReached(tx, { programmeId: input.programmeId });
  return { reference, status, ...(seat ? { seat } : {}), ...(position ? { position } : {}), already: false };
}

export interface ChangeResult {
  reference: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** A notice for the person was queued in the outbox. */
  notified: boolean;
  /** References promoted from the waitlist into the seat this change freed. */
  promoted: string[];
}

export interface ChangeOptions {
  /** Default true. The person's own withdrawal is answered in the chat instead. */
  notifyPerson?: boolean;
}

/**
 * Moves an application to a new status — the one function staff tools (CLI now, API later) and the
 * person's own withdrawal go through. In one transaction: the seat row is locked, the transition
 * checked, the seat taken or freed, the audit trail written, the person notified through the outbox
 * (in their language, with next steps), and a freed seat given to the first on the waitlist who fits.
 */
export async function changeStatus(
  db: Queryable,
  reference: string,
  status: ApplicationStatus,
  details: StatusDetails,
  actor: string,
  options: ChangeOptions = {},
): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: applications.id, programmeId: applications.programmeId })
      .from(applications)
      .where(eq(applications.reference, reference));
    if (!found) throw new StatusChangeError('not_found', `no application ${reference}`);
    // Seat row first, then the application: the same lock order as a submission.
    const locked = await lockSeats(tx, found.programmeId);
    const [app] = await tx.select().from(applications).where(eq(applications.id, found.id)).for('update');
    if (!app) throw new StatusChangeError('not_found', `no application ${reference}`);
    const from = app.status;
    if (!canChange(from, status))
      throw new StatusChangeError('not_allowed', `${reference}: ${from} → ${status} is not a valid change`);
    if (status === 'wawancara' && (!details.date || !details.place))
      throw new StatusChangeError('needs_details', 'an interview needs --date and --place');

    const holding = SEAT_HOLDING.has(from) && app.seat !== null;
    const willHold = SEAT_HOLDING.has(status);
    let seat: SeatKind | null = app.seat;
    let freed = false;
    if (holding && !willHold) {
      await releaseSeat(tx, app.programmeId, app.seat!, locked);
      seat = null;
      freed = true;
    } else if (!holding && willHold) {
      const got = seatFor(locked, (app.gender ?? undefined) as Gender | undefined);
      if (!got) throw new StatusChangeError('no_seat', `${reference}: no seat left for this applicant`);
      await takeSeat(tx, app.programmeId, got, locked);
      seat = got;
    }
    const clean = cleanDetails(details);
    await tx
      .update(applications)
      .set({
        status,
        seat,
        waitlistedAt:
          status === 'cadangan' ? (from === 'cadangan' ? app.waitlistedAt : sql`clock_timestamp()`) : null,
        statusDetails: clean,
        updatedAt: sql`now()`,
      })
      .where(eq(applications.id, app.id));
    await tx
      .insert(applicationEvents)
      .values({ applicationId: app.id, fromStatus: from, toStatus: status, details: clean, actor });
    await applicationChanged(tx, app.id, { from, to: status, actor });

    let notified = false;
    if (options.notifyPerson !== false && app.userId) {
      const title = await titleOf(tx, app.programmeId);
      const position = status === 'cadangan' ? await waitlistPosition(tx, app.id) : undefined;
      notified = await queueNotice(
        tx,
        app.userId,
        (t, locale) =>
          noticeText(t, locale, { reference, title: title.title, status, details: clean, position }),
        title.organisation,
      );
    }
    const promoted = freed ? await promoteWaitlist(tx, app.programmeId, locked, app.id) : [];
    await checkTargetsReached(tx, { programmeId: app.programmeId });
    return { reference, from, to: status, notified, promoted };
  });
}

function cleanDetails(details: StatusDetails): StatusDetails | null {
  const clean: StatusDetails = {};
  if (details.date) clean.date = details.date;
  if (details.place?.trim()) clean.place = details.place.trim().slice(0, 300);
  if (details.reason?.trim()) clean.reason = details.reason.trim().slice(0, 500);
  return Object.keys(clean).length ? clean : null;
}

/**
 * Gives free seats to the waitlist, earliest first, skipping anyone no free seat fits (a man while only
 * women's seats are free). Each promoted person is told. The seat row is already locked.
 */
export async function promoteWaitlist(
  tx: Queryable,
  programmeId: string,
  locked: LockedSeats,
  excludeId?: string,
): Promise<string[]> {
  const promoted: string[] = [];
  const anyone = () => seatFor(locked, 'perempuan') ?? seatFor(locked, 'laki_laki');
  if (!anyone()) return promoted;
  const waiting = await tx
    .select({
      id: applications.id,
      reference: applications.reference,
      userId: applications.userId,
      gender: applications.gender,
    })
    .from(applications)
    .where(
      and(
        eq(applications.programmeId, programmeId),
        eq(applications.status, 'cadangan'),
        ...(excludeId ? [ne(applications.id, excludeId)] : []),
      ),
    )
    .orderBy(asc(applications.waitlistedAt), asc(applications.id))
    .limit(200)
    .for('update');
  let title: { title: { id: string; en?: string }; organisation: string | null } | undefined;
  for (const candidate of waiting) {
    if (!anyone()) break;
    const seat = seatFor(locked, (candidate.gender ?? undefined) as Gender | undefined);
    if (!seat) continue;
    await takeSeat(tx, programmeId, seat, locked);
    await tx
      .update(applications)
      .set({ status: 'diajukan', seat, waitlistedAt: null, statusDetails: null, updatedAt: sql`now()` })
      .where(eq(applications.id, candidate.id));
    await tx
      .insert(applicationEvents)
      .values({ applicationId: candidate.id, fromStatus: 'cadangan', toStatus: 'diajukan', actor: 'system' });
    await applicationChanged(tx, candidate.id, { from: 'cadangan', to: 'diajukan', actor: 'system' });
    const reference = candidate.reference ?? '';
    promoted.push(reference);
    if (candidate.userId) {
      title ??= await titleOf(tx, programmeId);
      const programme = title;
      await queueNotice(
        tx,
        candidate.userId,
        (t, locale) =>
          t('applications:notice.promoted', {
            reference,
            title: localizedTitle(programme.title, locale),
            next: nextSteps(t, locale, 'diajukan', null),
          }),
        programme.organisation,
      );
    }
  }
  return promoted;
}

/** The programme's title, and its organiser (whom its notices concern). */
async function titleOf(
  tx: Queryable,
  programmeId: string,
): Promise<{ title: { id: string; en?: string }; organisation: string | null }> {
  const [row] = await tx
    .select({
      title: sql<{ id: string; en?: string }>`${programmes.record} -> 'title'`,
      organisation: programmes.organisation,
    })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  return { title: row?.title ?? { id: '' }, organisation: row?.organisation ?? null };
}

/** The status notice: what changed, for which application, and what to do now. */
export function noticeText(
  t: Translate,
  locale: Locale,
  n: {
    reference: string;
    title: { id: string; en?: string };
    status: ApplicationStatus;
    details: StatusDetails | null;
    position?: number | undefined;
  },
): string {
  return t('applications:notice.changed', {
    reference: n.reference,
    title: localizedTitle(n.title, locale),
    status: t(`applications:status.${n.status}.label`),
    next: nextSteps(t, locale, n.status, n.details, n.position ? { position: n.position } : {}),
  });
}
