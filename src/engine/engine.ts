import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import {
  type ConversationState,
  conversations,
  identities,
  messages,
  processedEvents,
  users,
} from '../db/schema';
import { isLocale, type Locale, localeFromTag } from '../i18n';
import type { Logger } from '../logger';
import { FlowContext, type UserView } from './context';
import type { FlowRegistry } from './flow';
import { presentFor } from './presentation';
import { type Router, route } from './router';
import { sanitizeInbound } from './sanitize';
import type { Delivery, Inbound, Outbound } from './types';

export interface EngineOptions {
  db: Db;
  logger: Logger;
  registry: FlowRegistry;
  router: Router;
  defaultLocale: Locale;
  /** How long a reply stays reserved for the request that produced it before the dispatcher may send it. */
  replyLeaseMs?: number;
}

export interface HandleResult {
  /** The platform delivered this event before: nothing was done. */
  duplicate: boolean;
  userId?: string;
  /** Replies stored in the outbox (status `sending`, leased to the caller) for immediate delivery. */
  deliveries: Delivery[];
}

interface LockedIdentity {
  id: string;
  userId: string;
  address: string;
  isNew: boolean;
}

export const INITIAL_STATE: ConversationState = { flow: 'menu', step: 'start', data: {} };

/**
 * The conversation engine: one inbound event → one transaction. Inside it, the person's identity row
 * is locked (serialising one chat's updates across any number of processes — a row lock rather than
 * an advisory lock so the same code works through Hyperdrive), the platform event id is recorded once
 * (a redelivery finds it and does nothing), the flow runs, and the new state, the message log and the
 * replies (in the outbox) are written together.
 */
export class Engine {
  constructor(private readonly options: EngineOptions) {}

  async handle(raw: Inbound): Promise<HandleResult> {
    const { db, logger } = this.options;
    const inbound = sanitizeInbound(raw);
    return db.transaction(async (tx) => {
      const identity = await this.lockIdentity(tx, inbound);
      const fresh = await tx
        .insert(processedEvents)
        .values({ channel: inbound.channel, eventId: inbound.eventId })
        .onConflictDoNothing()
        .returning({ eventId: processedEvents.eventId });
      if (fresh.length === 0) {
        logger.debug({ channel: inbound.channel, eventId: inbound.eventId }, 'duplicate event ignored');
        return { duplicate: true, userId: identity.userId, deliveries: [] };
      }

      const [row] = await tx
        .select({ user: users, state: conversations.state, handoffId: conversations.handoffId })
        .from(users)
        .leftJoin(conversations, eq(conversations.userId, users.id))
        .where(eq(users.id, identity.userId));
      if (!row) throw new Error('identity without user');

      const user: UserView = {
        id: row.user.id,
        locale: isLocale(row.user.locale) ? row.user.locale : this.options.defaultLocale,
        localeChosen: row.user.localeChosen,
        displayName: row.user.displayName,
        simpleText: row.user.simpleText,
        broadcastsStopped: row.user.broadcastsStopped,
      };
      const previous = row.state ?? INITIAL_STATE;
      const isNewConversation = row.state === null;

      const ctx = await this.runFlows(tx, user, inbound, previous, {
        isNewConversation,
        handoffId: row.handoffId,
      });

      await tx
        .insert(conversations)
        .values({ userId: user.id, state: ctx.state })
        .onConflictDoUpdate({
          target: conversations.userId,
          set: { state: ctx.state, updatedAt: sql`now()` },
        });
      const patch = ctx.userPatch;
      await tx
        .update(users)
        .set({ ...patch, lastActiveAt: sql`now()` })
        .where(eq(users.id, user.id));

      const simpleText = ctx.simpleText;
      const outgoing = ctx.replies.map((message) =>
        presentFor(message, { simpleText, channel: inbound.channel, locale: ctx.locale }),
      );
      const leaseMs = this.options.replyLeaseMs ?? 30_000;
      const inserted = await tx
        .insert(messages)
        .values([
          {
            userId: user.id,
            identityId: identity.id,
            channel: inbound.channel,
            direction: 'in' as const,
            body: inbound.payload as unknown as Record<string, unknown>,
            status: 'received',
          },
          ...outgoing.map((body) => ({
            userId: user.id,
            identityId: identity.id,
            channel: inbound.channel,
            direction: 'out' as const,
            body,
            status: 'sending',
            attempts: 1,
            availableAt: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
          })),
        ])
        .returning({ id: messages.id, direction: messages.direction });
      const outIds = inserted.filter((m) => m.direction === 'out').map((m) => m.id);
      const deliveries: Delivery[] = outgoing.map((message: Outbound, i) => ({
        id: outIds[i]!,
        channel: inbound.channel,
        address: identity.address,
        message,
      }));
      return { duplicate: false, userId: user.id, deliveries };
    });
  }

  /** Runs the router inside a savepoint: a failing flow rolls back its own writes, never the event record. */
  private async runFlows(
    tx: Tx,
    user: UserView,
    inbound: Inbound,
    previous: ConversationState,
    meta: { isNewConversation: boolean; handoffId: string | null },
  ): Promise<FlowContext> {
    try {
      return await tx.transaction(async (sp) => {
        const ctx = new FlowContext(sp as Tx, user, inbound, previous, this.options.registry);
        await route(ctx, this.options.router, meta);
        return ctx;
      });
    } catch (error) {
      this.options.logger.error(
        {
          err: errorSummary(error),
          channel: inbound.channel,
          eventId: inbound.eventId,
          flow: previous.flow,
          step: previous.step,
        },
        'flow failed; apologised and kept the previous state',
      );
      const ctx = new FlowContext(tx, user, inbound, previous, this.options.registry);
      ctx.say(ctx.t('error.generic'));
      return ctx;
    }
  }

  private async lockIdentity(tx: Tx, inbound: Inbound): Promise<LockedIdentity> {
    const { channel, user } = inbound;
    const address = user.address ?? user.externalId;
    const match = and(eq(identities.channel, channel), eq(identities.externalId, user.externalId));
    // UPDATE … RETURNING both locks the row until commit and reads it: one round trip on the hot path.
    const [existing] = await tx
      .update(identities)
      .set({ lastSeenAt: sql`now()`, address, unreachable: false })
      .where(match)
      .returning({ id: identities.id, userId: identities.userId, address: identities.address });
    if (existing) return { ...existing, isNew: false };

    const locale = localeFromTag(user.languageCode, this.options.defaultLocale);
    const [created] = await tx
      .insert(users)
      .values({ locale, displayName: user.displayName ?? null })
      .returning({ id: users.id });
    const [identity] = await tx
      .insert(identities)
      .values({ userId: created!.id, channel, externalId: user.externalId, address })
      .onConflictDoNothing()
      .returning({ id: identities.id, userId: identities.userId, address: identities.address });
    if (identity) return { ...identity, isNew: true };

    // Another process created this person between our UPDATE and INSERT; use theirs.
    await tx.delete(users).where(eq(users.id, created!.id));
    const [theirs] = await tx
      .select({ id: identities.id, userId: identities.userId, address: identities.address })
      .from(identities)
      .where(match)
      .for('update');
    if (!theirs) throw new Error('identity vanished during creation');
    return { ...theirs, isNew: false };
  }
}

/** Error details for logs without message text or personal data. */
export function errorSummary(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error)
    return {
      name: error.name,
      message: error.message.slice(0, 300),
      stack: error.stack?.split('\n').slice(0, 6).join('\n'),
    };
  return { name: 'unknown', message: String(error).slice(0, 300) };
}
