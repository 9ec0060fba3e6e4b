import type { ConversationState } from '../db/schema';
import type { TurnScope } from '../engine/store';

/*
 * What a turn was about, read from the features' conversation states, so the engine can say which
 * organisation its messages concern (issue #18.1: staff see only what concerns their organisation).
 * A programme is in context when a state carries its slug — a card, an eligibility check, an
 * application's detail — or will return to a flow that does (the profile and consent questions asked on
 * the way to a check or a form). The application form, and the questions asked for it, are `form`.
 */

const MAX_DEPTH = 3;

function scopeOf(flow: unknown, step: unknown, data: unknown, depth = 0): TurnScope | undefined {
  if (depth > MAX_DEPTH || typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  const slug = typeof d.slug === 'string' && d.slug ? d.slug : undefined;
  // A search result list remembers the last card it opened; only the card itself is about it.
  if (slug && !(flow === 'discover' && step !== 'card'))
    return { slug, topic: flow === 'apply' ? 'form' : 'programme' };
  const back = d.returnTo as { flow?: unknown; params?: unknown } | undefined;
  if (back && typeof back === 'object') return scopeOf(back.flow, 'card', back.params, depth + 1);
  return undefined;
}

export function stateScope(state: ConversationState): TurnScope | undefined {
  return scopeOf(state.flow, state.step, state.data);
}

/**
 * A turn's scope from the state it began in and the one it left: a form wins (the answer that sends an
 * application, and the reference number it earns, belong to it), then the programme the person was
 * looking at when they wrote, then the one they were taken to.
 */
export function turnScope(previous: ConversationState, next: ConversationState): TurnScope | undefined {
  const before = stateScope(previous);
  const after = stateScope(next);
  if (before?.topic === 'form') return before;
  if (after?.topic === 'form') return after;
  return before ?? after;
}
