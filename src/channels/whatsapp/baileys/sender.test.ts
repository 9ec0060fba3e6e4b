import { describe, expect, it } from 'vitest';
import { SendError } from '../../../outbox/sender';
import { BaileysSender, recipientJid, toSendError } from './sender';
import type { SentMessages } from './sent-messages';

const boom = (statusCode: number) =>
  Object.assign(new Error(`boom ${statusCode}`), { isBoom: true, output: { statusCode } });

describe('Baileys sender', () => {
  it('sends to JIDs as given, and to typed numbers as phone JIDs', () => {
    expect(recipientJid('6281234567890@s.whatsapp.net')).toBe('6281234567890@s.whatsapp.net');
    expect(recipientJid('123456789012345@lid')).toBe('123456789012345@lid');
    expect(recipientJid('+6281234567890')).toBe('6281234567890@s.whatsapp.net');
    expect(() => recipientJid('120363025555555555@g.us')).toThrow(SendError);
  });

  it('maps Baileys errors onto the outbox', () => {
    expect(toSendError(boom(428)).failure.kind).toBe('transient');
    expect(toSendError(boom(408)).failure.kind).toBe('transient');
    expect(toSendError(boom(404)).failure.kind).toBe('permanent');
    expect(toSendError(boom(429)).failure).toEqual({ kind: 'rate_limited', retryAfterMs: 60_000 });
    expect(toSendError(new Error('socket hang up')).failure.kind).toBe('transient');
  });

  it('without a socket: defers to another process that holds the number (no channel pause), else retries later', async () => {
    const sent = {} as SentMessages;
    const message = { type: 'text' as const, text: 'halo' };
    const elsewhere = new BaileysSender({ current: () => undefined, heldElsewhere: async () => true }, sent);
    expect(elsewhere.available()).toBe(false);
    await expect(elsewhere.send('6281234567890@s.whatsapp.net', message)).rejects.toMatchObject({
      failure: { kind: 'deferred', retryAfterMs: 5_000 },
    });
    const nowhere = new BaileysSender({ current: () => undefined, heldElsewhere: async () => false }, sent);
    await expect(nowhere.send('6281234567890@s.whatsapp.net', message)).rejects.toMatchObject({
      failure: { kind: 'transient' },
    });
  });
});
