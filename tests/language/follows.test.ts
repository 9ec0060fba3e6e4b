/**
 * The person's language (issue #14, point 6), through the real Telegram webhook: replies follow the
 * language of the person's messages whatever the phone says; what says nothing (a button, "ok", a
 * place) keeps the conversation's language; a language chosen in the settings stays the default.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities, users } from '../../src/db/schema';
import { tFor } from '../../src/i18n';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

const id = tFor('id');
const en = tFor('en');
let h: Harness;
let next = 610_000;
const person = (languageCode: string) => conversation(h, { id: next++, firstName: 'Dewi', languageCode });

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [
    programme('las-sby', {
      title: { id: 'Pelatihan Las Surabaya', en: 'Welding Training Surabaya' },
      benefits: ['uang_saku', 'asrama'],
      costs: { fee_idr: 0, stipend_idr: 900_000, stipend_period: 'bulan' },
    }),
  ]);
});
afterAll(() => h?.close());

/** The language stored for the person (what notifications use). */
async function localeOf(telegramId: number): Promise<string | undefined> {
  const [row] = await h.runtime.db
    .select({ locale: users.locale })
    .from(users)
    .innerJoin(identities, eq(identities.userId, users.id))
    .where(eq(identities.externalId, String(telegramId)));
  return row?.locale;
}

describe('replies follow the language of the message', () => {
  it('answers an Indonesian message in Indonesian on a phone set to English, and keeps it for buttons', async () => {
    const p = person('en');
    const list = await p.say('pelatihan las di surabaya ada ga kak?');
    expect(list.text).toContain('Pelatihan Las Surabaya');
    expect(list.buttons.map((b) => b.text)).toContain(id('nav.human'));
    const card = await p.press('1');
    expect(card.buttons.map((b) => b.text)).toContain(id('discovery:card.apply'));
    // "ok" says nothing about the language: the conversation stays Indonesian.
    const menu = await p.say('ok');
    expect(menu.text).not.toBe(en('menu.prompt'));
    expect(await localeOf(p.person.id)).toBe('id');
  });

  it('answers an English message in English on a phone set to Indonesian', async () => {
    const p = person('id');
    const list = await p.say('any welding training in surabaya?');
    expect(list.text).toContain('Welding Training Surabaya');
    expect(list.buttons.map((b) => b.text)).toContain(en('nav.human'));
    const card = await p.press('1');
    expect(card.buttons.map((b) => b.text)).toContain(en('discovery:card.apply'));
    expect(await localeOf(p.person.id)).toBe('en');
    // Switching back in the middle of the conversation.
    const again = await p.say('mau tanya dong kak, ada asrama nya ga?');
    expect(again.buttons.map((b) => b.text)).toContain(id('nav.human'));
  });

  it('keeps the language for a message that says nothing about it', async () => {
    const p = person('en');
    await p.say('hello, I need some help please');
    const reply = await p.say('Surabaya');
    expect(reply.buttons.map((b) => b.text)).toContain(en('nav.human'));
  });

  it('keeps the language chosen in the settings as the default, and follows what is written', async () => {
    const p = person('id');
    await p.say('/bahasa');
    const chosen = await p.press(id('language.name.en'));
    expect(chosen.text).toContain(en('language.changed'));
    const indonesian = await p.say('magang jepang ada ga');
    expect(indonesian.buttons.map((b) => b.text)).toContain(id('nav.human'));
    // A button in the same conversation stays Indonesian.
    const menu = await p.press(id('nav.menu'));
    expect(menu.text).toBe(id('menu.prompt'));
    // The choice itself was not overwritten: writing English again gets English.
    expect(await localeOf(p.person.id)).toBe('en');
    const english = await p.say('what can you do?');
    expect(english.buttons.map((b) => b.text).join(' ')).not.toContain(id('nav.human'));
  });

  it('switches when asked in words, and answers the rest of the message in the new language', async () => {
    const p = person('id');
    await p.say('halo');
    await p.say('actually can we talk in english? where can i learn welding in surabaya');
    const texts = p.texts();
    expect(texts.at(-2)).toBe(en('language.changed'));
    expect(texts.at(-1)).toContain('Welding Training Surabaya');
    expect(await localeOf(p.person.id)).toBe('en');
    const asked = await p.say("I don't speak Indonesian well, can you help in English?");
    expect(asked.text).toContain(en('language.changed'));
    const back = await p.say('bisa pakai bahasa indonesia aja kak?');
    expect(back.text).toContain(id('language.changed'));
  });
});
