/**
 * Held-out discovery batches, end to end: each batch (tests/nlu/heldout-discovery/<batch>/) was written
 * apart from the code — a catalogue the NLU was never tuned on and first messages in people's own words,
 * each labelled with the programmes a patient staff member would show. Every message is the first
 * message of a new Telegram user, posted to the real webhook; the bot's first reply (all it sent back,
 * text and buttons) is read for the programmes it lists and judged (discovery-scorer.ts). Prints the
 * score and every miss; fails below the batch's floor (its last measured score minus a small margin).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { buttonsOf, textUpdate } from '../helpers/telegram';
import {
  type CatalogueRecord,
  type DiscoveryQuery,
  judge,
  listedSlugs,
  scoreBatch,
  shiftDates,
} from './discovery-scorer';

const ROOT = new URL('./heldout-discovery/', import.meta.url);

/** The share of first replies that must be right, per batch: the last measured score minus a margin. */
const FLOORS: Readonly<Record<string, number>> = {
  // 2026-12-07, end of session: merging the listening branches (#14: requirement questions answered
  // before the list, facts kept, alternatives after an empty search) lowered every batch; measured after
  // the first repair (no alternatives unless the person's facts ruled something out; 'benerin hp' is the
  // trade, not a number to correct): b1 308/345 = 89.3 %, b2 313/364 = 86.0 %, b3 267/349 = 76.5 %,
  // b4 265/330 = 80.3 %; after the second (programmes hidden by the person's facts are not named under
  // other results; "ada … ? aku lulusan sd" is a search narrowed by it, not a requirement question):
  // b1 312/345 = 90.4 %, b2 317/364 = 87.1 %, b3 272/349 = 77.9 %, b4 271/330 = 82.1 %,
  // b5 191/240 = 79.6 % (repairs found on b1 and b4; b5's misses were not read). After the third repair
  // (found by diffing each miss against the commit before the merge, 3435628: ruled-out programmes named
  // in the requirement answer and under an empty search, alternatives far away or in another trade,
  // English replies scored by Indonesian titles only) and tuning on b5 and b6: b1 325/345 = 94.2 %,
  // b2 332/364 = 91.2 %, b3 279/349 = 79.9 %, b4 289/330 = 87.6 %, b5 213/240 = 88.8 %,
  // b6 289/381 = 75.9 %. Floors follow these.
  // 2026-12-07: untuned (before any change for it) 178/345 = 51.6 %; after tuning on it 333/345 = 96.5 %;
  // after tuning on b2 too 326/345 = 94.5 %.
  // Session 8 (branch discovery6, not tuned on): 323/345 = 93.6 % → 324/345 = 93.9 %.
  'discovery-b1': 0.93,
  // 2026-12-07: untuned (opened after b1's tuning, before any change for it) 277/364 = 76.1 %; after
  // tuning on it 331/364 = 90.9 %; after the knowledge gate's repair and b4's tuning 332/364 = 91.2 %.
  'discovery-b2': 0.89,
  // 2026-12-07: untuned (opened after b2's tuning, before any change for it) 245/349 = 70.2 %; after a
  // first change for it (a place alone lists what is there, not online programmes) 279/349 = 79.9 %.
  // Session 7 (branch discovery5): 280/349 = 80.2 % at its start, 289/349 = 82.8 % after tuning on b3, b6, b7.
  // Session 9 (branch discovery7, tuning material, misses classified by cause): 293/349 = 84.0 % → 295/349 = 84.5 %.
  'discovery-b3': 0.83,
  // 2026-12-07: untuned (opened after b3's first change and the knowledge gate's repair, before any change
  // for it) 271/330 = 82.1 % on both databases; after tuning on it (places, regional words, subjects,
  // 'selain X dan Y', where the person lives now, 'orang asli papua') 284/330 = 86.1 %; after a height
  // or a tattoo said answers the programmes' own questions, and well-known towns, 290/330 = 87.9 %.
  // Session 7: 289/330 = 87.6 % → 292/330 = 88.5 % (not tuned on).
  // Session 8 (discovery6, not tuned on): 293/330 = 88.8 % → 296/330 = 89.7 %.
  'discovery-b4': 0.88,
  // 2026-12-07: the final batch of the session, written apart and opened only once every branch of the
  // session was merged, with no change made for it: 182/240 = 75.8 % (nothing-fits 18/37). Tuned on
  // in the next session (after the listening merge's repairs): 213/240 = 88.8 %.
  // Session 7: 214/240 = 89.2 % → 216/240 = 90.0 % (not tuned on).
  'discovery-b5': 0.87,
  // 2026-12-07: copied in after the third repair of the listening merge (ruled-out programmes named by
  // what and where they are, alternatives only near; English titles read) and scored before any change
  // made for it: 284/381 = 74.5 % (nothing-fits 39/59); after tuning on it 289/381 = 75.9 %.
  // Session 7: 288/381 = 75.6 % → 298/381 = 78.2 % after tuning on it.
  // Session 8 (discovery6, tuning material): 297/381 = 78.0 % → 300/381 = 78.7 %.
  // Session 9 (branch discovery7, tuning material, misses classified by cause): 301/381 = 79.0 % → 306/381 = 80.3 %.
  'discovery-b6': 0.79,
  // 2026-12-07 (session 6): the session's final batch, written apart and never tuned on. Scored on the
  // session's starting code (e8a2633) 229/321 = 71.3 % (240/321 = 74.8 % once the scorer read English
  // titles), and once more after every branch of the session was merged, with no change made for it:
  // 260/321 = 81.0 %.
  // Session 7: tuned on (its honest score above stays recorded): 260/321 = 81.0 % → 276/321 = 86.0 %.
  // Session 8 (discovery6, not tuned on): 280/321 = 87.2 % → 283/321 = 88.2 %.
  'discovery-b7': 0.87,
  // 2026-12-07 (session 7): the session's tuning batch, written apart; scored on the session's starting
  // code (708eafc) before any change for it: 281/352 = 79.8 % (nothing-fits 37/58).
  // After branch discovery5's changes for b3, b6 and b7, before any for b8: 284/352 = 80.7 %; after tuning
  // on b8 too: 295/352 = 83.8 %.
  // Session 8 (discovery6, tuning material, misses classified by cause): 296/352 = 84.1 % → 303/352 = 86.1 %.
  // Session 9 (branch discovery7, not tuned on): 303/352 = 86.1 % → 308/352 = 87.5 %.
  'discovery-b8': 0.86,
  // 2026-12-07 (session 7): the session's final batch, written apart and never tuned on (kept outside
  // the repository until the end). Scored on the session's starting code (708eafc) 279/326 = 85.6 %, and
  // once more after every branch of the session was merged, with no change made for it: 281/326 = 86.2 %.
  // Session 8 (discovery6, tuning material, misses classified by cause): 281/326 = 86.2 % → 286/326 = 87.7 %.
  // Session 9 (branch discovery7, not tuned on): 286/326 = 87.7 % → 289/326 = 88.7 %.
  'discovery-b9': 0.875,
  // 2026-12-07 (session 8): the session's final batch (329 messages, 53 nothing-fits; Sumatra, Jakarta,
  // Bali, Papua), written apart and kept outside the repository until the end. Scored on the starting code
  // (a8272bb) 290/329 = 88.1 % (nothing-fits 46/53), and after every branch was merged 294/329 = 89.4 %
  // (nothing-fits 45/53). Its misses were read once, mid-merge, to choose between two branches' rules
  // for alternatives after a refusal (the rule kept is the one the older batches agree with).
  // Session 9 (branch discovery7): the session's tuning batch, misses classified by cause: 294/329 = 89.4 %
  // → 303/329 = 92.1 % → 304/329 = 92.4 % (no experience said, read against the programmes' own question).
  'discovery-b10': 0.91,
  // 2026-12-08 (session 9): the session's final batch (320 messages, 51 nothing-fits; Java, Madura, Nusa
  // Tenggara, Kalimantan, Sulawesi; Javanese, Madurese, Sasak, Sundanese, Banjar, Bugis, Kupang and
  // Manado voices), written apart and kept outside the repository until the end, its misses never
  // printed. Scored on the starting code (fa0f63c, with the benefit value 'sertifikat_magang' its
  // catalogue uses) 261/320 = 81.6 % (nothing-fits 43/51), and after every branch was merged 264/320 =
  // 82.5 % (nothing-fits 44/51).
  'discovery-b11': 0.81,
};

