import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../../src/db/schema';
import { applicant, userIdOf } from '../applications/helpers';
import { loadCatalogue, overseas } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';

/*
 * The conversations' wall clock is the engine's (`ctx.now()`), so a test moves it instead of waiting
 * or editing stored timestamps: what a person said about themselves is kept with the conversation for a
 * day, then forgotten (it is never stored without consent).
 */

let h: Harness;
let offsetMs = 0;
let next = 31_700_000;

beforeAll(async () => {
  h = await startHarness({}, { clock: () => new Date(Date.now() + offsetMs) });
  await loadCatalogue(h.runtime.db, [
    overseas('jp-pabrik', 'JP', {
      title: { id: 'Magang Pabrik Jepang' },
      eligibility: { age: { min: 18, max: 27 }, education: { min: 'SMA' } },
    }),
  ]);
});
afterAll(async () => {
  await h?.close();
});

/** What the conversation remembers of the person after a message sent `hoursLater`. */
async function heardAfter(hoursLater: number) {
  offsetMs = 0;
  const p = applicant(h, { id: next++, firstName: 'Wulan' });
  // An age said with a search is heard (kept with the conversation, not stored).
  await p.say('ada magang jepang? umurku 29');
  offsetMs = hoursLater * 3_600_000;
  await p.say('magang jepang');
  const userId = await userIdOf(h, p.person.id);
  const [row] = await h.runtime.db
    .select({ state: conversations.state })
    .from(conversations)
    .where(eq(conversations.userId, userId));
  return row?.state.heard?.facts;
}

describe('on the engine’s clock', () => {
  it('keeps an age said in passing for a day, and forgets it after', async () => {
    expect(await heardAfter(23)).toMatchObject({ age: 29 });
    expect(await heardAfter(25)).toBeUndefined();
  });
});
