/**
 * Issue #14, session 8, through the Telegram webhook as a person would: the reply's language follows the
 * words of short messages inside a form (a number with a suffix is no English word), a photo outside a
 * form is acknowledged with where documents go, "lanjutin dong" at the menu goes on with the
 * application left, and a height is said back as a height.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tFor } from '../../src/i18n';
import { applicant, JPEG, tempUploads } from '../applications/helpers';
import { loadCatalogue, overseas, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';

const id = tFor('id');
const en = tFor('en');
let h: Harness;
let next = 31_800_000;
const person = (firstName = 'Dewi') => applicant(h, { id: next++, firstName });
const all = (texts: string[]) => texts.join('\n---\n');

beforeAll(async () => {
  h = await startHarness({ UPLOADS_DIR: tempUploads() });
  await loadCatalogue(h.runtime.db, [
    programme('las-kapal-sby', {
      title: { id: 'Las Kapal Surabaya', en: 'Ship Welding Surabaya' },
      eligibility: {
        age: { min: 18, max: 35 },
        questions: [
          {
            id: 'tinggi_cm',
            ask: { id: 'Berapa tinggi badanmu (cm)?', en: 'How tall are you (cm)?' },
            type: 'number',
            require: { min: 150 },
          },
        ],
      },
    }),
    // Surabaya (35.78): one asks of colour vision, one does not; Japan asks of tattoos.
    programme('listrik-sby', {
      title: { id: 'Instalasi Listrik Surabaya', en: 'Electrical Installation Surabaya' },
      field: 'listrik',
      eligibility: {
        age: { min: 18, max: 35 },
        questions: [
          {
            id: 'buta_warna',
            ask: { id: 'Apakah kamu buta warna?', en: 'Are you colour-blind?' },
            type: 'yes_no',
            require: false,
            explain: { id: 'Program ini mensyaratkan tidak buta warna.', en: 'No colour blindness.' },
          },
        ],
      },
    }),
    programme('boga-sby', {
      title: { id: 'Tata Boga Surabaya', en: 'Cooking Surabaya' },
      field: 'tata_boga',
      costs: { fee_idr: 0, stipend_idr: 750000, stipend_period: 'bulan' },
    }),
    overseas('jp-tato', 'JP', {
      title: { id: 'Magang Pabrik Jepang', en: 'Factory Apprenticeship Japan' },
      eligibility: {
        age: { min: 18, max: 30 },
        questions: [
          {
            id: 'tato',
            ask: { id: 'Apakah kamu memiliki tato?' },
            type: 'yes_no',
            require: false,
            explain: { id: 'Program ini mensyaratkan tidak bertato.' },
          },
        ],
      },
    }),
  ]);
});
afterAll(async () => {
  await h?.close();
});

describe('the language of short messages (issue #14.6)', () => {
  it('keeps Indonesian for "tinggiku 170an" in a form, and answers "no email, sorry" in English', async () => {
    const p = person();
    await p.say('/start p_las-kapal-sby');
    await p.press('📝 Daftar');
    await p.press(id('profile:consent.agree'));
    await p.say('tinggiku 170an');
    const shown = all(p.texts().slice(-2));
    expect(shown).toContain('tinggi 170 cm');
    expect(shown).toContain('tanggal lahir');

    const q = person();
    await q.say('/start p_las-kapal-sby');
    await q.press('📝 Daftar');
    await q.press(id('profile:consent.agree'));
    await q.say('no email, sorry');
    expect(all(q.texts().slice(-2))).toContain('date of birth');
  });

  it('"can you reply in English? my Indonesian isn\'t good" switches to English', async () => {
    const p = person();
    await p.say('halo kak');
    await p.say("sorry, can you reply in English? my Indonesian isn't good");
    expect(all(p.texts().slice(-2))).toContain(en('language.changed'));
  });
});

describe('a photo outside a form (issue #14)', () => {
  it('says it arrived and where documents go, as a first message too', async () => {
    const p = person();
    await p.photo(JPEG);
    expect(all(p.texts())).toContain(id('fallback.file'));
    const q = person();
    await q.say('halo');
    await q.say('kirim foto ijazah bisa lewat sini?');
    await q.photo(JPEG);
    expect(all(q.texts().slice(-2))).toContain(id('fallback.file'));
  });
});

describe('going on with an application left at the menu (issue #14)', () => {
  it('"tadi pendaftaranku gmn? lanjutin dong" is not the "Lamaran saya" button', async () => {
    const p = person();
    await p.say('/start p_las-kapal-sby');
    await p.press('📝 Daftar');
    await p.press(id('profile:consent.agree'));
    await p.say('menu');
    const reply = await p.say('tadi pendaftaranku gmn? lanjutin dong');
    expect(all(p.texts().slice(-3))).toContain('Las Kapal Surabaya');
    expect(reply.text).toContain('tanggal lahir');
    expect(all(p.texts().slice(-3))).not.toContain(id('applications:mine.empty'));
  });
});

describe('a condition said with a programme named (issue #14.7)', () => {
  it('"buta warna parsial … bisa ikut instalasi listrik surabaya?": the rule it fails, then what fits there', async () => {
    const p = person();
    const reply = await p.say(
      'aku tinggal di surabaya, buta warna parsial, 20 thn. bisa ikut instalasi listrik surabaya?',
    );
    const [, why = ''] = reply.text.split(id('eligibility:flow.whyNot'));
    const [reasons, near = ''] = why.split(id('eligibility:flow.nearYou'));
    expect(reasons).toContain('buta warna');
    expect(near).toContain('Tata Boga Surabaya');
    expect(near).not.toContain('Instalasi Listrik Surabaya');
  });

  it('"aku di surabaya, ada tato. bisa magang jepang?": the tattoo rule, and what fits near Surabaya', async () => {
    const p = person();
    const reply = await p.say('aku di surabaya, ada tato di tangan. bisa ikut magang jepang?');
    const [, why = ''] = reply.text.split(id('eligibility:flow.whyNot'));
    const [reasons, near = ''] = why.split(id('eligibility:flow.nearYou'));
    expect(reasons).toContain('tidak bertato');
    expect(near).toContain('Surabaya');
  });

  it('"i\'m colour blind" is no blindness: programmes near them, none that asks of colour vision', async () => {
    const p = person();
    await p.say("i'm in surabaya, i'm colour blind and 20. anything i can do near me?");
    const shown = all(p.texts());
    expect(shown).toContain('Cooking Surabaya');
    expect(shown).not.toContain('Electrical Installation Surabaya');
  });
});

describe('a fact asked of a programme named with "the" (issue #14.1)', () => {
  it('"is there a monthly allowance for the cooking course in surabaya?" is answered above the list', async () => {
    const p = person();
    await p.say('is there a monthly allowance for the cooking course in surabaya?');
    const shown = all(p.texts());
    expect(shown).toMatch(/750[.,]000/);
    expect(shown).toContain('Cooking Surabaya');
  });

  it('"is there a cooking course in surabaya?" still only searches', async () => {
    const p = person();
    await p.say('is there a cooking course in surabaya?');
    expect(all(p.texts())).not.toMatch(/750[.,]000 per/);
  });
});

describe('where they said they live, used for "what is there for me" (issue #14.3)', () => {
  it('"umur 20 di surabaya", then "ada yg bisa aku ikutin ga?": programmes there, not the eligibility menu', async () => {
    const p = person();
    await p.say('umur aku 20, masih nganggur di surabaya');
    await p.say('ada yg bisa aku ikutin ga?');
    const shown = all(p.texts().slice(-2));
    expect(shown).toContain('Tata Boga Surabaya');
    expect(shown).toContain('Surabaya');
  });

  it('"i\'m 23 and live in surabaya", then "what can i do": programmes near them, in English', async () => {
    const p = person();
    await p.say("i'm 23 and i live in surabaya");
    await p.say('what can i do');
    const shown = all(p.texts().slice(-2));
    expect(shown).toContain('Cooking Surabaya');
  });
});

describe('a birth date corrected at the guardian question (issue #14.4)', () => {
  it('"eh tadi salah ketik, lahirnya 12 mei 2002" changes it, and no guardian is asked for an adult', async () => {
    const p = person();
    await p.say('/start p_boga-sby');
    await p.press('📝 Daftar');
    await p.press(id('profile:consent.agree'));
    const asked = await p.say('lahir 12 mei 2010');
    expect(asked.text).toContain(id('profile:guardian.ask'));
    const reply = await p.say('eh tadi salah ketik, lahirnya 12 mei 2002');
    const shown = all(p.texts().slice(-2));
    expect(shown).toContain('2002');
    expect(reply.text).not.toContain(id('profile:guardian.ask'));
  });
});

describe('"too far, anything closer?" (issue #14.7)', () => {
  it('asks for what is near home, whatever the trade of the programme too far', async () => {
    const p = person();
    await p.say('I live in Surabaya, the welding course in Malang is too far. anything closer?');
    const shown = all(p.texts());
    expect(shown).toContain('Cooking Surabaya');
    expect(shown).toContain('Electrical Installation Surabaya');
  });
});
