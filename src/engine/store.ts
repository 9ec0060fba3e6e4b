import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { rowsOf } from '../db/rows';
import type { ConversationState } from '../db/schema';
import type { Channel, Outbound } from '../shared/conversation';
import type { UserPatch } from './context';

/*
 * The engine's hot path in hand-written SQL: one statement to lock the chat and record the event, one
 * to read the person and the conversation, one to write the turn. On a 2-core machine every round trip
 * to Postgres counts (see README, "Performance").
 */

export interface ConversationRow {
  identity_id: string;
  address: string;
  id: string;
  locale: string;
  locale_chosen: boolean;
  display_name: string | null;
  simple_text: boolean;
  broadcasts_stopped: boolean;
  state: ConversationState | null;
  handoff_id: string | null;
  /** The active flow's prefetch read (FlowRegistry.prefetch), or null. */
  prefetch: unknown;
}

export interface LockedChat {
  /** false: the platform delivered this event before. */
  fresh: boolean;
  row: ConversationRow;
}

/**
 * Locks the chat's identity row (FOR NO KEY UPDATE, the lock an UPDATE takes, so the messages' foreign
 * keys to it do not wait), records the event id, and reads the person and the conversation.
 *
 * The two statements are sent together in one write (postgres.js pipelines queries issued in the same
 * tick on a transaction's connection). Postgres runs them in order, and under READ COMMITTED the read
 * takes its snapshot only after the lock is held, so it sees what the previous update of this chat
 * committed. The read also carries the active flow's `prefetch` (what its step reads first). A row lock rather than an advisory lock, so the same code works through Hyperdrive.
 * `undefined` when the identity does not exist yet.
 */
export async function lockChat(
  tx: Tx,
  channel: Channel,
  externalId: string,
  address: string,
  eventId: string,
  names: { fullName?: string | undefined; handle?: string | undefined } = {},
  prefetch: SQL | null = null,
): Promise<LockedChat | undefined> {
  const [locked, loaded] = await Promise.all([
    tx.execute(sql`
      with ident as (
        select id, address, unreachable, full_name, handle, last_seen_at from identities
        where channel = ${channel} and external_id = ${externalId}
        for no key update
      ), stamp as (
        -- The row is rewritten only when something on it changes or its stamp is a minute old: an
        -- UPDATE on every update was a new row version (and its WAL) per message, a good share of
        -- Postgres's work per update (issue #15). A minute late is well inside what reads it needs: the
        -- WhatsApp 24-hour window keeps 5 minutes' margin, "latest channel" compares channels used
        -- minutes or days apart, and a stamp a minute old is only ever older, so the window closes early,
        -- never late.
        update identities i set last_seen_at = now(), address = ${address}, unreachable = false,
          -- kept when an update does not carry them (a channel or update kind without them)
          full_name = coalesce(${names.fullName ?? null}::text, i.full_name),
          handle = coalesce(${names.handle ?? null}::text, i.handle)
        from ident
        where i.id = ident.id and (
          ident.last_seen_at < now() - interval '1 minute' or ident.unreachable
          or ident.address is distinct from ${address}
          or ident.full_name is distinct from coalesce(${names.fullName ?? null}::text, ident.full_name)
          or ident.handle is distinct from coalesce(${names.handle ?? null}::text, ident.handle))
      ), ev as (
        insert into processed_events (channel, event_id)
        select ${channel}, ${eventId} from ident
        on conflict do nothing
        returning 1
      )
      select exists (select 1 from ev) as fresh from ident`),
    tx.execute(sql`
      select i.id as identity_id, i.address, u.id, u.locale, u.locale_chosen, u.display_name, u.simple_text,
        u.broadcasts_stopped, c.state, c.handoff_id, ${prefetch ?? sql`null`} as prefetch
      from identities i join users u on u.id = i.user_id left join conversations c on c.user_id = u.id
      where i.channel = ${channel} and i.external_id = ${externalId}`),
  ]);
  const [lock] = rowsOf<{ fresh: boolean }>(locked);
  const [row] = rowsOf<ConversationRow>(loaded);
  return lock && row ? { fresh: lock.fresh, row } : undefined;
}

export async function recordEvent(tx: Tx, channel: Channel, eventId: string): Promise<boolean> {
  const result = await tx.execute(sql`
    insert into processed_events (channel, event_id) values (${channel}, ${eventId})
    on conflict do nothing returning 1 as fresh`);
  return rowsOf(result).length > 0;
}

/**
 * A person seen for the first time: the user, the identity and the event id in one statement, and the
 * row `lockChat` would read for them (`row`). The identity is not created when another process created
 * it meanwhile (`row` undefined: the caller deletes the user made here and uses theirs); the event is
 * recorded only with the identity.
 */
