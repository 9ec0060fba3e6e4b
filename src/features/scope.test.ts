import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../db/schema';
import { turnScope } from './scope';

const s = (flow: string, step: string, data: Record<string, unknown> = {}): ConversationState => ({
  flow,
  step,
  data,
});

describe('turnScope', () => {
  it('the application form and the profile questions asked for it are the form', () => {
    expect(turnScope(s('apply', 'ask', { slug: 'las' }), s('apply', 'review', { slug: 'las' }))).toEqual({
      slug: 'las',
      topic: 'form',
    });
    const profile = s('profile', 'ask', {
      returnTo: { flow: 'apply', params: { slug: 'las', returning: true } },
    });
    expect(turnScope(profile, profile)).toEqual({ slug: 'las', topic: 'form' });
    // Sending the application leaves the form: the reference number still belongs to it.
    expect(turnScope(s('apply', 'review', { slug: 'las' }), s('menu', 'start'))).toEqual({
      slug: 'las',
      topic: 'form',
    });
  });

  it('a card, an eligibility check and an application’s detail are about their programme', () => {
    expect(turnScope(s('menu', 'start'), s('discover', 'card', { slug: 'jahit' }))).toEqual({
      slug: 'jahit',
      topic: 'programme',
    });
    const check = s('profile', 'ask', { returnTo: { flow: 'eligibility', params: { slug: 'jahit' } } });
    expect(turnScope(check, s('eligibility', 'result', { slug: 'jahit' }))?.topic).toBe('programme');
    expect(turnScope(s('applications', 'detail', { id: 'x', slug: 'jahit' }), s('menu', 'start'))?.slug).toBe(
      'jahit',
    );
  });

  it('the menu, a search list and settings are the general conversation', () => {
    expect(turnScope(s('menu', 'start'), s('discover', 'list', { slug: 'old-card', query: 'las' }))).toBe(
      undefined,
    );
    expect(turnScope(s('settings', 'start'), s('menu', 'start'))).toBe(undefined);
  });
});
