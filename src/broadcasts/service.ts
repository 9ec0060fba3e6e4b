import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../db/client';
import { rowsOf } from '../db/rows';
import { type BroadcastStatus, broadcasts, messages, programmes } from '../db/schema';
import { startLink } from '../engine/presentation';
import { type Locale, tFor } from '../i18n';
import { randomCode } from '../organisations/tokens';
import type { AudienceFilter, BroadcastText } from '../shared/audience';
import type { Channel, Outbound } from '../shared/conversation';
import { DEFAULT_QUIET_HOURS, nextSendable, type QuietHours, sendingWindow } from '../shared/jakarta-time';
import type { Programme } from '../shared/programme';
import { broadcastFinished } from '../webhooks/events';
import {
  type AudienceCount,
  type AudienceOptions,
  type BroadcastTopic,
  candidatesSql,
  countAudience,
  eligibleCandidates,
  pgTextArray,
} from './audience';

/*
 * Broadcasts (issue #7): a draft with a text per language, an audience filter and optionally a
 * programme (its card link and apply hint are added to the text); previewed, then sent now or at a
 * time in Asia/Jakarta. Sending writes one outbox row per recipient in one INSERT … SELECT, each row's
 * `available_at` planned at the channel's pace and outside quiet hours, so the dispatcher's claims stay
 * small and other messages (replies, notices) interleave instead of waiting behind the broadcast.
 */

export type Broadcast = typeof broadcasts.$inferSelect;

export interface BroadcastSettings {
  /** The pace rows are planned at (the dispatcher's per-channel rates). */
  rates: Record<Channel, number>;
  quiet: QuietHours;
  /** Days after a recipient's message within which their eligibility check or application counts. */
  attributionDays: number;
}

export const DEFAULT_BROADCAST_SETTINGS: BroadcastSettings = {
  rates: { telegram: 25, whatsapp: 1, simulator: 1000 },
  quiet: DEFAULT_QUIET_HOURS,
  attributionDays: 7,
};

export class BroadcastError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

export interface OrganisationRef {
  id: string;
  slug: string;
}

export interface BroadcastInput {
  name: string;
  text: BroadcastText;
  audience: AudienceFilter;
  programme?: string | null;
  urgent?: boolean;
}

interface OwnProgramme {
  slug: string;
  kind: string;
  field: string;
  province: string | null;
  status: string;
  record: Programme;
}

async function ownProgramme(
  db: Queryable,
  organisation: OrganisationRef,
  slug: string,
): Promise<OwnProgramme> {
  const [row] = await db
    .select({
      slug: programmes.slug,
      kind: programmes.kind,
      field: programmes.field,
      province: programmes.province,
      status: programmes.status,
      record: programmes.record,
    })
    .from(programmes)
    .where(and(eq(programmes.slug, slug), eq(programmes.organisation, organisation.slug)));
  if (!row) throw new BroadcastError('invalid', `programme "${slug}" is not one of this organisation's`);
  return row;
}

async function checkProgrammes(db: Queryable, organisation: OrganisationRef, input: Partial<BroadcastInput>) {
  if (input.programme) await ownProgramme(db, organisation, input.programme);
  if (input.audience?.eligible_for) await ownProgramme(db, organisation, input.audience.eligible_for);
}

export async function createBroadcast(
  db: Queryable,
  organisation: OrganisationRef,
  input: BroadcastInput,
): Promise<Broadcast> {
  await checkProgrammes(db, organisation, input);
  const [row] = await db
    .insert(broadcasts)
    .values({
      organisationId: organisation.id,
      code: randomCode(10),
      name: input.name,
      text: input.text,
      audience: input.audience,
      programmeSlug: input.programme ?? null,
      urgent: input.urgent ?? false,
    })
    .returning();
  return row!;
}

export async function getBroadcast(
  db: Queryable,
  organisation: OrganisationRef,
  id: string,
): Promise<Broadcast | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.id, id), eq(broadcasts.organisationId, organisation.id)));
  return row;
}

async function requireBroadcast(db: Queryable, organisation: OrganisationRef, id: string, lock = false) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new BroadcastError('not_found', 'no such broadcast');
  const query = db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.id, id), eq(broadcasts.organisationId, organisation.id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new BroadcastError('not_found', 'no such broadcast');
  return row;
}

