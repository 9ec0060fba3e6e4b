import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { handoffs, organisationMembers, programmes, users } from '../db/schema';
import type { Channel } from '../shared/conversation';
import type { LocalizedText } from '../shared/profile';
import { type Handoff, OPEN_STATUSES } from './service';

/*
 * The staff inbox's queue (issue #8): an organisation's handoffs by tab, with what a row shows — the
 * person's name, channel, programme, who has it — and whether it is past the organisation's SLA.
 * Every query is scoped to one organisation; nothing here reads another organisation's handoffs.
 */

export const QUEUE_TABS = ['waiting', 'mine', 'all', 'closed'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const isQueueTab = (value: unknown): value is QueueTab =>
  typeof value === 'string' && (QUEUE_TABS as readonly string[]).includes(value);

/** The staff member looking, and their organisation (slug for handoffs, id for members). */
export interface InboxViewer {
  organisationId: string;
  organisationSlug: string;
  memberId: string;
  slaMinutes: number;
}

export interface QueueItem {
  id: string;
  userId: string;
  status: Handoff['status'];
  reason: string;
  programmeSlug: string | null;
  programmeTitle: LocalizedText | null;
  displayName: string | null;
  /** The channel the person wrote from last (where replies go). */
  channel: Channel | null;
  assignedTo: string | null;
  /** The assignee's name when they are a member of this organisation. */
  assigneeName: string | null;
  createdAt: Date;
  claimedAt: Date | null;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
  /** Open, not answered yet, and waiting longer than the SLA (judged by the database clock). */
  overdue: boolean;
  /** How the platform shows the person in full (Telegram's first and last name), when it says more. */
  fullName: string | null;
  /** Telegram @username (without the @). */
  handle: string | null;
  /** Where replies go on WhatsApp (a phone JID or number): shown masked, to tell two namesakes apart. */
  whatsappAddress: string | null;
  /** The latest message of the conversation this organisation may read (none of another's). */
  last: { direction: 'in' | 'out'; origin: string; body: Record<string, unknown> } | null;
  /** Answered once, then the person wrote again and nobody has answered since: when they wrote. */
  waitingSince: Date | null;
  /** That wait is longer than the SLA. */
  waitingOverdue: boolean;
}

export interface QueueCounts extends Record<QueueTab, number> {
  /** Open handoffs past the SLA without a first response (the banner). */
  overdue: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from URLs: anything not a UUID is nobody's (and would be a SQL error on the uuid column). */
export const isUuid = (value: string | undefined): value is string => !!value && UUID.test(value);

const OPEN = [...OPEN_STATUSES];
const DONE: Handoff['status'][] = ['closed', 'cancelled'];

function overdueSql(slaMinutes: number): SQL<boolean> {
  return sql<boolean>`(${handoffs.firstResponseAt} is null and ${handoffs.status} in ('waiting', 'active')
    and ${handoffs.createdAt} < now() - make_interval(mins => ${slaMinutes}))`;
}

/**
 * An answered, open case where the person wrote again after staff's last message: when they did. The
 * first wait is `createdAt` until `firstResponseAt`; this is every wait after it.
 */
const WAITING_SINCE = sql`(case when ${handoffs.firstResponseAt} is not null
    and ${handoffs.status} in ('waiting', 'active') then (
  select min(m.created_at) from messages m
  where m.user_id = ${handoffs.userId} and m.direction = 'in' and m.created_at >= ${handoffs.createdAt}
    and m.created_at > coalesce((select max(s.created_at) from messages s
      where s.user_id = ${handoffs.userId} and s.direction = 'out' and s.origin = 'staff'
        and s.created_at >= ${handoffs.createdAt}), ${handoffs.firstResponseAt})) end)`;

/** A handoff of this organisation, or undefined (another organisation's is treated as not existing). */
export async function getOwnHandoff(
  db: Queryable,
  id: string | undefined,
  organisationSlug: string,
): Promise<Handoff | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.id, id), eq(handoffs.organisation, organisationSlug)));
  return row;
}

function tabFilter(tab: QueueTab, viewer: InboxViewer): SQL {
  switch (tab) {
    case 'waiting':
      return eq(handoffs.status, 'waiting');
    case 'mine':
      return and(inArray(handoffs.status, OPEN), eq(handoffs.assignedTo, viewer.memberId))!;
    case 'all':
      return inArray(handoffs.status, OPEN);
    case 'closed':
      return inArray(handoffs.status, DONE);
  }
}

