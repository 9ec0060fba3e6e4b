import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ConversationState } from '../db/schema';
import { type AnyFlow, FlowRegistry } from './flow';

const search: AnyFlow = {
  id: 'discover',
  start: async () => {},
  handle: async () => {},
  state: z.looseObject({
    page: z.number().int().min(1).optional().catch(undefined),
    slug: z.string().optional().catch(undefined),
  }),
};
const plain: AnyFlow = { id: 'help', start: async () => {}, handle: async () => {} };
const registry = new FlowRegistry().register(search, plain);

describe('FlowRegistry.restore', () => {
  it('drops a field of an older shape and keeps every other field as it was', () => {
    const saved: ConversationState = {
      flow: 'discover',
      step: 'results',
      data: { page: 'two', slug: 'las-bekasi', note: { kept: true } },
      misses: 1,
    };
    const { state, reset } = registry.restore(saved);
    expect(reset).toBe(false);
    expect(state).toEqual({
      flow: 'discover',
      step: 'results',
      data: { page: undefined, slug: 'las-bekasi', note: { kept: true } },
      misses: 1,
    });
  });

  it('puts unreadable data on the home screen, keeping the language and what was heard', () => {
    const heard = { facts: { age: 23 }, at: '2026-12-07T10:00:00Z' };
    const saved = { flow: 'discover', step: 'results', data: 'garbage', lang: 'en', heard } as unknown;
    const { state, reset } = registry.restore(saved as ConversationState);
    expect(reset).toBe(true);
    expect(state).toEqual({ flow: 'menu', step: 'start', data: {}, lang: 'en', heard });
  });

  it('leaves the state of a flow without a shape, or of an unknown flow, untouched', () => {
    const help: ConversationState = { flow: 'help', step: 'x', data: { anything: 1 } };
    const gone: ConversationState = { flow: 'removed', step: 'x', data: { anything: 1 } };
    expect(registry.restore(help)).toEqual({ state: help, reset: false });
    expect(registry.restore(gone)).toEqual({ state: gone, reset: false });
  });
});