export async function listBroadcasts(db: Queryable, organisation: OrganisationRef): Promise<Broadcast[]> {
  return db
    .select()
    .from(broadcasts)
    .where(eq(broadcasts.organisationId, organisation.id))
    .orderBy(desc(broadcasts.createdAt))
    .limit(200);
}

/** Changes a draft (or an unsent scheduled broadcast, which goes back to draft). */
export async function updateBroadcast(
  db: Db,
  organisation: OrganisationRef,
  id: string,
  patch: Partial<BroadcastInput>,
): Promise<Broadcast> {
  await checkProgrammes(db, organisation, patch);
  return db.transaction(async (tx) => {
    const current = await requireBroadcast(tx, organisation, id, true);
    if (current.status !== 'draft' && current.status !== 'scheduled')
      throw new BroadcastError('conflict', `a ${current.status} broadcast cannot be changed`);
    const [row] = await tx
      .update(broadcasts)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.text !== undefined ? { text: patch.text } : {}),
        ...(patch.audience !== undefined ? { audience: patch.audience } : {}),
        ...(patch.programme !== undefined ? { programmeSlug: patch.programme } : {}),
        ...(patch.urgent !== undefined ? { urgent: patch.urgent } : {}),
        status: 'draft',
        scheduledAt: null,
        updatedAt: sql`now()`,
      })
      .where(eq(broadcasts.id, id))
      .returning();
    return row!;
  });
}

/** The text a recipient reads, in their language: the organisation's words, the card link, how to stop. */
export function broadcastBody(
  broadcast: Pick<Broadcast, 'text' | 'code'>,
  programme: Pick<Programme, 'title'> | undefined,
  locale: Locale,
): Outbound {
  const t = tFor(locale, 'organisations');
  const parts = [locale === 'en' && broadcast.text.en ? broadcast.text.en : broadcast.text.id];
  if (programme) {
    const title = locale === 'en' && programme.title.en ? programme.title.en : programme.title.id;
    parts.push(
      `${t('broadcast.cardLink', { title, link: startLink(`b_${broadcast.code}`) })}\n${t('broadcast.applyHint')}`,
    );
  }
  parts.push(t('broadcast.stopHint'));
  return { type: 'text', text: parts.join('\n\n') };
}

async function audienceOptions(
  db: Queryable,
  organisation: OrganisationRef,
  broadcast: Pick<Broadcast, 'programmeSlug' | 'audience'>,
): Promise<{ options: AudienceOptions; programme?: OwnProgramme }> {
  const programme = broadcast.programmeSlug
    ? await ownProgramme(db, organisation, broadcast.programmeSlug)
    : undefined;
  const eligible = broadcast.audience.eligible_for
    ? broadcast.audience.eligible_for === programme?.slug
      ? programme
      : await ownProgramme(db, organisation, broadcast.audience.eligible_for)
    : undefined;
  const topic: BroadcastTopic | undefined = programme
    ? { kind: programme.kind, field: programme.field, province: programme.province }
    : undefined;
  return {
    options: { ...(topic ? { topic } : {}), ...(eligible ? { eligibleFor: eligible.record } : {}) },
    ...(programme ? { programme } : {}),
  };
}

export interface Preview extends AudienceCount {
  /** What people will read (links shown as their Telegram form when the bot's name is known). */
  sample: { id: string; en: string };
}

/** How many people the broadcast would reach if sent now, and what they would read. */
export async function previewBroadcast(
  db: Queryable,
  organisation: OrganisationRef,
  broadcast: Pick<Broadcast, 'programmeSlug' | 'audience' | 'text' | 'code'>,
  deepLink?: (channel: Channel, payload: string) => string | undefined,
): Promise<Preview> {
  const { options, programme } = await audienceOptions(db, organisation, broadcast);
  const count = await countAudience(db, broadcast.audience, options);
  const render = (locale: Locale) => {
    const body = broadcastBody(broadcast, programme?.record, locale);
    const text = body.type === 'text' ? body.text : '';
    return text.replace(
      /⟦start:([A-Za-z0-9_-]+)⟧/g,
      (_, p: string) => deepLink?.('telegram', p) ?? `/start ${p}`,
    );
  };
  return { ...count, sample: { id: render('id'), en: render('en') } };
}

