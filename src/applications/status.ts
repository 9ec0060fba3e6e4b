import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import { type ApplicantSnapshot, applicationEvents, applications, messages, programmes } from '../db/schema';
import { jakartaDay } from '../eligibility';
import { isLocale, type Locale, tFor } from '../i18n';
import { checkTargetsReached } from '../organisations/targets';
import {
  type ApplicationStatus,
  canChange,
  type EventDetails,
  SEAT_HOLDING,
  type SeatKind,
  type StatusDetails,
} from '../shared/application-statuses';
import type { Gender } from '../shared/vocabulary';
import { applicationChanged, applicationSubmitted } from '../webhooks/events';
import { localizedTitle, nextSteps, type Translate } from './format';
import { queueNotice } from './notify';
import { type LockedSeats, lockSeats, releaseSeat, seatFor, takeSeat } from './seats';
import { waitlistPosition } from './store';

export class StatusChangeError extends Error {
  constructor(
    readonly code: 'not_found' | 'not_allowed' | 'needs_details' | 'no_seat' | 'too_late',
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
  // Sent together (one round trip, issue #15); Postgres still takes the locks in this order (the seat
  // row, then the application), the order every submission and status change keeps.
  const [locked, [app]] = await Promise.all([
    lockSeats(tx, input.programmeId),
    tx
      .select({ status: applications.status, reference: applications.reference, seat: applications.seat })
      .from(applications)
      .where(eq(applications.id, input.applicationId))
      .for('update'),
  ]);
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
  // A promise, not drizzle's query (which runs again on every `then`): it is awaited twice below.
  const submitting = Promise.resolve(
    tx.execute(sql`
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
    select reference from submitted`),
  );
  // The organisation's systems hear of it after this transaction commits (never before, never if not).
  // The submission, its event and the targets it may complete go out together (a transaction's
  // statements run in the order they are sent, so each sees the one before; issue #15) — except that
  // a place on the waitlist is read before the event, which carries it.
  const position = seat ? undefined : await submitting.then(() => waitlistPosition(tx, input.applicationId));
  const [result] = await Promise.all([
    submitting,
    applicationSubmitted(tx, input.applicationId, position),
    checkTargetsReached(tx, { programmeId: input.programmeId }),
  ]);
  const [row] = rowsOf<{ reference: string }>(result);
  if (seat) locked.taken[seat] += 1;
  const reference = row?.reference ?? '';
  return { reference, status, ...(seat ? { seat } : {}), ...(position ? { position } : {}), already: false };
}

/**
 * Finds an application by reference and locks it for the rest of the transaction: its programme's seat
 * row first, then the application row (the lock order of a submission, so the two never deadlock),
 * read again under the lock since it may have changed while we waited.
 */
async function lockApplication(
  tx: Queryable,
  reference: string,
): Promise<{ app: typeof applications.$inferSelect; locked: LockedSeats }> {
  const [found] = await tx
    .select({ id: applications.id, programmeId: applications.programmeId })
    .from(applications)
    .where(eq(applications.reference, reference));
  if (!found) throw new StatusChangeError('not_found', `no application ${reference}`);
  const locked = await lockSeats(tx, found.programmeId);
  const [app] = await tx.select().from(applications).where(eq(applications.id, found.id)).for('update');
  if (!app) throw new StatusChangeError('not_found', `no application ${reference}`);
  return { app, locked };
}

export interface ChangeResult {
  reference: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** A notice for the person was queued in the outbox. */
  notified: boolean;
  /** The queued notice's outbox row (held there for `noticeDelaySeconds`). */
  noticeId?: number;
  /** References promoted from the waitlist into the seat this change freed. */
  promoted: string[];
}

export interface ChangeOptions {
  /** Default true. The person's own withdrawal is answered in the chat instead. */
  notifyPerson?: boolean;
  /**
   * Hold the notice in the outbox this long: the window in which `undoStatusChange` can take a staff
   * decision back before the person hears of it (the dispatcher sends it when due; no timer).
   */
  noticeDelaySeconds?: number;
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
    const { app, locked } = await lockApplication(tx, reference);
    const from = app.status;
    if (!canChange(from, status))
      throw new StatusChangeError('not_allowed', `${reference}: ${from} → ${status} is not a valid change`);
    if (status === 'wawancara' && (!details.date || !details.place))
      throw new StatusChangeError('needs_details', 'an interview needs --date and --place');

    const { seat, freed } = await moveSeat(tx, app, locked, status, {
      noSeat: `${reference}: no seat left for this applicant`,
    });
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

