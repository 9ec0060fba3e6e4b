import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, identities } from '../../src/db/schema';
import { tFor } from '../../src/i18n';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

/*
 * A state saved by an older release (issue #17, point 4): the active flow's data is parsed with its
 * zod shape when a turn starts, so a field of an older shape is dropped or defaulted instead of
 * breaking the turn, and data no release can read lands on the home screen.
 */

let h: Harness;
let nextPerson = 7100;
const t = tFor('id');

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function setState(chat: number, state: unknown): Promise<void> {
  const [identity] = await h.runtime.db
    .select({ userId: identities.userId })
    .from(identities)
    .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, String(chat))));
  await h.runtime.db
    .update(conversations)
    // biome-ignore lint/suspicious/noExplicitAny: a state of a shape this release does not write
    .set({ state: state as any })
    .where(eq(conversations.userId, identity!.userId));
}

async function stateOf(chat: number) {
  const [row] = await h.runtime.db
    .select({ state: conversations.state })
    .from(conversations)
    .innerJoin(identities, eq(identities.userId, conversations.userId))
    .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, String(chat))));
  return row!.state;
}

const lastText = (chat: number) => String(h.api.sent('sendMessage', chat).at(-1)?.body.text ?? '');

describe('flow state across a deploy', () => {
  it('reads a quiz saved in an older shape from its first item instead of failing', async () => {
    const p = { id: nextPerson++ };
    await h.post(textUpdate(p, '/start'));
    await setState(p.id, { flow: 'quiz', step: 'item', data: { answers: 'old', index: 'three' } });
    await h.post(textUpdate(p, 'suka'));
    expect(lastText(p.id)).toContain(t('profile:quiz.progress', { n: 2, total: 12 }));
    expect(lastText(p.id)).not.toContain(t('error.generic'));
    expect((await stateOf(p.id)).data).toMatchObject({ index: 1 });
  });

  it('puts data no release can read back on the home screen, answering the message there', async () => {
    const p = { id: nextPerson++ };
    await h.post(textUpdate(p, '/start'));
    await setState(p.id, { flow: 'profile', step: 'ask', data: 'garbage' });
    await h.post(textUpdate(p, 'asdfgh qwerty'));
    expect(lastText(p.id)).not.toContain(t('error.generic'));
    const state = await stateOf(p.id);
    expect(state.flow).toBe('menu');
  });
});
