/**
 * Questions get answers and feelings get a fitting reply (issue #14), through the real Telegram webhook:
 * the fraud question the issue quotes, tears, insults, thanks, laughter; a question nothing answers is said
 * honestly, offers a person and is collected without the person; a question on a programme's card is still
 * answered from that programme's record.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unansweredQuestions } from '../../src/db/schema';
import { tFor } from '../../src/i18n';
import { globalEntries } from '../../src/knowledge/entries';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

const t = tFor('id');
const DESK = 'jembatan-desk';
let h: Harness;
let next = 140_000;
const person = () => conversation(h, { id: next++, firstName: 'Sari' });
const question = (key: string) => globalEntries().find((e) => e.key === key)!.question.id;

beforeAll(async () => {
  h = await startHarness({ DEFAULT_ORGANISATION: DESK });
  await loadCatalogue(h.runtime.db, [
    programme('las-sby', {
      title: { id: 'Pelatihan Las Surabaya' },
      costs: { fee_idr: 0, stipend_idr: 900_000, stipend_period: 'bulan' },
      benefits: ['uang_saku', 'asrama'],
    }),
    programme('jahit-jogja-inklusif', {
      title: { id: 'Pelatihan Menjahit Inklusif Yogyakarta' },
      field: 'menjahit',
      location: { province: '34', regency: '34.71', mode: 'luring' },
      inclusion: { disability_friendly: true, accommodations: { id: 'Juru bahasa isyarat di kelas.' } },
    }),
    programme('las-jogja', {
      title: { id: 'Pelatihan Las Yogyakarta' },
      field: 'las',
      location: { province: '34', regency: '34.71', mode: 'luring' },
    }),
    programme('jahit-sby-inklusif', {
      title: { id: 'Pelatihan Menjahit Inklusif Surabaya' },
      field: 'menjahit',
      inclusion: { disability_friendly: true, accommodations: { id: 'Juru bahasa isyarat di kelas.' } },
    }),
  ]);
});
afterAll(() => h?.close());

describe('questions get answers', () => {
  it('answers a worry said after a search in the same message, and still lists the programmes', async () => {
    const p = person();
    await p.say('/start');
    const before = p.texts().length;
    await p.say('pelatihan las di surabaya tapi ortu aku ga ngizinin ke luar kota');
    const shown = p.texts().slice(before).join('\n');
    expect(shown).toContain(question('parents-worried'));
    expect(shown).toContain('Pelatihan Las Surabaya');
    // A "tapi" that narrows the search is no worry.
    const q = person();
    await q.say('/start');
    const from = q.texts().length;
    await q.say('pelatihan las di surabaya tapi yang gratis ya');
    expect(q.texts().slice(from).join('\n')).not.toContain('❓');
  });

  it('takes a place said after an answer as narrowing its related search ("di jogja" after the disability answer)', async () => {
    const p = person();
    await p.say('/start');
    const answer = await p.say('kak aku tuna rungu, bisa ikut pelatihan ga?');
    expect(answer.text).toContain(question('disability'));
    const reply = await p.say('di jogja');
    expect(reply.text).toContain('Pelatihan Menjahit Inklusif Yogyakarta');
    expect(reply.text).not.toContain('Pelatihan Las Yogyakarta');
    expect(reply.text).not.toContain('Pelatihan Menjahit Inklusif Surabaya');
  });

  it('answers the fraud question of the issue with licences and scam signs, not a programme search', async () => {
    const p = person();
    await p.say('/start');
    const reply = await p.say('ini aman ga kak? bukan penipuan kan? soalnya temen aku pernah ketipu lpk');
    expect(reply.text).toContain(question('scam-signs'));
    expect(reply.text).toContain('Sumber:');
    expect(reply.text).toContain('Dicek:');
    expect(reply.text).not.toContain(t('discovery:empty', { query: '' }).slice(0, 12));
    const labels = reply.buttons.map((b) => b.text);
    expect(labels).toContain(t('nav.human'));
    expect(labels).toContain(t('nav.menu'));
    // The licence check is one tap away.
    expect(reply.text).toContain(t('knowledge:answer.related', { question: question('lpk-licence') }));
    const licence = await p.press(t('knowledge:answer.relatedButton'));
    expect(licence.text).toContain(question('lpk-licence'));
    expect(licence.text).toContain('kelembagaan.kemnaker.go.id');
  });

  it('answers as a first message too, after the greeting', async () => {
    const p = person();
    const reply = await p.say('eps topik itu apa');
    expect(reply.text).toContain(question('eps-topik'));
    expect(p.texts().length).toBe(2);
  });

  it('answers in English for an English speaker', async () => {
    const p = conversation(h, { id: next++, firstName: 'Jo', languageCode: 'en' });
    await p.say('/start');
    const reply = await p.say('how do I get a passport?');
    expect(reply.text).toContain(globalEntries().find((e) => e.key === 'passport')!.question.en!);
    expect(reply.text).toContain('Source:');
  });

  it('keeps searching for programmes when programmes are asked for', async () => {
    const p = person();
    await p.say('/start');
    const reply = await p.say('pelatihan las di sby');
    expect(reply.text).not.toContain('Sumber:');
    expect(reply.text).toContain('Pelatihan Las Surabaya');
  });

  it('answers a question about the programme on screen from its record first', async () => {
    const p = person();
    await p.say('/start');
    await p.say('pelatihan las di sby');
    await p.press('1');
    const reply = await p.say('uang sakunya berapa?');
    expect(reply.text).toContain('900.000');
    expect(reply.text).not.toContain('Sumber:');
  });

  it('says honestly when nothing answers, offers a person and collects the question without the person', async () => {
    const p = person();
    await p.say('/start');
    const reply = await p.say('apakah boleh bawa kucing ke asrama pelatihan? aku 3578012345670001');
    expect(reply.text).toBe(t('knowledge:unanswered.reply'));
    expect(reply.buttons.map((b) => b.text)).toEqual([t('nav.human'), t('nav.menu')]);
    const rows = await h.runtime.db
      .select()
      .from(unansweredQuestions)
      .where(eq(unansweredQuestions.organisation, DESK));
    const row = rows.find((r) => r.example.includes('kucing'))!;
    expect(row.example).toContain('[NIK]');
    expect(row.example).not.toContain('3578012345670001');
    expect(row.normalized).not.toMatch(/\d{16}/);
    expect(Object.keys(row)).not.toContain('userId');
    // Asked again in other words of the same shape: one row, counted twice.
    await person().say('Apakah boleh bawa kucing ke asrama pelatihan?? aku 3578012345670002');
    const again = await h.runtime.db
      .select()
      .from(unansweredQuestions)
      .where(eq(unansweredQuestions.id, row.id));
    expect(again[0]!.count).toBe(2);
    // The offered person is one tap away.
    const handoff = await p.press(t('nav.human'));
    expect(handoff.buttons.map((b) => b.text)).toContain(t('handoff.cancel'));
  });
});

describe('tone', () => {
  it('answers tears with empathy and a person, never "Sama-sama"', async () => {
    const p = person();
    await p.say('/start');
    const reply = await p.say('😭😭😭🙏');
    expect(reply.text).toBe(t('knowledge:tone.distress'));
    expect(reply.text).not.toContain('Sama-sama');
    expect(reply.buttons.map((b) => b.text)).toEqual([t('nav.human'), t('nav.menu')]);
  });

  it('answers an insult calmly, with help', async () => {
    const p = person();
    await p.say('/start');
    const reply = await p.say('bot goblok');
    expect(reply.text).toBe(t('knowledge:tone.insult'));
    expect(reply.text).not.toContain('Halo');
    expect(reply.buttons.map((b) => b.text)).toContain(t('nav.human'));
  });

  it('answers thanks, laughter, frustration and a greeting each in its own way, with the menu', async () => {
    const p = person();
    await p.say('/start');
    const cases: Array<[string, string]> = [
      ['makasih banyak kak 🙏', 'knowledge:tone.thanks'],
      ['wkwkwk', 'knowledge:tone.laughter'],
      ['😂😂', 'knowledge:tone.laughter'],
      ['kesel bgt', 'knowledge:tone.frustration'],
      ['😡', 'knowledge:tone.frustration'],
      ['halo kak', 'smalltalk.greeting'],
    ];
    for (const [text, key] of cases) {
      const reply = await p.say(text);
      expect(reply.text, text).toBe(t(key));
      expect(reply.buttons.length, text).toBeGreaterThan(0);
      expect(
        reply.buttons.map((b) => b.text).some((l) => l === t('menu.human') || l === t('nav.human')),
        text,
      ).toBe(true);
    }
  });

  it('points to emergency numbers when someone speaks of ending their life', async () => {
    const p = person();
    await p.say('/start');
    const reply = await p.say('aku capek hidup, pengen mati aja');
    expect(reply.text).toBe(t('knowledge:tone.crisis'));
    expect(reply.text).toContain('112');
  });

  it('acknowledges anger in one line and still does what was asked', async () => {
    const p = person();
    await p.say('/start');
    await p.say('bot bego, pelatihan las di sby dong');
    const texts = p.texts();
    expect(texts.at(-2)).toBe(t('knowledge:tone.prefix.insult'));
    expect(texts.at(-1)).toContain('Pelatihan Las Surabaya');
  });
});