    let noticeId: number | undefined;
    if (options.notifyPerson !== false && app.userId) {
      const title = await titleOf(tx, app.programmeId);
      const position = status === 'cadangan' ? await waitlistPosition(tx, app.id) : undefined;
      noticeId = await queueNotice(
        tx,
        app.userId,
        (t, locale) =>
          noticeText(t, locale, { reference, title: title.title, status, details: clean, position }),
        title.organisation,
        options.noticeDelaySeconds ?? 0,
      );
    }
    // The event remembers its held notice, so an undo finds (and cancels) exactly that message.
    const eventDetails: EventDetails | null =
      noticeId !== undefined && options.noticeDelaySeconds ? { ...clean, notice: noticeId } : clean;
    await tx
      .insert(applicationEvents)
      .values({ applicationId: app.id, fromStatus: from, toStatus: status, details: eventDetails, actor });
    await applicationChanged(tx, app.id, { from, to: status, actor });
    const notified = noticeId !== undefined;
    // A held decision holds the promotion it causes too, so undoing it can give the seat back.
    const promoted = freed
      ? await promoteWaitlist(tx, app.programmeId, locked, app.id, options.noticeDelaySeconds ?? 0)
      : [];
    await checkTargetsReached(tx, { programmeId: app.programmeId });
    return {
      reference,
      from,
      to: status,
      notified,
      promoted,
      ...(noticeId !== undefined ? { noticeId } : {}),
    };
  });
}

/** A staff change whose notice is still held in the outbox, so it can be taken back. */
export interface Undoable {
  from: ApplicationStatus;
  to: ApplicationStatus;
  actor: string;
  /** When the held notice goes out. */
  sendsAt: Date;
}

/** The application's last change, if its notice is still waiting in the outbox. */
export async function undoableChange(db: Queryable, applicationId: string): Promise<Undoable | undefined> {
  const [row] = rowsOf<{
    from_status: ApplicationStatus;
    to_status: ApplicationStatus;
    actor: string;
    available_at: string | Date;
  }>(
    await db.execute(sql`
      select e.from_status, e.to_status, e.actor, m.available_at
      from (select * from application_events where application_id = ${applicationId}::uuid
            order by id desc limit 1) e
      join messages m on m.id = (e.details ->> 'notice')::bigint
      where m.status = 'pending' and m.available_at > now()`),
  );
  return row
    ? { from: row.from_status, to: row.to_status, actor: row.actor, sendsAt: new Date(row.available_at) }
    : undefined;
}

/**
 * Takes back a staff change while its notice is still held in the outbox: the notice is cancelled (only
 * if the dispatcher has not claimed it — the row's status is the arbiter), the application returns to
 * its previous status and details, a seat is taken again or freed, and the trail says it was undone.
 * A person the decision promoted from the waitlist goes back to their place while their own notice is
 * still held. Throws `too_late` once the notice is on its way, `no_seat` when the freed seat is gone
 * for good (its promotion notice was sent).
 */
export async function undoStatusChange(
  db: Queryable,
  reference: string,
  actor: string,
): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const { app, locked } = await lockApplication(tx, reference);
    const events = await tx
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, app.id))
      .orderBy(desc(applicationEvents.id))
      .limit(2);
    const last = events[0];
    const notice = (last?.details as EventDetails | null)?.notice;
    if (!last || notice === undefined || last.toStatus !== app.status)
      throw new StatusChangeError('too_late', `${reference}: nothing to undo`);
    const cancelled = await tx
      .update(messages)
      .set({ status: 'cancelled', error: 'undone by staff' })
      .where(and(eq(messages.id, notice), eq(messages.status, 'pending')))
      .returning({ id: messages.id });
    if (!cancelled.length) throw new StatusChangeError('too_late', `${reference}: the notice has gone`);

    const from = app.status;
    const back = last.fromStatus;
    const { seat, freed } = await moveSeat(tx, app, locked, back, {
      // Undoing a refusal whose seat went to the first on the waitlist: that promotion is undone first.
      makeRoom: () => unpromote(tx, app.programmeId, last.id, locked, actor),
      noSeat: `${reference}: the seat went to someone else`,
    });
    const before = (events[1]?.details as EventDetails | null) ?? null;
    const restored = before ? cleanDetails(before) : null;
    await tx
      .update(applications)
      .set({
        status: back,
        seat,
        // The old place in the queue is not kept by a change; the undone one queues again from now.
        waitlistedAt: back === 'cadangan' ? sql`clock_timestamp()` : null,
        statusDetails: restored,
        updatedAt: sql`now()`,
      })
      .where(eq(applications.id, app.id));
    await tx.insert(applicationEvents).values({
      applicationId: app.id,
      fromStatus: from,
      toStatus: back,
      details: { ...restored, undone: true },
      actor,
    });
    await applicationChanged(tx, app.id, { from, to: back, actor });
    const promoted = freed ? await promoteWaitlist(tx, app.programmeId, locked, app.id) : [];
    await checkTargetsReached(tx, { programmeId: app.programmeId });
    return { reference, from, to: back, notified: false, promoted };
  });
}

/**
 * Puts back on the waitlist, at their old place, the people a held decision promoted (their promotion
 * written after the decision, their notice still held), cancelling those notices.
 */
/**
 * The seat for a change of `app`'s status to `to`: released when it leaves the statuses that hold one
 * (`freed`), taken when it enters them (after `makeRoom`, when none is left), else kept as it is.
 */