export async function scheduleBroadcast(
  db: Db,
  organisation: OrganisationRef,
  id: string,
  at: Date,
  /** The caller's clock (src/shared/clock.ts): a time already past, by a minute, is refused. */
  now: Date = new Date(),
): Promise<Broadcast> {
  return db.transaction(async (tx) => {
    const current = await requireBroadcast(tx, organisation, id, true);
    if (current.status !== 'draft' && current.status !== 'scheduled')
      throw new BroadcastError('conflict', `a ${current.status} broadcast cannot be scheduled`);
    if (at.getTime() < now.getTime() - 60_000) throw new BroadcastError('invalid', 'that time has passed');
    if (current.programmeSlug) await requireOpen(tx, organisation, current.programmeSlug);
    const [row] = await tx
      .update(broadcasts)
      .set({ status: 'scheduled', scheduledAt: at, updatedAt: sql`now()` })
      .where(eq(broadcasts.id, id))
      .returning();
    return row!;
  });
}

async function requireOpen(db: Queryable, organisation: OrganisationRef, slug: string): Promise<void> {
  const programme = await ownProgramme(db, organisation, slug);
  if (programme.status !== 'open')
    throw new BroadcastError('conflict', `programme "${slug}" is ${programme.status}, not open`);
}

/** Sends now: the recipients are written to the outbox before this returns. */
export async function sendBroadcastNow(
  db: Db,
  settings: BroadcastSettings,
  organisation: OrganisationRef,
  id: string,
  now: Date = new Date(),
): Promise<Broadcast> {
  return db.transaction(async (tx) => {
    const current = await requireBroadcast(tx, organisation, id, true);
    if (current.status !== 'draft' && current.status !== 'scheduled')
      throw new BroadcastError('conflict', `a ${current.status} broadcast cannot be sent`);
    // "Now" overrides a time it was scheduled for.
    return enqueueLocked(tx, settings, organisation, { ...current, scheduledAt: null }, now);
  });
}

/**
 * Writes the broadcast's recipients to the outbox (the broadcast row is locked by the caller's
 * transaction) and marks it `sending` — or `sent` when nobody matched.
 */
