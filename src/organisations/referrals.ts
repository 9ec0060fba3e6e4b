import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import { engagementEvents, organisations, programmes, referralLinks } from '../db/schema';
import type { Channel } from '../shared/conversation';
import { subscriberJoined } from '../webhooks/events';
import { randomCode } from './tokens';

/*
 * Referral links: `t.me/<bot>?start=r_<code>` and `wa.me/<number>?text=r_<code>`. A person who arrives
 * through one for the first time is attributed to it (first touch, never replaced), and so are their
 * applications to the organisation's programmes.
 */

export const REFERRAL_PREFIX = 'r_';
export const REFERRAL_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** "New" person: first seen less than this long ago (someone who pressed /start earlier today counts). */
export const NEW_PERSON_MS = 24 * 3_600_000;

export class ReferralError extends Error {
  constructor(
    readonly code: 'exists' | 'invalid' | 'programme',
    message: string,
  ) {
    super(message);
  }
}

export type ReferralLink = typeof referralLinks.$inferSelect;

export interface ReferralInput {
  code?: string;
  label?: string;
  recruiter?: string;
  memberId?: string;
  /** Open this programme's card (it must be the organisation's). */
  programme?: string;
}

export async function createReferralLink(
  db: Queryable,
  organisation: { id: string; slug: string },
  input: ReferralInput,
): Promise<ReferralLink> {
  const code = input.code?.trim().toLowerCase() ?? randomCode(8);
  if (!REFERRAL_CODE.test(code) || code.length < 3 || code.length > 40)
    throw new ReferralError('invalid', 'code: 3–40 characters of a-z, 0-9 and -');
  if (input.programme && !(await ownsProgramme(db, organisation.slug, input.programme)))
    throw new ReferralError('programme', `programme "${input.programme}" is not this organisation's`);
  const [link] = await db
    .insert(referralLinks)
    .values({
      organisationId: organisation.id,
      code,
      label: input.label?.trim() || null,
      recruiter: input.recruiter?.trim() || null,
      memberId: input.memberId ?? null,
      programmeSlug: input.programme ?? null,
    })
    .onConflictDoNothing({ target: referralLinks.code })
    .returning();
  if (!link) throw new ReferralError('exists', `the code "${code}" is taken`);
  return link;
}

export async function ownsProgramme(db: Queryable, organisation: string, slug: string): Promise<boolean> {
  const [row] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.slug, slug), eq(programmes.organisation, organisation)));
  return row !== undefined;
}

export interface ReferralStats extends ReferralLink {
  /** People attributed to the link (first touch). */
  people: number;
  /** Their submitted applications to the organisation's programmes. */
  applications: number;
}

/** The organisation's links with attribution counts, newest first (or one link by id). */
export async function referralStats(
  db: Queryable,
  organisation: { id: string; slug: string },
  linkId?: string,
): Promise<ReferralStats[]> {
  const links = await db
    .select()
    .from(referralLinks)
    .where(
      linkId
        ? and(eq(referralLinks.organisationId, organisation.id), eq(referralLinks.id, linkId))
        : eq(referralLinks.organisationId, organisation.id),
    )
    .orderBy(desc(referralLinks.createdAt));
  if (links.length === 0) return [];
  const counts = rowsOf<{ id: string; people: number | string; applications: number | string }>(
    await db.execute(sql`
      select l.id,
        (select count(*) from referral_attributions a where a.referral_link_id = l.id) as people,
        (select count(*) from referral_attributions a
           join applications ap on ap.user_id = a.user_id and ap.status <> 'draft'
           join programmes p on p.id = ap.programme_id and p.organisation = ${organisation.slug}
         where a.referral_link_id = l.id) as applications
      from referral_links l where l.organisation_id = ${organisation.id}`),
  );
  const byId = new Map(counts.map((c) => [c.id, c]));
  return links.map((link) => ({
    ...link,
    people: Number(byId.get(link.id)?.people ?? 0),
    applications: Number(byId.get(link.id)?.applications ?? 0),
  }));
}

export async function deactivateReferralLink(
  db: Queryable,
  organisationId: string,
  linkId: string,
): Promise<boolean> {
  const rows = await db
    .update(referralLinks)
    .set({ active: false })
    .where(and(eq(referralLinks.id, linkId), eq(referralLinks.organisationId, organisationId)))
    .returning({ id: referralLinks.id });
  return rows.length > 0;
}

export interface ReferralArrival {
  link: ReferralLink;
  organisationName: string;
  /** The person was attributed to this link just now (new, and not attributed before). */
  attributed: boolean;
}

/**
 * `/start r_<code>`: attributes a new person to the link (first touch) and tells the conversation what
 * to show (the link's programme card, or the organisation's name). Unknown or inactive code: undefined.
 */
export async function arriveThroughReferral(
  tx: Queryable,
  userId: string,
  code: string,
  channel: Channel = 'telegram',
): Promise<ReferralArrival | undefined> {
  const [found] = await tx
    .select({ link: referralLinks, organisationName: organisations.name })
    .from(referralLinks)
    .innerJoin(organisations, eq(organisations.id, referralLinks.organisationId))
    .where(and(eq(referralLinks.code, code.toLowerCase()), eq(referralLinks.active, true)));
  if (!found) return undefined;
  const inserted = rowsOf(
    await tx.execute(sql`
      insert into referral_attributions (user_id, referral_link_id, organisation_id)
      select id, ${found.link.id}::uuid, ${found.link.organisationId}::uuid from users
      where id = ${userId} and created_at > now() - make_interval(secs => ${NEW_PERSON_MS / 1000})
      on conflict (user_id) do nothing
      returning user_id`),
  );
  if (inserted.length > 0) await subscriberJoined(tx, { userId, referralLinkId: found.link.id, channel });
  if (found.link.programmeSlug)
    await tx.insert(engagementEvents).values({
      userId,
      kind: 'card_opened',
      programmeSlug: found.link.programmeSlug,
      referralLinkId: found.link.id,
    });
  return { link: found.link, organisationName: found.organisationName, attributed: inserted.length > 0 };
}

/** The shareable links of a code on each channel the bot runs on. */
export function referralUrls(
  code: string,
  deepLink: ((channel: Channel, payload: string) => string | undefined) | undefined,
): { telegram: string | null; whatsapp: string | null; payload: string } {
  const payload = `${REFERRAL_PREFIX}${code}`;
  return {
    payload,
    telegram: deepLink?.('telegram', payload) ?? null,
    whatsapp: deepLink?.('whatsapp', payload) ?? null,
  };
}
