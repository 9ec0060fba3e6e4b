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
 * A conversation feature. `start` opens it (from the menu, a keyword or another flow); `handle` gets
 * every input while it is the active flow. A flow talks only through the context: `ctx.say`,
 * `ctx.ask`, `ctx.go`. It never learns which platform it talks to.
 */
export interface Flow {
  id: string;
  start(ctx: FlowContext, params?: Record<string, unknown>): Promise<void>;
  handle(ctx: FlowContext, input: FlowInput): Promise<void>;
}

export class FlowRegistry {
  private readonly flows = new Map<string, Flow>();

  register(...flows: Flow[]): this {
    for (const flow of flows) {
      if (this.flows.has(flow.id)) throw new Error(`Flow ${flow.id} registered twice`);
      this.flows.set(flow.id, flow);
    }
    return this;
  }

  get(id: string): Flow | undefined {
    return this.flows.get(id);
  }
}
