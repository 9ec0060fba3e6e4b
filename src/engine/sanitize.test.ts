import { describe, expect, it } from 'vitest';
import type { Inbound } from '../shared/conversation';
import { sanitizeInbound } from './sanitize';

const text = (t: string, name = 'Sari'): Inbound => ({
  channel: 'telegram',
  eventId: '1',
  user: { externalId: '1', displayName: name },
  payload: { type: 'text', text: t },
});

describe('sanitizeInbound', () => {
  it('leaves ordinary text, emoji included, untouched (same object)', () => {
    const inbound = text('halo kak 😀🇮🇩 ada magang?');
    expect(sanitizeInbound(inbound)).toBe(inbound);
  });

  it('drops NUL characters and lone surrogates anywhere in the event', () => {
    const cut = '😀'.slice(0, 1);
    const clean = sanitizeInbound(text(`a\u0000b${cut}`, `Sa${cut}ri\u0000`));
    expect(clean.payload).toEqual({ type: 'text', text: 'ab' });
    expect(clean.user.displayName).toBe('Sari');
  });

  it('clips a name the platform reports at any length, and drops an absurd language tag', () => {
    const inbound = text('halo', 'A'.repeat(100_000));
    inbound.user.languageCode = 'x'.repeat(1000);
    const clean = sanitizeInbound(inbound);
    expect(clean.user.displayName).toBe('A'.repeat(64));
    expect(clean.user.languageCode).toBeUndefined();
  });
});