export async function createPerson(
  tx: Tx,
  p: {
    locale: string;
    displayName: string | null;
    channel: Channel;
    externalId: string;
    address: string;
    eventId: string;
    fullName: string | null;
    handle: string | null;
  },
): Promise<{ userId: string; row: ConversationRow | undefined }> {
  const result = await tx.execute(sql`
    with u as (
      insert into users (locale, display_name) values (${p.locale}, ${p.displayName})
      returning id, locale, locale_chosen, display_name, simple_text, broadcasts_stopped
    ), i as (
      insert into identities (user_id, channel, external_id, address, full_name, handle)
      select id, ${p.channel}, ${p.externalId}, ${p.address}, ${p.fullName}, ${p.handle} from u
      on conflict do nothing
      returning id, address
    ), ev as (
      insert into processed_events (channel, event_id) select ${p.channel}, ${p.eventId} from i
      on conflict do nothing
    )
    select i.id as identity_id, i.address, u.id, u.locale, u.locale_chosen, u.display_name, u.simple_text,
      u.broadcasts_stopped, null::jsonb as state, null::uuid as handoff_id, null as prefetch
    from u left join i on true`);
  const [row] = rowsOf<Omit<ConversationRow, 'identity_id'> & { identity_id: string | null }>(result);
  return {
    userId: row!.id,
    row: row?.identity_id ? ({ ...row, identity_id: row.identity_id } as ConversationRow) : undefined,
  };
}

/**
 * What a turn was about, as the features see it: a programme (its card, questions, eligibility, an
 * application's status) or that programme's application form. The engine turns the slug into the
 * organisation the messages concern (`messages.organisation`).
 */
export interface TurnScope {
  slug: string;
  topic: 'form' | 'programme';
}

export interface Turn {
  userId: string;
  identityId: string;
  channel: Channel;
  state: ConversationState;
  userPatch: UserPatch;
  inbound: Record<string, unknown>;
  /** The inbound message's own words, encrypted, when the stored text had a NIK masked. */
  inboundOriginal?: string | null;
  replies: Outbound[];
  /** The handoff open when the turn began (a handoff opened or open after it is read here too). */
  handoffId: string | null;
  scope?: TurnScope | undefined;
  /** How long the replies stay reserved for the caller before the dispatcher may take them. */
  leaseMs: number;
}

/**
 * Writes the new state, the person's settings and the message log + outbox rows in one statement. Every
 * row of the turn says which organisation it concerns: the handoff's (open before or after the turn),
 * else the organiser of the programme the turn was about, else none (the general conversation).
 */
export async function saveTurn(tx: Tx, turn: Turn): Promise<number[]> {
  const rows = [
    {
      ord: 0,
      direction: 'in',
      body: turn.inbound,
      status: 'received',
      attempts: 0,
      original: turn.inboundOriginal ?? null,
    },
    ...turn.replies.map((body, i) => ({
      ord: i + 1,
      direction: 'out',
      body,
      status: 'sending',
      attempts: 1,
      original: null,
    })),
  ];
  const p = turn.userPatch;
  const result = await tx.execute(sql`
    with conv as (
      insert into conversations (user_id, state) values (${turn.userId}, ${JSON.stringify(turn.state)}::jsonb)
      on conflict (user_id) do update set state = excluded.state, updated_at = now()
    ), usr as (
      update users set last_active_at = now(),
        locale = coalesce(${p.locale ?? null}::text, locale),
        locale_chosen = coalesce(${p.localeChosen ?? null}::boolean, locale_chosen),
        simple_text = coalesce(${p.simpleText ?? null}::boolean, simple_text),
        broadcasts_stopped = coalesce(${p.broadcastsStopped ?? null}::boolean, broadcasts_stopped)
      -- Only when a setting changes or the stamp is a minute old: rewriting the person's row on every
      -- update was a good share of Postgres's work per update (issue #15); last_active_at serves
      -- retention (days), a minute's precision is plenty.
      where id = ${turn.userId} and (
        last_active_at < now() - interval '1 minute'
        or ${p.locale ?? null}::text is not null or ${p.localeChosen ?? null}::boolean is not null
        or ${p.simpleText ?? null}::boolean is not null or ${p.broadcastsStopped ?? null}::boolean is not null)
    ), scope as (
      select s.organisation, s.topic from (
        select h.organisation, 'handoff' as topic, 1 as rank from handoffs h
        where h.id = coalesce(${turn.handoffId}::uuid,
          (select c.handoff_id from conversations c where c.user_id = ${turn.userId}))
        union all
        select p.organisation, ${turn.scope?.topic ?? null}::text, 2 from programmes p
        where p.slug = ${turn.scope?.slug ?? null}::text and p.organisation is not null
      ) s order by s.rank limit 1
    )
    insert into messages (user_id, identity_id, channel, direction, body, status, attempts, available_at,
      organisation, topic, original_cipher)
    select ${turn.userId}::uuid, ${turn.identityId}::uuid, ${turn.channel}, d.direction, d.body, d.status, d.attempts,
      case when d.direction = 'out' then now() + make_interval(secs => ${turn.leaseMs / 1000}) else now() end,
      (select organisation from scope), (select topic from scope), d.original
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as d(ord int, direction text, body jsonb, status text, attempts int, original text)
    order by d.ord
    returning id, direction`);
  return rowsOf<{ id: string | number; direction: string }>(result)
    .filter((r) => r.direction === 'out')
    .map((r) => Number(r.id))
    .sort((a, b) => a - b);
}
