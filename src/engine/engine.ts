import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { commitAfterNextStatement } from '../db/postgres';
import { type ConversationState, users } from '../db/schema';
import { isLocale, type Locale, localeFromTag } from '../i18n';
import type { Logger } from '../logger';
import { firstLanguageOf, languageOf } from '../nlu/language';
import type { Clock } from '../shared/clock';
import type { Delivery, Inbound, InboundPayload } from '../shared/conversation';
import { maskNiksInText } from '../shared/nik-text';
import { FlowContext, type UserView } from './context';
import { type FlowRegistry, HOME_FLOW } from './flow';
import { type PresentationOptions, presentFor } from './presentation';
import { type Router, route } from './router';
import { sanitizeInbound } from './sanitize';
import { createPerson, type LockedChat, lockChat, saveTurn, type TurnScope } from './store';

export interface EngineOptions {
  db: Db;
  logger: Logger;
  registry: FlowRegistry;
  router: Router;
  defaultLocale: Locale;
  /** How long a reply stays reserved for the request that produced it before the dispatcher may send it. */
  replyLeaseMs?: number;
  deepLink?: PresentationOptions['deepLink'];
  /**
   * What a turn was about, from the conversation state before and after it (the features know their
   * states): the organisation its messages concern follows from it (staff of another organisation see
   * them only as a one-line summary).
   */
  scopeOf?: (previous: ConversationState, next: ConversationState) => TurnScope | undefined;
  /**
   * A NIK-shaped number in what a person writes is always masked before it is stored; this encrypts
   * their own words (the field cipher) so that only their export shows them. Without it the original
   * is not kept at all.
   */
  sealOriginal?: (plain: string) => string;
  /**
   * The wall clock of a turn (`ctx.now()`): how long what the person said is kept, office hours. Tests
   * pass one they move; default: the machine's.
   */
  clock?: Clock;
}

export interface HandleResult {
  /** The platform delivered this event before: nothing was done. */
  duplicate: boolean;
  userId?: string;
  /** Replies stored in the outbox (status `sending`, leased to the caller) for immediate delivery. */
  deliveries: Delivery[];
}

export const INITIAL_STATE: ConversationState = { flow: HOME_FLOW, step: 'start', data: {} };

/** A flow threw: the turn's transaction is rolled back and replayed as an apology. */
class FlowFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('flow failed');
  }
}

/**
 * The conversation engine: one inbound event → one transaction. Inside it the chat is locked (one
 * chat's updates never interleave, across any number of processes), the platform event id is recorded
 * (a redelivery finds it and does nothing), the flow runs, and the new state, the message log and the
 * replies (as outbox rows) are written together — or not at all.
 */
export class Engine {
  constructor(private readonly options: EngineOptions) {}

  async handle(raw: Inbound): Promise<HandleResult> {
    const inbound = sanitizeInbound(raw);
    try {
      return await this.options.db.transaction((tx) => this.turn(tx, inbound, false));
    } catch (error) {
      if (!(error instanceof FlowFailure)) throw error;
      this.options.logger.error(
        { err: errorSummary(error.cause), channel: inbound.channel, eventId: inbound.eventId },
        'flow failed; apologised and kept the previous state',
      );
      // Nothing of the failed flow was committed; record the event and apologise, state untouched.
      return this.options.db.transaction((tx) => this.turn(tx, inbound, true));
    }
  }

  private async turn(tx: Tx, inbound: Inbound, apologise: boolean): Promise<HandleResult> {
    const { fresh, row } = await this.lock(tx, inbound);
    if (!fresh) {
      this.options.logger.debug(
        { channel: inbound.channel, eventId: inbound.eventId },
        'duplicate event ignored',
      );
      return { duplicate: true, userId: row.id, deliveries: [] };
    }
    const previous = row.state ?? INITIAL_STATE;
    const stored = isLocale(row.locale) ? row.locale : this.options.defaultLocale;
    const said = spokenLanguage(inbound, row.state === null);
    // The language of the message wins over the phone's and the setting; those remain the default
    // for what says nothing (a button, "ok", a name).
    const user: UserView = {
      id: row.id,
      locale: said ?? (row.locale_chosen ? previous.lang : undefined) ?? stored,
      localeChosen: row.locale_chosen,
      displayName: row.display_name,
      simpleText: row.simple_text,
      broadcastsStopped: row.broadcasts_stopped,
    };
    // The active flow's data as it reads it now (an older release's state upgraded, or home if unreadable).
    const restored = this.options.registry.restore(previous);
    if (restored.reset)
      this.options.logger.warn({ flow: previous.flow, step: previous.step }, 'unreadable flow state reset');
    const ctx = new FlowContext(
      tx,
      user,
      inbound,
      restored.state,
      this.options.registry,
      {
        flow: previous.flow,
        value: row.prefetch,
      },
      this.options.clock,
    );
    if (apologise) ctx.say(ctx.t('error.generic'));
    else {
      try {
        await route(ctx, this.options.router, {
          isNewConversation: row.state === null,
          handoffId: row.handoff_id,
        });
      } catch (error) {
        // A read after a failed write-behind fails too ("transaction is aborted"): the write is the cause.
        const failed = await ctx.writesFailed();
        throw new FlowFailure(failed ? failed.error : error);
      }
    }
    followLanguage(ctx, previous, stored, said);

    carryHeard(ctx, previous);
    const replies = ctx.replies.map((message) =>
      presentFor(message, {
        simpleText: ctx.simpleText,
        channel: inbound.channel,
        locale: ctx.locale,
        ...(this.options.deepLink ? { deepLink: this.options.deepLink } : {}),
      }),
    );
    const kept = this.storedInbound(inbound.payload);
    // The turn's write is the transaction's last statement: COMMIT follows it in the same round trip.
    commitAfterNextStatement(tx);
    const saving = saveTurn(tx, {
      userId: user.id,
      identityId: row.identity_id,
      channel: inbound.channel,
      state: ctx.state,
      userPatch: ctx.userPatch,
      inbound: kept.body,
      inboundOriginal: kept.original,
      handoffId: row.handoff_id,
      scope: this.options.scopeOf?.(previous, ctx.state),
      replies,
      leaseMs: this.options.replyLeaseMs ?? 30_000,
    });
    let ids: number[];
    try {
      ids = await saving;
    } catch (error) {
      // A failed write-behind aborted the transaction, so the save failed with it: the flow's failure.
      const failed = await ctx.writesFailed();
      throw failed ? new FlowFailure(failed.error) : error;
    }
    const deliveries = replies.map((message, i) => ({
      id: ids[i]!,
      channel: inbound.channel,
      address: row.address,
      message,
    }));
    return { duplicate: false, userId: user.id, deliveries };
  }