async function enqueueLocked(
  tx: Tx,
  settings: BroadcastSettings,
  organisation: OrganisationRef,
  broadcast: Broadcast,
  now: Date,
): Promise<Broadcast> {
  const { options, programme } = await audienceOptions(tx, organisation, broadcast);
  if (programme && programme.status !== 'open')
    throw new BroadcastError('conflict', `programme "${programme.slug}" is ${programme.status}, not open`);
  const bodies = {
    id: JSON.stringify(broadcastBody(broadcast, programme?.record, 'id')),
    en: JSON.stringify(broadcastBody(broadcast, programme?.record, 'en')),
  };
  const start = broadcast.scheduledAt && broadcast.scheduledAt > now ? broadcast.scheduledAt : now;
  const rate = sql`(case a.channel when 'telegram' then ${settings.rates.telegram}::float8
    when 'whatsapp' then ${settings.rates.whatsapp}::float8 else ${settings.rates.simulator}::float8 end)`;
  // Each channel's recipients one interval apart at the channel's pace; outside quiet hours the plan
  // runs through sending windows only (07:00–21:00 WIB), continuing the next morning.
  let availableAt: ReturnType<typeof sql>;
  if (broadcast.urgent) {
    availableAt = sql`${start.toISOString()}::timestamptz + make_interval(secs => a.seq / ${rate})`;
  } else {
    const window = sendingWindow(nextSendable(start, settings.quiet), settings.quiet);
    const position = sql`(${window.offsetSecs}::float8 + a.seq / ${rate})`;
    availableAt = sql`${window.opened.toISOString()}::timestamptz + make_interval(
      days => floor(${position} / ${window.lengthSecs}::float8)::int,
      secs => ${position} - floor(${position} / ${window.lengthSecs}::float8) * ${window.lengthSecs}::float8)`;
  }
  const source = options.eligibleFor
    ? await (async () => {
        const { kept } = await eligibleCandidates(tx, broadcast.audience, {
          ...options,
          eligibleFor: options.eligibleFor!,
        });
        return sql`select * from unnest(
          ${pgTextArray(kept.map((c) => c.user_id))}::uuid[], ${pgTextArray(kept.map((c) => c.identity_id))}::uuid[],
          ${pgTextArray(kept.map((c) => c.channel))}::text[], ${pgTextArray(kept.map((c) => c.locale))}::text[]
        ) as c(user_id, identity_id, channel, locale)`;
      })()
    : candidatesSql(broadcast.audience, options, false);
  const counted = rowsOf<{ n: number | string }>(
    await tx.execute(sql`
      with ins as (
        insert into messages (user_id, identity_id, channel, direction, origin, body, status, attempts,
          available_at, broadcast_id, organisation, topic)
        select a.user_id, a.identity_id, a.channel, 'out', 'broadcast',
          case when a.locale = 'en' then ${bodies.en}::jsonb else ${bodies.id}::jsonb end,
          'pending', 0, ${availableAt}, ${broadcast.id}::uuid,
          (select o.slug from organisations o where o.id = ${broadcast.organisationId}::uuid), 'broadcast'
        from (
          select c.user_id, c.identity_id, c.channel, c.locale,
            row_number() over (partition by c.channel order by c.user_id) - 1 as seq
          from (${source}) c
        ) a
        returning 1
      )
      select count(*) as n from ins`),
  );
  const recipients = Number(counted[0]?.n ?? 0);
  const status: BroadcastStatus = recipients > 0 ? 'sending' : 'sent';
  const [row] = await tx
    .update(broadcasts)
    .set({
      status,
      recipients,
      enqueuedAt: sql`now()`,
      scheduledAt: broadcast.scheduledAt ?? now,
      ...(recipients === 0 ? { completedAt: sql`now()` } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(broadcasts.id, broadcast.id))
    .returning();
  if (status === 'sent') await broadcastFinished(tx, broadcast.id);
  return row!;
}

/**
 * Starts scheduled broadcasts that are due (each in its own transaction, claimed with SKIP LOCKED so
 * two processes never start one twice) and marks finished ones `sent`. Run by the dispatcher's loop.
 */
export async function runDueBroadcasts(db: Db, settings: BroadcastSettings): Promise<number> {
  let started = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [due] = await tx
        .select()
        .from(broadcasts)
        .where(and(eq(broadcasts.status, 'scheduled'), sql`${broadcasts.scheduledAt} <= now()`))
        .orderBy(broadcasts.scheduledAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return false;
      const organisation = await tx.execute(
        sql`select id, slug from organisations where id = ${due.organisationId}`,
      );
      const [org] = rowsOf<OrganisationRef>(organisation);
      try {
        await enqueueLocked(tx, settings, org!, due, new Date());
      } catch (error) {
        if (!(error instanceof BroadcastError)) throw error;
        // The programme closed (or left the organisation) since scheduling: nothing is sent.
        await tx
          .update(broadcasts)
          .set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()` })
          .where(eq(broadcasts.id, due.id));
      }
      return true;
    });
    if (!done) break;
    started++;
  }
  // Finished ones: marked and announced to the organisation's systems in one transaction.
  await db.transaction(async (tx) => {
    const finished = rowsOf<{ id: string }>(
      await tx.execute(sql`
        update broadcasts b set status = 'sent', completed_at = now(), updated_at = now()
        where b.status = 'sending'
          and not exists (select 1 from messages m where m.broadcast_id = b.id and m.status in ('pending', 'sending'))
        returning b.id`),
    );
    for (const { id } of finished) await broadcastFinished(tx, id);
  });
  return started;
}

/** Stops a broadcast: a draft or scheduled one is never sent; a sending one sends nothing more. */
export async function cancelBroadcast(
  db: Db,
  organisation: OrganisationRef,
  id: string,
): Promise<{ broadcast: Broadcast; cancelledMessages: number }> {
  return db.transaction(async (tx) => {
    const current = await requireBroadcast(tx, organisation, id, true);
    if (current.status === 'sent' || current.status === 'cancelled')
      throw new BroadcastError('conflict', `the broadcast is ${current.status} already`);
    let cancelledMessages = 0;
    if (current.status === 'sending') {
      const rows = await tx
        .update(messages)
        .set({ status: 'cancelled', error: 'broadcast cancelled' })
        .where(and(eq(messages.broadcastId, id), eq(messages.status, 'pending')))
        .returning({ id: messages.id });
      cancelledMessages = rows.length;
    }
    const [row] = await tx
      .update(broadcasts)
      .set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(broadcasts.id, id))
      .returning();
    // A broadcast stopped while sending has finished too, with what it reached so far.
    if (current.status === 'sending') await broadcastFinished(tx, id);
    return { broadcast: row!, cancelledMessages };
  });
}

export interface Progress {
  recipients: number;
  queued: number;
  sent: number;
  failed: number;
  blocked: number;
  cancelled: number;
  /** Sent, but the platform's answer never came: possibly delivered, never retried. */
  unknown: number;
  /** Messages sent in the last minute, per second. */
  ratePerSecond: number;
  /** When the next queued message is due (quiet hours and pacing show here). */
  nextAt: Date | null;
}

export async function broadcastProgress(db: Queryable, broadcastId: string): Promise<Progress> {
  const rows = rowsOf<{ status: string; n: number | string }>(
    await db.execute(
      sql`select status, count(*) as n from messages where broadcast_id = ${broadcastId} group by status`,
    ),
  );
  const [extra] = rowsOf<{ recent: number | string; next_at: string | Date | null }>(
    await db.execute(sql`
      select
        (select count(*) from messages where broadcast_id = ${broadcastId} and status = 'sent'
           and sent_at > now() - interval '60 seconds') as recent,
        (select min(available_at) from messages where broadcast_id = ${broadcastId} and status = 'pending') as next_at`),
  );
  const n = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  const progress = {
    queued: n('pending') + n('sending'),
    sent: n('sent'),
    failed: n('failed'),
    blocked: n('blocked'),
    cancelled: n('cancelled'),
    unknown: n('unknown'),
  };
  return {
    recipients: Object.values(progress).reduce((a, b) => a + b, 0),
    ...progress,
    ratePerSecond: Number(extra?.recent ?? 0) / 60,
    nextAt: extra?.next_at ? new Date(extra.next_at) : null,
  };
}

export interface Outcomes {
  /** People who opened the programme card through the broadcast's link. */
  openedCard: number;
  /** Recipients who started an eligibility check of the programme within the attribution window. */
  checkedEligibility: number;
  /** Recipients who submitted an application within the attribution window. */
  applied: number;
  attributionDays: number;
}

/**
 * Outcomes: opens are counted exactly (the card link carries `b_<code>`); checks and applications are
 * attributed to a recipient's message when they happen within `attributionDays` after it was sent — to
 * the broadcast's programme, or to any of the organisation's programmes for a broadcast without one.
 */
export async function broadcastOutcomes(
  db: Queryable,
  organisation: OrganisationRef,
  broadcast: Pick<Broadcast, 'id' | 'programmeSlug'>,
  attributionDays: number,
): Promise<Outcomes> {
  const programmeFilter = broadcast.programmeSlug
    ? sql`p.slug = ${broadcast.programmeSlug}`
    : sql`p.organisation = ${organisation.slug}`;
  const window = sql`make_interval(days => ${attributionDays})`;
  const [row] = rowsOf<{ opened: number | string; checked: number | string; applied: number | string }>(
    await db.execute(sql`
      with r as (
        select user_id, sent_at from messages
        where broadcast_id = ${broadcast.id} and status = 'sent' and user_id is not null
      )
      select
        (select count(distinct e.user_id) from engagement_events e
          where e.broadcast_id = ${broadcast.id} and e.kind = 'card_opened') as opened,
        (select count(distinct e.user_id) from engagement_events e
          join r on r.user_id = e.user_id
          join programmes p on p.slug = e.programme_slug and ${programmeFilter}
          where e.kind = 'eligibility_checked' and e.created_at >= r.sent_at
            and e.created_at < r.sent_at + ${window}) as checked,
        (select count(distinct ap.user_id) from applications ap
          join r on r.user_id = ap.user_id
          join programmes p on p.id = ap.programme_id and ${programmeFilter}
          where ap.submitted_at is not null and ap.submitted_at >= r.sent_at
            and ap.submitted_at < r.sent_at + ${window}) as applied`),
  );
  return {
    openedCard: Number(row?.opened ?? 0),
    checkedEligibility: Number(row?.checked ?? 0),
    applied: Number(row?.applied ?? 0),
    attributionDays,
  };
}

/** The broadcast behind a `b_<code>` card link, when its programme is known. */
export async function broadcastByCode(
  db: Queryable,
  code: string,
): Promise<Pick<Broadcast, 'id' | 'programmeSlug'> | undefined> {
  const [row] = await db
    .select({ id: broadcasts.id, programmeSlug: broadcasts.programmeSlug })
    .from(broadcasts)
    .where(
      and(
        eq(broadcasts.code, code.toLowerCase()),
        inArray(broadcasts.status, ['sending', 'sent', 'cancelled']),
      ),
    );
  return row;
}
