import { DisconnectReason, PROCESSABLE_HISTORY_TYPES, proto } from 'baileys';
import { describe, expect, it } from 'vitest';
import { backoffDelay, closeAction, closeReason, shouldSyncHistory } from './connection';

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

  it('a refused client version (405) backs off and fetches the current version first', () => {
    expect(closeAction(405)).toEqual({ action: 'backoff', refreshVersion: true });
    expect(closeReason(405)).toMatch(/client version/);
    expect(closeReason(405)).toContain('WHATSAPP_WA_VERSION');
    expect(closeReason(DisconnectReason.forbidden)).toMatch(/banned/);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(0, 1000, 60_000, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 0.5)).toBe(8000);
    expect(backoffDelay(20, 1000, 60_000, () => 0.5)).toBe(60_000);
    expect(backoffDelay(2, 1000, 60_000, () => 0)).toBe(2000);
    expect(backoffDelay(2, 1000, 60_000, () => 0.999)).toBeLessThan(6000);
  });
});

describe('history sync', () => {
  it('takes every kind Baileys processes except the full history', () => {
    const taken = PROCESSABLE_HISTORY_TYPES.filter((syncType) =>
      shouldSyncHistory({ syncType: syncType as unknown as proto.Message.HistorySyncType }),
    );
    expect(taken).toEqual(
      PROCESSABLE_HISTORY_TYPES.filter((t) => t !== proto.HistorySync.HistorySyncType.FULL),
    );
    // Not everything off: Baileys 7 warns that this loses the initial LID mappings.
    expect(taken.length).toBeGreaterThan(0);
    expect(shouldSyncHistory({ syncType: proto.Message.HistorySyncType.RECENT })).toBe(true);
    expect(shouldSyncHistory({ syncType: proto.Message.HistorySyncType.FULL })).toBe(false);
  });
});