  /**
   * The inbound message as the log keeps it: a NIK typed as ordinary text (or in a caption) is masked,
   * and the person's own words are kept only encrypted. The flow has already read the original.
   */
  private storedInbound(payload: InboundPayload): { body: Record<string, unknown>; original: string | null } {
    const body = payload as unknown as Record<string, unknown>;
    const field = payload.type === 'text' ? 'text' : payload.type === 'media' ? 'caption' : undefined;
    const value = field ? body[field] : undefined;
    if (!field || typeof value !== 'string') return { body, original: null };
    const masked = maskNiksInText(value);
    if (!masked.found) return { body, original: null };
    return {
      body: { ...body, [field]: masked.text },
      original: this.options.sealOriginal?.(JSON.stringify({ [field]: value })) ?? null,
    };
  }

  private async lock(tx: Tx, inbound: Inbound): Promise<LockedChat> {
    const { channel, user } = inbound;
    const address = user.address ?? user.externalId;
    const prefetch = this.options.registry.prefetch();
    const existing = await lockChat(tx, channel, user.externalId, address, inbound.eventId, user, prefetch);
    if (existing) return existing;

    // First contact: the person, their identity (which may race with another process) and the event,
    // in one statement (a round trip each before, issue #15).
    const locale = localeFromTag(user.languageCode, this.options.defaultLocale);
    const created = await createPerson(tx, {
      locale,
      displayName: user.displayName ?? null,
      channel,
      externalId: user.externalId,
      address,
      eventId: inbound.eventId,
      fullName: user.fullName ?? null,
      handle: user.handle ?? null,
    });
    // Ours: the identity row is this transaction's own insert (no one else sees it until COMMIT, so it
    // needs no lock), the event is recorded, and there is no conversation yet.
    if (created.row) return { fresh: true, row: created.row };
    // Another process created this person between our read and our INSERT: use theirs.
    await tx.delete(users).where(eq(users.id, created.userId));
    const locked = await lockChat(tx, channel, user.externalId, address, inbound.eventId, user, prefetch);
    if (!locked) throw new Error('identity vanished during creation');
    return locked;
  }
}

/** The language a typed message is written in; commands, buttons and media say nothing. */
function spokenLanguage(inbound: Inbound, first: boolean): Locale | undefined {
  const p = inbound.payload;
  if (p.type !== 'text' || p.text.trimStart().startsWith('/')) return undefined;
  return first ? firstLanguageOf(p.text) : languageOf(p.text);
}

/**
 * Keeps the language the person writes in. Someone who never chose one gets it as their language
 * (the phone's was only a guess, and notifications follow it too); someone who chose one in the
 * settings keeps that choice, and the conversation follows what they write until they write in the
 * other language or choose again.
 */
function followLanguage(
  ctx: FlowContext,
  previous: ConversationState,
  stored: Locale,
  said: Locale | undefined,
): void {
  const { lang: _dropped, ...state } = ctx.state;
  if (ctx.userPatch.locale !== undefined) {
    ctx.state = state;
    return;
  }
  if (!ctx.user.localeChosen) {
    if (said && said !== stored) ctx.patchUser({ locale: said });
    ctx.state = state;
    return;
  }
  const lang = said ?? previous.lang;
  ctx.state = lang && lang !== stored ? { ...state, lang } : state;
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

/** How long what a person said about themselves is remembered without being saved. */
const HEARD_FOR_MS = 24 * 3_600_000;

/**
 * Flows replace the state freely; what the person said about themselves stays with the conversation
 * (for a day), unless a flow forgot it on purpose (null).
 */
function carryHeard(ctx: FlowContext, previous: ConversationState): void {
  const now = ctx.now().getTime();
  if (ctx.forgetHeard || ctx.state.heard === null) {
    const { heard: _forgotten, ...rest } = ctx.state;
    ctx.state = rest;
    return;
  }
  const heard = ctx.state.heard ?? previous.heard;
  if (!heard || now - Date.parse(heard.at) > HEARD_FOR_MS) {
    if (ctx.state.heard) {
      const { heard: _stale, ...rest } = ctx.state;
      ctx.state = rest;
    }
    return;
  }
  if (ctx.state.heard !== heard) ctx.state = { ...ctx.state, heard };
}
