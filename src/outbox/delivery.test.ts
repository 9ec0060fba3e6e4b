import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { silentLogger } from '../logger';
import type { Delivery } from '../shared/conversation';
import { deliver, type SentMarker } from './delivery';
import { SenderRegistry } from './sender';

/** A reply to one chat, a sender that records what it was asked to send, and the rows marked sent. */
function setup() {
  const sent: string[] = [];
  const marked: number[] = [];
  const released: unknown[] = [];
  const senders = new SenderRegistry().add({
    channel: 'telegram',
    send: async (address) => {
      sent.push(address);
      return { platformMessageId: '1' };
    },
  });
  // Only a row left to the outbox touches the database: `update … set … where …`.
  const db = {
    update: () => ({ set: (values: unknown) => ({ where: async () => released.push(values) }) }),
  } as unknown as Db;
  const marker = { add: (rows: Array<{ id: number }>) => marked.push(...rows.map((r) => r.id)) };
  const reply: Delivery = {
    id: 7,
    channel: 'telegram',
    address: '42',
    message: { type: 'text', text: 'Halo' },
  };
  const options = { db, senders, logger: silentLogger, marker: marker as unknown as SentMarker };
  return { sent, marked, released, reply, options };
}

describe('deliver within a deadline', () => {
  it('on the process clock (the default): sends what fits in the budget', async () => {
    const { sent, marked, released, reply, options } = setup();
    await deliver([reply], { ...options, deadline: performance.now() + 60_000 });
    expect(sent).toEqual(['42']);
    expect(marked).toEqual([7]);
    expect(released).toEqual([]);
  });

  it('on an injected clock: a send due after the deadline is left to the outbox, never started', async () => {
    const { sent, marked, released, reply, options } = setup();
    await deliver([reply], { ...options, deadline: 1_000, now: () => 1_000 });
    expect(sent).toEqual([]);
    expect(marked).toEqual([]);
    expect(released).toHaveLength(1);
    // The same budget with time to spare on that clock sends at once, whatever the machine's clock says.
    await deliver([reply], { ...options, deadline: 1_000, now: () => 0 });
    expect(sent).toEqual(['42']);
  });
});
