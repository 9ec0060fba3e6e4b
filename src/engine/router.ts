import { type FlowContext, NAV_HUMAN, NAV_MENU } from './context';
import type { FlowId, FlowInput } from './flow';
import { type GlobalCommand, globalCommand } from './keywords';

export interface RouteMeta {
  isNewConversation: boolean;
  handoffId: string | null;
}

export interface Router {
  /** Handlers for the words that work everywhere (`menu`, `batal`, `/berhenti`, …). */
  globals: (ctx: FlowContext, command: GlobalCommand) => Promise<void>;
  /**
   * Runs first; returns true when it took the input (the handoff feature uses it to stay silent and
   * pass the message to staff while a person handles the chat).
   */
  intercept?: (ctx: FlowContext, meta: RouteMeta) => Promise<boolean>;
  /** Maps a typed reply ("2", "yang kedua", the option's words) to an option of the current screen. */
  matchChoice: (text: string, labels: string[]) => number | undefined;
  /** Called for a brand-new conversation whose first message is not a command. */
  welcome: (ctx: FlowContext) => Promise<void>;
  /** The flow that receives input when the active one is unknown (e.g. removed in a redeploy). */
  homeFlow: FlowId;
}

export async function route(ctx: FlowContext, router: Router, meta: RouteMeta): Promise<void> {
  if (router.intercept && (await router.intercept(ctx, meta))) return;
  const payload = ctx.inbound.payload;

  if (payload.type === 'text') {
    const command = globalCommand(payload.text);
    if (command) return router.globals(ctx, command);
    if (meta.isNewConversation) return router.welcome(ctx);
  }

  let input: FlowInput;
  switch (payload.type) {
    case 'choice': {
      const screen = ctx.state.screen;
      const id = screen && screen.token === payload.token ? screen.ids[payload.index] : undefined;
      if (id === undefined) {
        ctx.say(ctx.t('choice.stale'));
        return ctx.go(router.homeFlow);
      }
      input = { kind: 'choice', id };
      break;
    }
    case 'text': {
      const screen = ctx.state.screen;
      const index = screen && !screen.freeText ? router.matchChoice(payload.text, screen.labels) : undefined;
      const id = index !== undefined ? screen?.ids[index] : undefined;
      input = id !== undefined ? { kind: 'choice', id } : { kind: 'text', text: payload.text };
      break;
    }
    case 'contact':
      input = { kind: 'contact', phone: payload.phone, isOwn: payload.isOwn };
      break;
    case 'media': {
      const { type: _t, ...media } = payload;
      input = { kind: 'media', ...media };
      break;
    }
    case 'location':
      input = { kind: 'location', latitude: payload.latitude, longitude: payload.longitude };
      break;
    case 'unsupported':
      input = { kind: 'unsupported', what: payload.what };
      break;
  }

  if (input.kind === 'choice' && input.id === NAV_MENU) return ctx.go(router.homeFlow);
  if (input.kind === 'choice' && input.id === NAV_HUMAN) return router.globals(ctx, { command: 'human' });
  if (meta.isNewConversation) return router.welcome(ctx);

  const flow = ctx.hasFlow(ctx.state.flow) ? ctx.flow(ctx.state.flow) : ctx.flow(router.homeFlow);
  await flow.handle(ctx, input);
}
