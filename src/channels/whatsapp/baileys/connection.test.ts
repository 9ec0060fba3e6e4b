import { DisconnectReason } from 'baileys';
import { describe, expect, it } from 'vitest';
import { backoffDelay, closeAction } from './connection';

describe('what to do when the Baileys socket closes', () => {
  it('decides per DisconnectReason', () => {
    expect(closeAction(DisconnectReason.loggedOut)).toEqual({
      action: 'stop',
      reason: 'logged out',
      forget: true,
    });
    expect(closeAction(DisconnectReason.multideviceMismatch)).toMatchObject({ action: 'stop', forget: true });
    expect(closeAction(DisconnectReason.connectionReplaced)).toMatchObject({ action: 'stop', forget: false });
    expect(closeAction(DisconnectReason.forbidden)).toMatchObject({ action: 'stop', forget: false });
    expect(closeAction(DisconnectReason.restartRequired)).toEqual({ action: 'restart' });
    for (const code of [
      DisconnectReason.connectionClosed,
      DisconnectReason.connectionLost,
      DisconnectReason.timedOut,
      DisconnectReason.badSession,
      DisconnectReason.unavailableService,
      undefined,
      999,
    ])
      expect(closeAction(code)).toEqual({ action: 'backoff' });
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(0, 1000, 60_000, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 0.5)).toBe(8000);
    expect(backoffDelay(20, 1000, 60_000, () => 0.5)).toBe(60_000);
    expect(backoffDelay(2, 1000, 60_000, () => 0)).toBe(2000);
    expect(backoffDelay(2, 1000, 60_000, () => 0.999)).toBeLessThan(6000);
  });
});
