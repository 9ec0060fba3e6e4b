import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import type { FlowContext } from '../engine/context';
import { dateTimeFormat } from '../lib/intl';
import type { PersonalDataSource } from '../privacy/registry';
import { personRef } from './emit';

/*
 * Events about a person as personal data (docs/privacy.md, "Webhooks"): `/data_saya` lists what was
 * shared with which organisation's system and when; `/hapus_data` (and the retention purge) cancels
 * what was not sent yet, empties the events' contents and sends `person.erased` — only the
 * pseudonymous person id — to every endpoint that received something about them, so the receiving
 * system can erase too.
 */

export interface SharedEventExport {
  organisation: string;
  event: string;
  occurredAt: string;
  /** When the organisation's system received it; null while queued or when it never arrived. */
  sharedAt: string | null;
  status: 'shared' | 'queued' | 'not_delivered';
}

/** Lines in the chat summary before "and N more". */
const NAMED = 3;

export async function sharedEventsOf(db: Queryable, userId: string): Promise<SharedEventExport[] | null> {
  const rows = rowsOf<{
    organisation: string;
    type: string;
    occurred_at: Date | string;
    shared_at: Date | string | null;
    queued: boolean | null;
  }>(
    await db.execute(sql`
      select o.name as organisation, e.type, e.occurred_at, max(d.delivered_at) as shared_at,
        bool_or(d.status = 'pending') as queued
      from webhook_events e
      join organisations o on o.id = e.organisation_id
      left join webhook_deliveries d on d.event_id = e.id
      where e.user_id = ${userId}::uuid
      group by e.id, o.name
      order by e.occurred_at`),
  );
  if (!rows.length) return null;
  return rows.map((r) => ({
    organisation: r.organisation,
    event: r.type,
    occurredAt: new Date(r.occurred_at).toISOString(),
    sharedAt: r.shared_at ? new Date(r.shared_at).toISOString() : null,
    status: r.shared_at ? 'shared' : r.queued ? 'queued' : 'not_delivered',
  }));
}

/**
 * Erasure: `person.erased` to each endpoint that had a delivery about the person (on or off: an owner's
 * paused endpoint gets it when turned on again), every undelivered event about them cancelled, and the
 * events' contents replaced by `{ organisation, redacted: true }` with the link to the person cut.
 * One statement; returns how many organisations were told.
 */
export async function eraseSharedEvents(db: Queryable, userId: string): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(
    await db.execute(sql`
      with targets as (
        select distinct d.endpoint_id, e.organisation_id
        from webhook_events e join webhook_deliveries d on d.event_id = e.id
        where e.user_id = ${userId}::uuid
      ),
      ev as (
        insert into webhook_events (organisation_id, type, data, occurred_at)
        select o.id, 'person.erased', jsonb_build_object('organisation', o.slug, 'person',
            jsonb_build_object('id', ${personRef(sql`o.id`, sql`${userId}::uuid`)})), clock_timestamp()
        from organisations o where o.id in (select organisation_id from targets)
        returning id, organisation_id, occurred_at
      ),
      told as (
        insert into webhook_deliveries (event_id, endpoint_id, occurred_at)
        select ev.id, t.endpoint_id, ev.occurred_at from ev join targets t on t.organisation_id = ev.organisation_id
      ),
      cancelled as (
        update webhook_deliveries set status = 'cancelled', last_error = 'person erased'
        where status = 'pending' and event_id in (select id from webhook_events where user_id = ${userId}::uuid)
      ),
      redacted as (
        update webhook_events set data = jsonb_build_object('organisation', data -> 'organisation', 'redacted', true),
          user_id = null
        where user_id = ${userId}::uuid
      )
      select count(*) as n from ev`),
  );
  return Number(row?.n ?? 0);
}

export const webhooksSource: PersonalDataSource = {
  name: 'sharedWithOrganisations',
  tables: ['webhook_events'],
  export: (db, userId) => sharedEventsOf(db, userId),
  async erase(db, userId) {
    await eraseSharedEvents(db, userId);
  },
  describe: (ctx, data) => describeShared(ctx, data as SharedEventExport[]),
};

function describeShared(ctx: FlowContext, events: SharedEventExport[]): string[] {
  const shared = events.filter((e) => e.sharedAt);
  if (!shared.length) return [];
  const day = dateTimeFormat(ctx.locale === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeZone: 'Asia/Jakarta',
  });
  const lines = [ctx.t('integrations:privacy.title', { count: shared.length })];
  for (const e of shared.slice(-NAMED).reverse())
    lines.push(
      ctx.t('integrations:privacy.line', {
        organisation: e.organisation,
        date: day.format(new Date(e.sharedAt!)),
        event: ctx.t(`integrations:events.${e.event.replace('.', '_')}`, { defaultValue: e.event }),
      }),
    );
  if (shared.length > NAMED) lines.push(ctx.t('privacy:summary.more', { count: shared.length - NAMED }));
  return lines;
}