const batches = existsSync(ROOT)
  ? readdirSync(ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/queries.json`, ROOT)))
      .map((d) => d.name)
      .sort()
  : [];

const read = <T>(batch: string, file: string): T =>
  JSON.parse(readFileSync(new URL(`${batch}/${file}`, ROOT), 'utf8')) as T;

// A held-out score measures understanding, which is the same code on both databases (the search's own
// behaviour tests run on both): scored once, on PGlite, to keep CI within its time. HELDOUT_ON_POSTGRES=1
// scores on Postgres as well.
const skipHere = process.env.TEST_DB === 'postgres' && process.env.HELDOUT_ON_POSTGRES !== '1';

describe.skipIf(skipHere)('held-out discovery batches', () => {
  it('has at least one batch', () => {
    expect(batches.length).toBeGreaterThan(0);
  });

  for (const [index, batch] of batches.entries()) {
    describe(batch, () => {
      let h: Harness;
      const catalogue = shiftDates(read<CatalogueRecord[]>(batch, 'catalogue.json'));
      const file = read<DiscoveryQuery[] | { queries: DiscoveryQuery[] }>(batch, 'queries.json');
      // A bare array, or `{ batch, queries }` as later writers' briefs ask.
      const queries = Array.isArray(file) ? file : file.queries;

      beforeAll(async () => {
        h = await startHarness();
        await loadCatalogue(h.runtime.db, catalogue);
      });
      afterAll(async () => {
        await h?.close();
      });

      it('lists the right programmes in the first reply', { timeout: 20 * 60_000 }, async () => {
        const outcomes = [];
        for (const [i, query] of queries.entries()) {
          const person = { id: 9_000_000 + index * 10_000 + i, firstName: 'Uji' };
          const response = await h.post(textUpdate(person, query.text));
          expect(response.status, query.id).toBe(200);
          const sent = h.api.sent('sendMessage', person.id);
          const texts = sent.map((c) => String(c.body.text));
          const buttons = sent.flatMap((c) => buttonsOf(c.body).map((b) => b.text));
          const listed = listedSlugs({ texts, buttons }, catalogue);
          outcomes.push({ query, listed, verdict: judge(query, listed), reply: texts.join('\n---\n') });
        }
        const score = scoreBatch(batch, outcomes);
        console.log(score.report);
        const floor = FLOORS[batch];
        expect(floor, `set a floor for ${batch} (measured ${score.rate.toFixed(3)})`).toBeDefined();
        expect(score.rate).toBeGreaterThanOrEqual(floor ?? 1);
      });
    });
  }
});
