import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import type { EventType } from './catalogue';

/*
 * Writing an event: one statement inside the caller's transaction (the change that caused it), so a
 * change that rolls back sends nothing and a committed one is never lost. The event is written only
 * when an enabled endpoint of the organisation wants it, with one delivery row per such endpoint; the
 * dispatcher (deliver.ts) sends them after the commit. Nothing here waits for a receiver.
 */

export interface EventSpec {
  type: EventType;
  /**
   * A SELECT of the event's rows: `organisation_id` (uuid), `user_id` (uuid or null: the person it is
   * about) and `data` (jsonb). Usually one row; none means no event.
   */
  source: SQL;
  /** Events that happen once (per organisation): a second one with the same key is dropped. */
  dedupeKey?: string;
}

/**
 * The pseudonymous person id in events: a hash of the organisation and the person, so the same person
 * has the same id in every event to one organisation and unrelated ids at two organisations.
 */
export const personRef = (organisationId: SQL, userId: SQL) =>
  sql`'psn_' || left(encode(sha256(convert_to(${organisationId}::text || ':' || ${userId}::text, 'UTF8')), 'hex'), 24)`;

/** Writes the event and its deliveries; returns how many endpoints will receive it. */
export async function emitEvent(tx: Queryable, spec: EventSpec): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(
    await tx.execute(sql`
      with src as (${spec.source}),
      eps as (
        select ep.id, ep.organisation_id from webhook_endpoints ep
        where ep.enabled and ep.organisation_id in (select organisation_id from src)
          and ${spec.type} = any(ep.events)
      ),
      ev as (
        insert into webhook_events (organisation_id, type, data, user_id, dedupe_key, occurred_at)
        select s.organisation_id, ${spec.type},
          case when s.user_id is null then s.data
               else s.data || jsonb_build_object('person', jsonb_build_object('id',
                 ${personRef(sql`s.organisation_id`, sql`s.user_id`)})) end,
          s.user_id, ${spec.dedupeKey ?? null}, clock_timestamp()
        from src s where exists (select 1 from eps where eps.organisation_id = s.organisation_id)
        on conflict (organisation_id, dedupe_key) where dedupe_key is not null do nothing
        returning id, organisation_id, occurred_at
      ),
      ins as (
        insert into webhook_deliveries (event_id, endpoint_id, occurred_at)
        select ev.id, eps.id, ev.occurred_at from ev join eps on eps.organisation_id = ev.organisation_id
        returning 1
      )
      select count(*) as n from ins`),
  );
  return Number(row?.n ?? 0);
}

/** Whether an enabled endpoint of the organisation wants this type (to skip costly work before emitting). */
export async function anyoneListens(tx: Queryable, organisation: SQL, type: EventType): Promise<boolean> {
  const rows = rowsOf(
    await tx.execute(sql`
      select 1 from webhook_endpoints
      where enabled and organisation_id = (${organisation}) and ${type} = any(events) limit 1`),
  );
  return rows.length > 0;
}
