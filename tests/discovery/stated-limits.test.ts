/**
 * Limits a person states in their first message ("gk punya sim", "sa son bisa berenang", "gak ada tato")
 * answer the programmes' own questions: what they thereby cannot join is not listed, and the reply says
 * why in one line — as a Telegram user sees it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogue, overseas, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

let h: Harness;
let next = 7_300_000;
const person = () => ({ id: next++, firstName: 'Uji' });
const say = (text: string) => conversation(h, person()).say(text);

const yesNo = (id: string, ask: string, require: boolean) => ({
  id,
  ask: { id: ask },
  type: 'yes_no',
  require,
});

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [
    programme('forklift-sim', {
      title: { id: 'Sertifikasi Operator Forklift Sidoarjo' },
      field: 'logistik',
      eligibility: { questions: [yesNo('sim_b1', 'Punya SIM B1?', true)] },
    }),
    programme('forklift-tanpa-sim', {
      title: { id: 'Pelatihan Operator Forklift Surabaya' },
      field: 'logistik',
    }),
    overseas('jp-pabrik-tato', 'JP', {
      title: { id: 'Magang Pabrik Jepang Bebas Tato' },
      eligibility: { questions: [yesNo('tato', 'Apakah kamu memiliki tato yang terlihat?', false)] },
    }),
    overseas('jp-pabrik', 'JP', { title: { id: 'Magang Pabrik Jepang' } }),
  ]);
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

describe('stated limits in a first message', () => {
  it('"gk punya sim" hides what asks for a licence, and says why', async () => {
    const reply = await say('sertifikat operator forklift tapi aku gk punya sim, 25');
    expect(reply.text).toContain('Pelatihan Operator Forklift Surabaya');
    expect(reply.text).not.toContain('Sertifikasi Operator Forklift Sidoarjo');
    expect(reply.text).toContain('harus punya SIM');
  });

  it('a tattoo said with what is wanted is a search, not a worry for the knowledge base', async () => {
    const none = await say('magang pabrik jepang, 20th smk, gk ada tato');
    expect(none.text).toContain('Magang Pabrik Jepang Bebas Tato');
    const one = await say('magang pabrik jepang tapi aku ada tato kecil');
    expect(one.text).toContain('Magang Pabrik Jepang');
    expect(one.text).not.toContain('Magang Pabrik Jepang Bebas Tato');
    expect(one.text).toContain('tidak boleh bertato');
  });

  it('a tattoo said under a list narrows it and is named back (never an empty "what you said")', async () => {
    const p = conversation(h, person());
    await p.say('magang pabrik jepang');
    const before = p.texts().length;
    await p.say('kalo aku punya tato kecil bisa ga');
    const shown = p.texts().slice(before).join('\n');
    expect(shown).toContain('Oke, aku pakai yang kamu bilang: punya tato.');
    expect(shown).not.toMatch(/bilang: \./);
    expect(shown).toContain('Magang Pabrik Jepang');
    expect(shown).not.toContain('1. Magang Pabrik Jepang Bebas Tato');
  });
});
