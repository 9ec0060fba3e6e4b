import { Writable } from 'node:stream';
import { initAuthCreds, makeWASocket } from 'baileys';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { shouldSyncHistory } from './connection';
import { baileysLogger } from './log';

/*
 * Baileys' own socket (not the fake one), pointed at a closed local port: what does it say at start
 * about our history-sync choice, through our logger? Baileys 7 warns when every kind of history is
 * switched off (no initial LID mappings, session errors).
 */
async function warningsAtStart(should: (n: object) => boolean): Promise<string[]> {
  const lines: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const socket = makeWASocket({
    auth: { creds: initAuthCreds(), keys: { get: async () => ({}), set: async () => {} } },
    logger: baileysLogger(logger, 'warn'),
    waWebSocketUrl: 'ws://127.0.0.1:9/',
    syncFullHistory: false,
    shouldSyncHistoryMessage: should,
    markOnlineOnConnect: false,
  });
  await new Promise((r) => setTimeout(r, 200));
  socket.end(undefined);
  return lines;
}

describe("Baileys' warning about history sync", () => {
  it('is written at warn when all of it is off, and not with ours', async () => {
    const allOff = await warningsAtStart(() => false);
    expect(allOff.some((l) => l.includes('DISABLING ALL SYNC') && l.includes('"level":40'))).toBe(true);
    const ours = await warningsAtStart(shouldSyncHistory);
    expect(ours.filter((l) => l.includes('DISABLING ALL SYNC'))).toEqual([]);
  });
});
