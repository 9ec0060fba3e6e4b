import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ConversationState } from '../db/schema';
import type { FlowContext } from './context';

/** What a flow receives, after the engine resolved buttons and numbered replies to choice ids. */
export type FlowInput =
  | { kind: 'choice'; id: string }
  | { kind: 'text'; text: string }
  | { kind: 'contact'; phone: string; isOwn: boolean }
  | {
      kind: 'media';
      mediaKind: string;
      fileRef: string;
      mimeType?: string;
      fileName?: string;
      size?: number;
      caption?: string;
    }
  | { kind: 'location'; latitude: number; longitude: number }
  | { kind: 'unsupported'; what: string };

/**
 * Every flow's id and the params its `start` takes. The engine knows no flow: each is added where the
 * features are registered (src/features/flows.ts) by declaration merging, so `ctx.go('discover',
 * { slug })` is checked by the compiler — an unknown id or a wrong param does not build.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging (src/features/flows.ts)
export interface FlowParams {}

export type FlowId = keyof FlowParams & string;

/** The flow people come back to unless the registry names another. */
export const HOME_FLOW = 'menu';

/** A flow to open and its params, e.g. where the profile questions return to. */
export type FlowTarget = { [K in FlowId]: { flow: K; params?: FlowParams[K] } }[FlowId];

/**
 * A conversation feature. `start` opens it (from the menu, a keyword or another flow); `handle` gets
 * every input while it is the active flow. A flow talks only through the context: `ctx.say`,
 * `ctx.ask`, `ctx.go`, `ctx.home`. It never learns which platform it talks to.
 *
 * `state`, when given, is the shape of the flow's saved `data`: the engine parses the active flow's
 * data with it when a turn starts, so a state saved by an older release is upgraded (defaults, `catch`)
 * or, when it cannot be read, the person lands on the home screen instead of an error.
 */
export interface Flow<K extends FlowId = FlowId> {
  id: K;
  start(ctx: FlowContext, params?: FlowParams[K]): Promise<void>;
  handle(ctx: FlowContext, input: FlowInput): Promise<void>;
  state?: z.ZodType<Record<string, unknown>>;
  /**
   * What `handle` will read first, read instead with the turn's first statement (the engine's read of
   * the person and the conversation) when this flow is the active one: a round trip less per step
   * (issue #15). An SQL expression of one JSON value, given the person's id and the saved `data` (jsonb,
   * not yet checked by `state`: guard every cast), cast to jsonb. `handle` takes it with
   * `ctx.takePrefetched`.
   */
  prefetch?: (refs: PrefetchRefs) => SQL;
}

export interface PrefetchRefs {
  /** The person's id (uuid). */
  userId: SQL;
  /** The active flow's saved data (jsonb). */
  data: SQL;
}

/** A saved value of a type too rich to spell out in zod (a search query): an object, or dropped. */
export function savedObject<T extends object>() {
  return z
    .custom<T>((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
    .optional()
    .catch(undefined);
}

/** Any registered flow, whatever its id (the registry holds them all). */
// biome-ignore lint/suspicious/noExplicitAny: the registry stores flows of every id
export type AnyFlow = Flow<any>;

export class FlowRegistry {
  private readonly flows = new Map<string, AnyFlow>();

  /** @param home the flow people come back to ("menu"): `ctx.home()`, stale buttons, unreadable states. */
  constructor(readonly home: FlowId = HOME_FLOW as FlowId) {}

  register(...flows: AnyFlow[]): this {
    for (const flow of flows) {
      if (this.flows.has(flow.id)) throw new Error(`Flow ${flow.id} registered twice`);
      this.flows.set(flow.id, flow);
    }
    return this;
  }

  get(id: string): AnyFlow | undefined {
    return this.flows.get(id);
  }

  private prefetchSql: SQL | null | undefined;

  /**
   * The flows' prefetch reads as one expression over the engine's read (`u`: users, `c`:
   * conversations): the active flow's, else null. Built once, when the first turn asks.
   */
  prefetch(): SQL | null {
    if (this.prefetchSql !== undefined) return this.prefetchSql;
    const refs: PrefetchRefs = { userId: sql`u.id`, data: sql`c.state->'data'` };
    const arms = [...this.flows.values()]
      .filter((flow) => flow.prefetch)
      .map((flow) => sql`when ${flow.id}::text then (${flow.prefetch!(refs)})::jsonb`);
    this.prefetchSql = arms.length ? sql`case c.state->>'flow' ${sql.join(arms, sql` `)} end` : null;
    return this.prefetchSql;
  }

  /** The home screen's state: what `ctx.home()` sets and an unreadable state becomes. */
  homeState(data: Record<string, unknown> = {}): ConversationState {
    return { flow: this.home, step: 'start', data };
  }

  /**
   * A saved state as the active flow reads it now: its data parsed with the flow's `state` schema.
   * Unreadable data (a shape no release understands any more) becomes the home screen, keeping what
   * the engine carries across flows (language, what was heard).
   */
  restore(state: ConversationState): { state: ConversationState; reset: boolean } {
    const schema = this.flows.get(state.flow)?.state;
    if (!schema) return { state, reset: false };
    const parsed = schema.safeParse(state.data ?? {});
    if (parsed.success) return { state: { ...state, data: parsed.data }, reset: false };
    const { lang, heard } = state;
    return {
      state: {
        ...this.homeState(),
        ...(lang ? { lang } : {}),
        ...(heard !== undefined ? { heard } : {}),
      },
      reset: true,
    };
  }
}
