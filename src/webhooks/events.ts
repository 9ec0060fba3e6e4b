import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import type { Channel } from '../shared/conversation';
import type { EventType } from './catalogue';
import { emitEvent } from './emit';

/*
 * The events, one function each, for the domain services to call inside their transactions. Each
 * describes its record from the tables in the same statement that writes the event (so it costs one
 * round trip, and nothing when no endpoint listens). Shapes: catalogue.ts.
 */

/** A timestamp as ISO 8601 in UTC (`2026-12-03T02:15:07.412Z`), null stays null. */
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Who changed an application, as receivers see it (never a staff member's id). */
export function changedBy(actor: string): 'person' | 'staff' | 'system' {
  if (actor === 'system') return 'system';
  return actor.startsWith('person') ? 'person' : 'staff';
}

const applicationJson = sql`jsonb_build_object(
  'id', a.id, 'reference', a.reference, 'status', a.status, 'seat', a.seat,
  'programme', jsonb_build_object('slug', p.slug, 'title', p.record #>> '{title,id}'),
  'submitted_at', ${iso(sql`a.submitted_at`)})`;

const applicationSource = (applicationId: string, data: SQL) => sql`
  select o.id as organisation_id, a.user_id, ${data} as data
  from applications a
  join programmes p on p.id = a.programme_id
  join organisations o on o.slug = p.organisation
  where a.id = ${applicationId}::uuid`;

/** `application.submitted`: the draft became an application (a seat, or the waitlist). */
export function applicationSubmitted(
  tx: Queryable,
  applicationId: string,
  waitlistPosition: number | undefined,
): Promise<number> {
  return emitEvent(tx, {
    type: 'application.submitted',
    source: applicationSource(
      applicationId,
      sql`jsonb_build_object('organisation', o.slug, 'application',
        ${applicationJson} || jsonb_build_object('waitlist_position', ${waitlistPosition ?? null}::int))`,
    ),
  });
}

/** `application.status_changed`, or `application.withdrawn` for `mundur`. */
export function applicationChanged(
  tx: Queryable,
  applicationId: string,
  change: { from: string; to: string; actor: string },
): Promise<number> {
  return emitEvent(tx, {
    type: change.to === 'mundur' ? 'application.withdrawn' : 'application.status_changed',
    source: applicationSource(
      applicationId,
      sql`jsonb_build_object('organisation', o.slug, 'application', ${applicationJson},
        'previous_status', ${change.from}::text, 'changed_by', ${changedBy(change.actor)}::text,
        'interview', case when a.status = 'wawancara' then jsonb_build_object(
          'date', a.status_details ->> 'date', 'place', a.status_details ->> 'place') end)`,
    ),
  });
}

const handoffSource = (handoffId: string, extra: SQL) => sql`
  select o.id as organisation_id, h.user_id, jsonb_build_object('organisation', o.slug, 'handoff',
    jsonb_build_object('id', h.id, 'status', h.status, 'reason', h.reason, 'programme', h.programme_slug,
      'opened_at', ${iso(sql`h.created_at`)}, 'closed_at', ${iso(sql`h.closed_at`)},
      'first_response_seconds', extract(epoch from h.first_response_at - h.created_at)::int)) || ${extra} as data
  from handoffs h join organisations o on o.slug = h.organisation
  where h.id = ${handoffId}::uuid`;

/** `handoff.waiting`: someone asked for a person. */
export function handoffWaiting(tx: Queryable, handoffId: string): Promise<number> {
  return emitEvent(tx, { type: 'handoff.waiting', source: handoffSource(handoffId, sql`'{}'::jsonb`) });
}

/** `handoff.closed`: staff closed it, or the person went back to the bot while waiting. */
export function handoffClosed(tx: Queryable, handoffId: string, by: 'staff' | 'person'): Promise<number> {
  return emitEvent(tx, {
    type: 'handoff.closed',
    source: handoffSource(handoffId, sql`jsonb_build_object('closed_by', ${by}::text)`),
  });
}

/** `handoff.rated`: the 1–5 answer to the question asked when staff closed the case. */
export function handoffRated(tx: Queryable, handoffId: string, rating: number): Promise<number> {
  return emitEvent(tx, {
    type: 'handoff.rated',
    source: handoffSource(handoffId, sql`jsonb_build_object('rating', ${rating}::int)`),
  });
}

/** `broadcast.finished`: sent to everyone it could reach (or cancelled), with the counts by outcome. */
export function broadcastFinished(tx: Queryable, broadcastId: string): Promise<number> {
  return emitEvent(tx, {
    type: 'broadcast.finished',
    source: sql`
      select o.id as organisation_id, null::uuid as user_id, jsonb_build_object('organisation', o.slug,
        'broadcast', jsonb_build_object('id', b.id, 'name', b.name, 'status', b.status,
          'programme', b.programme_slug, 'recipients', coalesce(b.recipients, 0),
          'started_at', ${iso(sql`b.enqueued_at`)},
          'finished_at', ${iso(sql`coalesce(b.completed_at, b.cancelled_at)`)},
          'counts', (select jsonb_build_object(
              'sent', count(*) filter (where m.status = 'sent'),
              'failed', count(*) filter (where m.status = 'failed'),
              'blocked', count(*) filter (where m.status = 'blocked'),
              'cancelled', count(*) filter (where m.status = 'cancelled'),
              'queued', count(*) filter (where m.status in ('pending', 'sending')))
            from messages m where m.broadcast_id = b.id))) as data
      from broadcasts b join organisations o on o.id = b.organisation_id
      where b.id = ${broadcastId}::uuid`,
    dedupeKey: `broadcast.finished:${broadcastId}`,
  });
}

/** `subscriber.joined`: a new person was attributed to one of the organisation's referral links. */
export function subscriberJoined(
  tx: Queryable,
  input: { userId: string; referralLinkId: string; channel: Channel },
): Promise<number> {
  return emitEvent(tx, {
    type: 'subscriber.joined',
    source: sql`
      select l.organisation_id, ${input.userId}::uuid as user_id, jsonb_build_object(
        'organisation', o.slug,
        'referral', jsonb_build_object('id', l.id, 'code', l.code, 'label', l.label),
        'channel', ${input.channel}::text) as data
      from referral_links l join organisations o on o.id = l.organisation_id
      where l.id = ${input.referralLinkId}::uuid`,
  });
}

/** An event whose data the caller built (target.reached: progress is computed in JS). */
export function emitBuilt(
  tx: Queryable,
  input: {
    type: EventType;
    organisationId: string;
    userId?: string | null;
    data: Record<string, unknown>;
    dedupeKey?: string;
  },
): Promise<number> {
  return emitEvent(tx, {
    type: input.type,
    source: sql`
      select o.id as organisation_id, ${input.userId ?? null}::uuid as user_id,
        jsonb_build_object('organisation', o.slug) || ${JSON.stringify(input.data)}::jsonb as data
      from organisations o where o.id = ${input.organisationId}::uuid`,
    ...(input.dedupeKey ? { dedupeKey: input.dedupeKey } : {}),
  });
}
