/**
 * A question typed while a result list is on screen ("ada asrama?") is answered for the listed
 * programmes, each answer numbered as in the list (the buttons under it open them by that number), and
 * "not stated, ask a person" is said once under all of them, not repeated under each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tFor } from '../../src/i18n';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [
    programme('las-sby', {
      title: { id: 'Pelatihan Las Dasar Surabaya', en: 'Basic welding course Surabaya' },
      location: { province: '35', regency: '35.78', mode: 'luring' },
    }),
    programme('las-sda', {
      title: { id: 'Pelatihan Las Pipa Sidoarjo', en: 'Pipe welding course Sidoarjo' },
      location: { province: '35', regency: '35.15', mode: 'luring' },
    }),
  ]);
});
afterAll(async () => {
  await h.close();
});

const count = (text: string, part: string) => text.split(part).length - 1;

describe('a question about the programmes on a list', () => {
  it('numbers each answer as in the list and says "not stated" once', async () => {
    const c = conversation(h, { id: 93_001, firstName: 'Dewi' });
    const list = await c.say('pelatihan las di jawa timur');
    expect(list.text).toContain('Pelatihan Las Dasar Surabaya');
    expect(list.text).toContain('Pelatihan Las Pipa Sidoarjo');
    const reply = await c.say('ada asrama ga kak?');
    expect(reply.text).toMatch(/^1\. Soal Pelatihan Las/m);
    expect(reply.text).toMatch(/^2\. Soal Pelatihan Las/m);
    // Neither record says whether there is a dormitory: the offer of a person comes once.
    expect(count(reply.text, tFor('id')('discovery:answer.notSaidSome'))).toBe(1);
    expect(reply.buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['1', '2']));
  });

  it('in English too', async () => {
    const c = conversation(h, { id: 93_002, firstName: 'Tom', languageCode: 'en' });
    await c.say('welding course in east java');
    const reply = await c.say('is there a dorm?');
    expect(reply.text).toMatch(/^1\. About /m);
    expect(reply.text).toMatch(/^2\. About /m);
    expect(count(reply.text, tFor('en')('discovery:answer.notSaidSome'))).toBe(1);
  });
});