function selectItems(db: Queryable, viewer: InboxViewer) {
  return db
    .select({
      id: handoffs.id,
      userId: handoffs.userId,
      status: handoffs.status,
      reason: handoffs.reason,
      programmeSlug: handoffs.programmeSlug,
      programmeTitle: sql<LocalizedText | null>`${programmes.record} -> 'title'`,
      displayName: users.displayName,
      channel: sql<Channel | null>`(select i.channel from identities i
        where i.user_id = ${handoffs.userId} order by i.last_seen_at desc limit 1)`,
      fullName: sql<string | null>`(select i.full_name from identities i
        where i.user_id = ${handoffs.userId} and i.full_name is not null order by i.last_seen_at desc limit 1)`,
      handle: sql<string | null>`(select i.handle from identities i
        where i.user_id = ${handoffs.userId} and i.handle is not null order by i.last_seen_at desc limit 1)`,
      whatsappAddress: sql<string | null>`(select i.address from identities i
        where i.user_id = ${handoffs.userId} and i.channel = 'whatsapp' order by i.last_seen_at desc limit 1)`,
      last: sql<QueueItem['last']>`(select json_build_object('direction', m.direction, 'origin', m.origin,
          'body', m.body)
        from messages m where m.user_id = ${handoffs.userId}
          and (m.organisation is null or m.organisation = ${viewer.organisationSlug})
        order by m.id desc limit 1)`,
      waitingSince: sql<Date | null>`${WAITING_SINCE}`.mapWith(handoffs.createdAt),
      waitingOverdue: sql<boolean>`coalesce(${WAITING_SINCE} < now() - make_interval(mins => ${viewer.slaMinutes}), false)`,
      assignedTo: handoffs.assignedTo,
      assigneeName: organisationMembers.name,
      createdAt: handoffs.createdAt,
      claimedAt: handoffs.claimedAt,
      firstResponseAt: handoffs.firstResponseAt,
      closedAt: handoffs.closedAt,
      rating: handoffs.rating,
      overdue: overdueSql(viewer.slaMinutes),
    })
    .from(handoffs)
    .innerJoin(users, eq(users.id, handoffs.userId))
    .leftJoin(programmes, eq(programmes.slug, handoffs.programmeSlug))
    .leftJoin(
      organisationMembers,
      and(
        sql`${organisationMembers.id}::text = ${handoffs.assignedTo}`,
        eq(organisationMembers.organisationId, viewer.organisationId),
      ),
    );
}

/** One page of a tab: open tabs longest-waiting first, the closed tab newest first. */
export async function listQueue(
  db: Queryable,
  viewer: InboxViewer,
  options: { tab: QueueTab; page?: number; perPage?: number },
): Promise<QueueItem[]> {
  const perPage = options.perPage ?? 25;
  const page = Math.max(1, options.page ?? 1);
  const order =
    options.tab === 'closed'
      ? [desc(sql`coalesce(${handoffs.closedAt}, ${handoffs.createdAt})`), desc(handoffs.id)]
      : [asc(handoffs.createdAt), asc(handoffs.id)];
  return selectItems(db, viewer)
    .where(and(eq(handoffs.organisation, viewer.organisationSlug), tabFilter(options.tab, viewer)))
    .orderBy(...order)
    .limit(perPage)
    .offset((page - 1) * perPage);
}

/** One handoff as a queue row (the conversation page's header). */
export async function getQueueItem(
  db: Queryable,
  viewer: InboxViewer,
  id: string,
): Promise<QueueItem | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await selectItems(db, viewer).where(
    and(eq(handoffs.organisation, viewer.organisationSlug), eq(handoffs.id, id)),
  );
  return row;
}

/** The numbers on the tabs, and how many people are past the SLA. */
export async function queueCounts(db: Queryable, viewer: InboxViewer): Promise<QueueCounts> {
  const [row] = await db
    .select({
      waiting: sql<number>`(count(*) filter (where ${handoffs.status} = 'waiting'))::int`,
      mine: sql<number>`(count(*) filter (where ${handoffs.status} in ('waiting', 'active')
        and ${handoffs.assignedTo} = ${viewer.memberId}))::int`,
      all: sql<number>`(count(*) filter (where ${handoffs.status} in ('waiting', 'active')))::int`,
      closed: sql<number>`(count(*) filter (where ${handoffs.status} in ('closed', 'cancelled')))::int`,
      overdue: sql<number>`(count(*) filter (where ${overdueSql(viewer.slaMinutes)}))::int`,
    })
    .from(handoffs)
    .where(eq(handoffs.organisation, viewer.organisationSlug));
  return {
    waiting: Number(row?.waiting ?? 0),
    mine: Number(row?.mine ?? 0),
    all: Number(row?.all ?? 0),
    closed: Number(row?.closed ?? 0),
    overdue: Number(row?.overdue ?? 0),
  };
}
