/**
 * Held-out "listening" batches, end to end (issue #14): each batch (tests/listening/heldout/<batch>/)
 * was written apart from the code — a catalogue and multi-turn moments off the happy path (questions,
 * worries, consent, facts, corrections, skips, tone, language, alternatives). Every moment is played by
 * a new Telegram user through the real webhook; the special turns ([setuju], [tolak], [daftar N],
 * [menu], [kirim foto]) are performed on the bot's own buttons, and a moment whose special turn cannot
 * be performed fails with the reason. Everything the bot sent after the last turn is judged
 * (listening-scorer.ts). Prints the score per category and language and every miss with the bot's
 * reply; fails below the batch's floor (its last measured score minus a small margin).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importProgrammes } from '../../src/catalogue';
import { JPEG, tempUploads } from '../applications/helpers';
import { type Harness, startHarness } from '../helpers/harness';
import { buttonsOf, callbackUpdate, messageUpdate, textUpdate } from '../helpers/telegram';
import { BATCH_TODAY } from '../nlu/discovery-scorer';
import {
  type Button,
  type CatalogueRecord,
  findButton,
  judgeMoment,
  type Moment,
  type Outcome,
  parseTurn,
  programmesInOrder,
  scoreBatch,
} from './listening-scorer';

const ROOT = new URL('./heldout/', import.meta.url);

/** The share of moments that must be right, per batch: the last measured score minus a margin. */
const FLOORS: Readonly<Record<string, number>> = {
  // 2026-12-07: untuned (scored before any change made for it) 80/220 = 36.4 % (en 0/70); after the
  // work on #14 points 2–4 (listen-forms) 114/220 = 51.8 % (en 0/70: the language is point 6); with
  // points 5–7 (listen-lang) merged as well 183/220 = 83.2 % (en 54/70, id 129/150); after branch listen4
  // (tuned on l4 and l5 too) 192/220 = 87.3 % (en 56/70, id 136/150).
  // Session 8 (branch listen6): 191 → 195/220 = 88.6 % before its alternatives were narrowed back (not
  // re-measured after that: floor kept).
  // Session 9 (branch listen7, tuned on l9): 195/220 = 88.6 % → 199/220 = 90.5 % (id 138/150, en 61/70).
  'listening-l3': 0.88,
  // 2026-12-07: the final batch of the session, written apart and opened only once every branch of the
  // session was merged, with no change made for it: 118/160 = 73.8 % (en 39/50, id 79/110); tuned on it
  // (branch listen4) 145/160 = 90.6 % (en 46/50, id 99/110).
  // 2026-12-07 (session 8, branch listen6, played on the writers' day): 143/160 = 89.4 % with the clock
  // alone (two deadlines had read one day off after 17:00 UTC), 146/160 = 91.3 % before the branch's
  // alternatives were narrowed back (not re-measured after that: floor kept).
  // Session 9 (branch listen7, tuned on l9): 145/160 = 90.6 % → 145/160 = 90.6 % (unchanged: floor kept).
  'listening-l4': 0.88,
  // 2026-12-07: written apart (branch listen4), scored before any change made for it: 110/174 = 63.2 %
  // (en 36/55, id 74/119; the same with the harness of main); tuned on it 136/174 = 78.2 % (en 46/55,
  // id 90/119).
  // 2026-12-07 (branch listen5, tuned on it, with the catalogue's text questions now imported): 157/174 = 90.2 %.
  // Session 8 (branch listen6): 157 → 158/174 = 90.8 % (before the alternatives were narrowed back).
  // Session 9 (branch listen7, tuned on l9): 157/174 = 90.2 % → 158/174 = 90.8 % (id 106/119, en 52/55).
  'listening-l5': 0.89,
  // 2026-12-07 (session 6): the session's final batch, written apart and never tuned on. Scored on the
  // session's starting code (e8a2633) 117/171 = 68.4 % (the same with this harness), and after every
  // branch of the session was merged, with no change made for it: 125/171 = 73.1 %.
  // Tuned on it afterwards (branch listen5, session 7): 145/171 = 84.8 %.
  // Session 8 (branch listen6): 145 → 148/171 = 86.5 % (before the alternatives were narrowed back).
  // Session 9 (branch listen7, tuned on l9): 149/171 = 87.1 % → 151/171 = 88.3 % (id 100/112, en 51/59).
  'listening-l6': 0.86,
  // 2026-12-07 (session 7): the session's tuning batch, written apart; scored on the session's starting
  // code (708eafc) before any change for it: 146/186 = 78.5 % (id 97/119, en 49/67).
  // With branch listen5's work on l5 and l6, before any change for l7: 147/186 = 79.0 %; tuned on it
  // (listen5): 153/186 = 82.3 %.
  // Session 8 (branch listen6, tuned on it): 154/186 = 82.8 % before (the session's starting code, after
  // 17:00 UTC) → 169/186 = 90.9 % (id 110/119, en 59/67; 171/186 with wider alternatives, which cost
  // discovery-b1 its floor).
  // Session 9 (branch listen7, tuned on l9): 170/186 = 91.4 % → 170/186 = 91.4 % (unchanged: floor kept).
  'listening-l7': 0.9,
  // 2026-12-07 (session 7): the session's final batch, written apart and never tuned on (kept outside
  // the repository until the end). Scored on the starting code (708eafc) 141/176 = 80.1 % (id 96/118,
  // en 45/58), and after every branch was merged, with no change made for it: 145/176 = 82.4 % (id 99/118,
  // en 46/58).
  // Tuned on it (branch listen6, session 8): 145/176 = 82.4 % → 155/176 = 88.1 % (id 104/118, en 51/58;
  // 157/176 with wider alternatives, which cost discovery-b1 its floor).
  // Session 9 (branch listen7, tuned on l9): 159/176 = 90.3 % → 161/176 = 91.5 % (id 108/118, en 53/58).
  'listening-l8': 0.89,
  // 2026-12-07 (session 8): the session's final batch (176 moments, 57 English; Sumatra, Kalimantan,
  // Sulawesi, Papua), written apart and kept outside the repository until the end. Scored on the starting
  // code (a8272bb) 144/176 = 81.8 %, 146/176 = 83.0 % with the held-out clock fixed (listen6: the writers'
  // day in Jakarta); after every branch was merged 150/176 = 85.2 % (id 98/119, en 52/57).
  // Session 9 (branch listen7, tuned on l9): 150/176 = 85.2 % → 167/176 = 94.9 % (id 111/119, en 56/57; form 12 → 16/16, tone 13 → 16/16,
  // consent 13 → 15/16, correction 13 → 15/16, facts 12 → 14/16; alternatives 12/16 untouched: the
  // convention is fixed).
  'listening-l9': 0.93,
  // 2026-12-08 (session 9): the session's final batch (184 moments, 61 English; Sundanese, Betawi,
  // Javanese, Madurese, Sasak, Kupang/Flores and Ambon voices; a blind applicant, a wheelchair user, a
  // single father), written apart and kept outside the repository until the end, its misses never
  // printed. Scored on the starting code (fa0f63c) 144/184 = 78.3 % (id 101/123, en 43/61), and after
  // every branch was merged 146/184 = 79.3 % (id 103/123, en 43/61).
  'listening-l10': 0.78,
};