async function moveSeat(
  tx: Queryable,
  app: typeof applications.$inferSelect,
  locked: LockedSeats,
  to: ApplicationStatus,
  options: { noSeat: string; makeRoom?: () => Promise<unknown> },
): Promise<{ seat: SeatKind | null; freed: boolean }> {
  const holding = SEAT_HOLDING.has(app.status) && app.seat !== null;
  const willHold = SEAT_HOLDING.has(to);
  if (holding && !willHold) {
    await releaseSeat(tx, app.programmeId, app.seat!, locked);
    return { seat: null, freed: true };
  }
  if (holding || !willHold) return { seat: app.seat, freed: false };
  const gender = (app.gender ?? undefined) as Gender | undefined;
  if (!seatFor(locked, gender)) await options.makeRoom?.();
  const got = seatFor(locked, gender);
  if (!got) throw new StatusChangeError('no_seat', options.noSeat);
  await takeSeat(tx, app.programmeId, got, locked);
  return { seat: got, freed: false };
}

async function unpromote(
  tx: Queryable,
  programmeId: string,
  afterEventId: number,
  locked: LockedSeats,
  actor: string,
): Promise<void> {
  const held = rowsOf<{ application_id: string; seat: SeatKind | null; details: EventDetails }>(
    await tx.execute(sql`
      select e.application_id, a.seat, e.details from application_events e
      join applications a on a.id = e.application_id
      join messages m on m.id = (e.details ->> 'notice')::bigint
      where a.programme_id = ${programmeId}::uuid and e.id > ${afterEventId} and e.actor = 'system'
        and e.to_status = 'diajukan' and a.status = 'diajukan' and m.status = 'pending'
      order by e.id desc
      for update of a`),
  );
  for (const row of held) {
    const cancelled = await tx
      .update(messages)
      .set({ status: 'cancelled', error: 'undone by staff' })
      .where(and(eq(messages.id, row.details.notice!), eq(messages.status, 'pending')))
      .returning({ id: messages.id });
    if (!cancelled.length) continue;
    if (row.seat) await releaseSeat(tx, programmeId, row.seat, locked);
    await tx
      .update(applications)
      .set({
        status: 'cadangan',
        seat: null,
        waitlistedAt: row.details.waitlistedAt ? new Date(row.details.waitlistedAt) : sql`clock_timestamp()`,
        updatedAt: sql`now()`,
      })
      .where(eq(applications.id, row.application_id));
    await tx.insert(applicationEvents).values({
      applicationId: row.application_id,
      fromStatus: 'diajukan',
      toStatus: 'cadangan',
      details: { undone: true },
      actor,
    });
    await applicationChanged(tx, row.application_id, { from: 'diajukan', to: 'cadangan', actor });
  }
}

/**
 * The notice a change would send, in the person's language, for staff to read before they confirm.
 * Undefined when the person cannot be reached through any chat.
 */
export async function previewNotice(
  db: Queryable,
  applicationId: string,
  status: ApplicationStatus,
  details: StatusDetails,
): Promise<{ text: string; locale: Locale } | undefined> {
  const [app] = await db
    .select({
      userId: applications.userId,
      reference: applications.reference,
      programmeId: applications.programmeId,
    })
    .from(applications)
    .where(eq(applications.id, applicationId));
  if (!app?.userId) return undefined;
  const [recipient] = rowsOf<{ locale: string | null }>(
    await db.execute(sql`
      select u.locale from identities i join users u on u.id = i.user_id
      where i.user_id = ${app.userId}::uuid and not i.unreachable limit 1`),
  );
  if (!recipient) return undefined;
  const locale: Locale = isLocale(recipient.locale) ? recipient.locale : 'id';
  const fixed = tFor(locale);
  const t: Translate = (key, vars) => fixed(key, vars ?? {}) as string;
  const title = await titleOf(db, app.programmeId);
  return {
    locale,
    text: noticeText(t, locale, {
      reference: app.reference ?? '',
      title: title.title,
      status,
      details: cleanDetails(details),
    }),
  };
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
  /** Hold the promotion notices this long (the decision that freed the seat may still be undone). */
  delaySeconds = 0,
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
      waitlistedAt: applications.waitlistedAt,
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
    const reference = candidate.reference ?? '';
    promoted.push(reference);
    let notice: number | undefined;
    if (candidate.userId) {
      title ??= await titleOf(tx, programmeId);
      const programme = title;
      notice = await queueNotice(
        tx,
        candidate.userId,
        (t, locale) =>
          t('applications:notice.promoted', {
            reference,
            title: localizedTitle(programme.title, locale),
            next: nextSteps(t, locale, 'diajukan', null),
          }),
        programme.organisation,
        delaySeconds,
      );
    }
    // A held promotion remembers its notice and the place it had, so an undo can put it back.
    const details: EventDetails | null =
      delaySeconds > 0
        ? {
            ...(notice !== undefined ? { notice } : {}),
            ...(candidate.waitlistedAt ? { waitlistedAt: candidate.waitlistedAt.toISOString() } : {}),
          }
        : null;
    await tx.insert(applicationEvents).values({
      applicationId: candidate.id,
      fromStatus: 'cadangan',
      toStatus: 'diajukan',
      details,
      actor: 'system',
    });
    await applicationChanged(tx, candidate.id, { from: 'cadangan', to: 'diajukan', actor: 'system' });
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
