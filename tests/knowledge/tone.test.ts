/**
 * Tone through the Telegram webhook (issue #14, point 5): tears in any form get empathy and a person
 * first, never "Sama-sama"; sadness that asks for nothing concrete is heard, not searched; feelings in
 * English get English; in the middle of a form, a feeling gets one line of its own before the question
 * comes back, and the form goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tFor } from '../../src/i18n';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

const id = tFor('id');
const en = tFor('en');
let h: Harness;
let next = 640_000;
const person = (languageCode = 'id') => conversation(h, { id: next++, firstName: 'Tari', languageCode });

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [programme('las-sby', { title: { id: 'Pelatihan Las Surabaya' } })]);
});
afterAll(() => h?.close());

describe('tone', () => {
  it.each(['😭😭😭🙏', '😭🙏🏻', '🥺🙏', 'hiks hiks', 'T_T', ':((', 'huhuhu'])(
    'answers tears (%s) with empathy and a person first, never thanks',
    async (tears) => {
      const p = person();
      await p.say('/start');
      const reply = await p.say(tears);
      expect(reply.text).toBe(id('knowledge:tone.distress'));
      expect(reply.text).not.toContain(id('knowledge:tone.thanks').split(' ')[0]!);
      expect(reply.buttons.map((b) => b.text)).toEqual([id('nav.human'), id('nav.menu')]);
    },
  );

  it('hears sadness that asks for nothing concrete instead of searching its words', async () => {
    const p = person();
    await p.say('/start');
    const reply = await p.say('capek nyari kerja ga dapet2');
    expect(reply.text).toBe(id('knowledge:tone.distress'));
    expect(reply.buttons[0]?.text).toBe(id('nav.human'));
  });

  it('hears being turned down everywhere under the menu, not a tap on "Lamaran saya"', async () => {
    const p = person();
    await p.say('/start');
    const reply = await p.say('aku capek bgt kak, udah daftar kemana2 ga ada yg nerima 😭');
    expect(reply.text).toBe(id('knowledge:tone.distress'));
  });

  it('still searches when a sad message names what to look for', async () => {
    const p = person();
    await p.say('/start');
    await p.say('aku stres, pelatihan las di surabaya ada?');
    const texts = p.texts();
    expect(texts.at(-2)).toBe(id('knowledge:tone.prefix.distress'));
    expect(texts.at(-1)).toContain('Pelatihan Las Surabaya');
  });

  it('answers feelings written in English in English, on a phone set to Indonesian', async () => {
    const p = person('id');
    await p.say('/start');
    const cases: Array<[string, string]> = [
      ["I'm so sad, nobody wants to hire me", 'knowledge:tone.distress'],
      ["you're stupid", 'knowledge:tone.insult'],
      ['this bot is useless', 'knowledge:tone.frustration'],
      ['thank you so much', 'knowledge:tone.thanks'],
    ];
    for (const [text, key] of cases) {
      const reply = await p.say(text);
      expect(reply.text, text).toBe(en(key));
      expect(
        reply.buttons.map((b) => b.text),
        text,
      ).toContain(en('nav.human'));
    }
  });

  it('answers a feeling in the middle of a form in one line, asks again, and goes on', async () => {
    const p = person();
    await p.say('/start p_las-sby');
    await p.press(/Cek kelayakan/);
    let reply = p.last();
    if (reply.buttons.some((b) => b.text === id('profile:consent.agree')))
      reply = await p.press(id('profile:consent.agree'));
    const question = reply.text;
    expect(question).toContain(id('profile:ask.birthDate'));

    await p.say('😭😭');
    expect(p.texts().at(-2)).toBe(`${id('knowledge:tone.prefix.distress')}\n${id('form.feltThenAsk')}`);
    expect(p.last().text).toBe(question);

    await p.say('bot goblok');
    expect(p.texts().at(-2)).toBe(`${id('knowledge:tone.prefix.insult')}\n${id('form.feltThenAsk')}`);
    expect(p.last().text).toBe(question);

    await p.say('pengen mati aja');
    expect(p.texts().at(-2)).toBe(id('knowledge:tone.prefix.crisis'));
    expect(p.texts().at(-2)).toContain('112');

    const after = await p.say('17-08-2003');
    expect(after.text).not.toBe(question);
  });

  it('answers an apology kindly and a salam in kind', async () => {
    const p = person();
    await p.say('/start');
    const sorry = await p.say('sori ya kak nanya mulu 😅');
    expect(sorry.text).toBe(id('knowledge:tone.apology'));
    const salam = await p.say('assalamualaikum kak');
    expect(salam.text.startsWith(id('smalltalk.salam'))).toBe(true);
    const first = person();
    await first.say('Assalamualaikum');
    expect(first.texts()[0]!.startsWith(id('smalltalk.salam'))).toBe(true);
  });
});
