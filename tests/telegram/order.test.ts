import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities, messages } from '../../src/db/schema';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

/*
 * Updates of one chat that arrive together are handled in update_id order (issue #18.9), not in the order
 * their requests happened to come in.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function inboundTexts(telegramId: number): Promise<string[]> {
  const rows = await h.runtime.db
    .select({ body: messages.body })
    .from(messages)
    .innerJoin(identities, eq(identities.id, messages.identityId))
    .where(and(eq(identities.externalId, String(telegramId)), eq(messages.direction, 'in')))
    .orderBy(asc(messages.id));
  return rows.map((r) => String((r.body as { text?: string }).text));
}

describe('order of one chat’s updates', () => {
  it('four updates posted at once, newest first, are handled oldest first', async () => {
    const p = { id: 87_001 };
    await h.post(textUpdate(p, '/start'));
    const base = 5_000_000;
    const updates = ['satu', 'dua', 'tiga', 'empat'].map((text, i) => ({
      ...textUpdate(p, text),
      update_id: base + i,
    }));
    const results = await Promise.all([...updates].reverse().map((u) => h.post(u)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await inboundTexts(p.id)).slice(1)).toEqual(['satu', 'dua', 'tiga', 'empat']);
  });
});
