import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { baileysLogger, scrub, scrubText } from './log';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: pino({ level: 'debug' }, stream) };
}

describe("Baileys' own log lines", () => {
  it('masks phone numbers and LIDs in text and in fields, and bounds what it writes', () => {
    expect(scrubText('Invalid LID-PN mapping: 123456789012345@lid, 6281234567890@s.whatsapp.net')).toBe(
      'Invalid LID-PN mapping: [jid], [jid]',
    );
    expect(scrubText('Invalid entry for 6281234567890 (pair not resolved)')).toBe(
      'Invalid entry for [number] (pair not resolved)',
    );
    expect(
      scrub({ jid: '6281234567890:12@s.whatsapp.net', attrs: { from: '6281234567890@s.whatsapp.net' } }),
    ).toEqual({
      jid: '[jid]',
      attrs: { from: '[jid]' },
    });
    expect(scrub({ a: { b: { c: { d: 'deep' } } } })).toEqual({ a: { b: { c: '[…]' } } });
    expect(scrub({ key: Buffer.alloc(32) })).toEqual({ key: '[32 bytes]' });
    expect(String(scrub('x'.repeat(1000))).length).toBeLessThan(320);
  });

  it('writes warnings at warn, drops info and below, and keeps child bindings', () => {
    const { lines, logger } = capture();
    const baileys = baileysLogger(logger, 'warn');
    baileys.info({ x: 1 }, 'connected to WA');
    baileys.warn(
      '⚠️ DANGER: DISABLING ALL SYNC BY shouldSyncHistoryMsg PREVENTS BAILEYS FROM ACCESSING INITIAL LID MAPPINGS',
    );
    baileys.child({ class: 'signal' }).error({ jid: '6281234567890@s.whatsapp.net' }, 'failed to decrypt');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 40, module: 'baileys' });
    expect(String(lines[0]!.msg)).toContain('DISABLING ALL SYNC');
    expect(lines[1]).toMatchObject({ level: 50, class: 'signal', jid: '[jid]', msg: 'failed to decrypt' });
    expect(JSON.stringify(lines)).not.toContain('6281234567890');
  });
});