const batches = existsSync(ROOT)
  ? readdirSync(ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/moments.json`, ROOT)))
      .map((d) => d.name)
      .sort()
  : [];

const read = <T>(batch: string, file: string): T =>
  JSON.parse(readFileSync(new URL(`${batch}/${file}`, ROOT), 'utf8')) as T;

/** A batch file is a bare array or `{ batch, <key>: [...] }` (later writers' briefs ask for the latter). */
const listOf = <T>(file: unknown, key: string): T[] =>
  Array.isArray(file) ? (file as T[]) : ((file as Record<string, T[]>)[key] ?? []);

/** A turn that could not be performed: the moment fails with this reason. */
class CannotPerform extends Error {}

interface Sent {
  text: string;
  buttons: Button[];
}

/** One moment, played as a new person; returns what the bot sent after the last turn. */
async function play(h: Harness, personId: number, moment: Moment, catalogue: CatalogueRecord[]) {
  // A phone set to Indonesian, as most are here: an English moment must be heard from its words.
  const person = { id: personId, firstName: 'Uji' };
  const sentSince = (from: number): Sent[] =>
    h.api
      .sent('sendMessage', person.id)
      .slice(from)
      .map((c) => ({ text: String(c.body.text), buttons: buttonsOf(c.body) }));
  const count = () => h.api.sent('sendMessage', person.id).length;
  let sinceTurn = 0;
  let lastTurn: Sent[] = [];
  let fileNo = 0;

  const post = async (update: Parameters<Harness['post']>[0]) => {
    const response = await h.post(update);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  };
  /** The newest button of this kind among what the bot sent since the person's last turn. */
  const tapIn = (messages: Sent[], kind: 'agree' | 'decline' | 'menu' | 'apply'): Button | undefined => {
    for (const m of [...messages].reverse()) {
      const b = findButton(kind, m.buttons);
      if (b) return b;
    }
    return undefined;
  };
  const tap = async (b: Button) => {
    const before = count();
    await post(callbackUpdate(person, b.data));
    return sentSince(before);
  };

  for (const [t, raw] of moment.turns.entries()) {
    const turn = parseTurn(raw);
    // The writer presses the consent after "[daftar N]" themselves when the next turn says so.
    const next = moment.turns[t + 1] ? parseTurn(moment.turns[t + 1]!).kind : undefined;
    const consentIsNext = next === 'agree' || next === 'decline';
    sinceTurn = count();
    switch (turn.kind) {
      case 'text':
        await post(textUpdate(person, turn.text));
        break;
      case 'agree':
      case 'decline': {
        // The writers' brief: "press the consent accept/refuse button *if one is on screen*". A bot that
        // asked no consent (nothing to store) leaves nothing to press: the turn is not played, and what
        // the person sees is still the previous reply.
        const b = tapIn(lastTurn, turn.kind);
        if (!b) continue;
        await tap(b);
        break;
      }
      case 'menu': {
        // "menu" is a word the bot takes anywhere (design.md); typed when no button says it.
        const b = tapIn(lastTurn, 'menu');
        if (b) await tap(b);
        else await post(textUpdate(person, 'menu'));
        break;
      }
      case 'photo': {
        const id = `photo-${person.id}-${++fileNo}`;
        h.api.addFile(id, JPEG, `photos/${id}.jpg`);
        await post(
          messageUpdate(person, {
            photo: [
              { file_id: id, file_unique_id: `${id}-u`, width: 1280, height: 800, file_size: JPEG.length },
            ],
          }),
        );
        break;
      }
      case 'apply': {
        // The last list the bot showed, and the button that opens its N-th programme.
        const all = sentSince(0);
        const list = [...all]
          .reverse()
          .find((m) => /^\s*\d+\. /m.test(m.text) && programmesInOrder(m.text, catalogue).length >= turn.n);
        const slug = list && programmesInOrder(list.text, catalogue)[turn.n - 1];
        if (!list || !slug) throw new CannotPerform(`${raw}: no list with ${turn.n} programmes shown`);
        // "mau daftar …" with exactly one programme fitting: the bot names it and asks the consent for
        // that application at once — pressing its "Daftar" is already done, the consent is accepted.
        const started = lastTurn.some((m) => m.text === list.text) ? tapIn(lastTurn, 'agree') : undefined;
        if (started && turn.n === 1 && !list.buttons.some((b) => /^\D{0,3}1\b/.test(b.text))) {
          // Left for the next turn to press: what is on screen stays the consent.
          if (consentIsNext) continue;
          await tap(started);
          break;
        }
        const record = catalogue.find((r) => r.slug === slug)!;
        const titles = [record.title.id, record.title.en].filter(Boolean).map((t) => t!.toLowerCase());
        const open =
          list.buttons.find((b) => titles.some((t) => b.text.toLowerCase().includes(t.slice(0, 20)))) ??
          list.buttons.find((b) => new RegExp(`^\\D{0,3}${turn.n}\\b`).test(b.text));
        if (!open) throw new CannotPerform(`${raw}: no button opens programme ${turn.n} (${slug})`);
        let reply = await tap(open);
        const apply = tapIn(reply, 'apply');
        if (!apply) throw new CannotPerform(`${raw}: the card of ${slug} has no apply button`);
        reply = await tap(apply);
        const agree = tapIn(reply, 'agree');
        if (agree && !consentIsNext) await tap(agree);
        break;
      }
    }
    lastTurn = sentSince(sinceTurn);
    if (process.env.LISTENING_TRACE)
      console.log(
        `> ${raw}\n${lastTurn.map((m) => `${m.text}\n  [${m.buttons.map((b) => b.text).join(' | ')}]`).join('\n')}`,
      );
  }
  return lastTurn;
}

// A held-out score measures understanding, which is the same code on both databases (the search's own
// behaviour tests run on both): scored once, on PGlite, to keep CI within its time. HELDOUT_ON_POSTGRES=1
// scores on Postgres as well.
const skipHere = process.env.TEST_DB === 'postgres' && process.env.HELDOUT_ON_POSTGRES !== '1';

describe.skipIf(skipHere)('held-out listening batches', () => {
  it('reads every batch folder (catalogue.json and moments.json)', () => {
    const folders = existsSync(ROOT)
      ? readdirSync(ROOT, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
      : [];
    for (const folder of folders)
      expect(existsSync(new URL(`${folder}/catalogue.json`, ROOT)), folder).toBe(true);
    expect(batches.sort()).toEqual(folders.sort());
  });

  for (const [index, batch] of batches.entries()) {
    describe(batch, () => {
      let h: Harness;
      // The writers wrote their dates and expectations ("tutup 31 Januari", ages at a closing date)
      // against BATCH_TODAY in Jakarta: the product's clock reads that day, whatever the hour or the
      // day the batch is scored (moving the catalogue instead moved every date said back by one day
      // from 17:00 UTC, when Jakarta's day is already the next one, and the literal dates failed).
      const catalogue = read<CatalogueRecord[]>(batch, 'catalogue.json');
      // LISTENING_ONLY=l4-047,l4-081 plays only those moments (while working on them; the floor is not checked).
      const only = process.env.LISTENING_ONLY?.split(',').map((s) => s.trim());
      const moments = listOf<Moment>(read(batch, 'moments.json'), 'moments').filter(
        (m) => !only || only.includes(m.id),
      );

      beforeAll(async () => {
        // Only Date is faked (timers stay real), and it keeps running from noon of that day in Jakarta.
        vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
        vi.setSystemTime(new Date(`${BATCH_TODAY}T12:00:00+07:00`));
        h = await startHarness({ UPLOADS_DIR: tempUploads() });
        // Not strict: a record the writer got wrong is left out and said, the rest of the batch still counts.
        const result = await importProgrammes(h.runtime.db, JSON.stringify(catalogue));
        for (const e of result.errors) console.log(`catalogue record left out: ${e.slug ?? ''} ${e.message}`);
        expect(result.created).toBeGreaterThan(0);
      });
      afterAll(async () => {
        await h?.close();
        vi.useRealTimers();
      });

      it('listens: every moment judged on what the bot sent last', { timeout: 30 * 60_000 }, async () => {
        const outcomes: Outcome[] = [];
        for (const [i, moment] of moments.entries()) {
          const personId = 8_000_000 + index * 10_000 + i;
          try {
            const sent = await play(h, personId, moment, catalogue);
            const reply = {
              texts: sent.map((s) => s.text),
              buttons: sent.flatMap((s) => s.buttons.map((b) => b.text)),
            };
            outcomes.push({
              moment,
              verdict: judgeMoment(moment, reply, catalogue),
              reply: [...reply.texts, reply.buttons.length ? `[${reply.buttons.join(' | ')}]` : '']
                .filter(Boolean)
                .join('\n---\n'),
            });
          } catch (error) {
            if (!(error instanceof CannotPerform)) throw error;
            const texts = h.api.texts(personId);
            outcomes.push({
              moment,
              verdict: { pass: false, why: [error.message] },
              reply: texts.at(-1) ?? '',
            });
          }
        }
        const score = scoreBatch(batch, outcomes);
        console.log(score.report);
        if (process.env.LISTENING_VERBOSE)
          for (const o of outcomes) console.log(`${o.moment.id} ${o.verdict.pass ? '✓' : '✗'}\n${o.reply}\n`);
        if (only) return;
        const floor = FLOORS[batch];
        expect(floor, `set a floor for ${batch} (measured ${score.rate.toFixed(3)})`).toBeDefined();
        expect(score.rate).toBeGreaterThanOrEqual(floor ?? 1);
      });
    });
  }
});
