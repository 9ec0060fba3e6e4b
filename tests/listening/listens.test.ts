/**
 * Issue #14, points 2–4, through the Telegram webhook as a person would: questions answered from the
 * programmes' rules without a consent wall; consent in two lines with the full notice a tap away, and
 * the question still answered after a refusal; facts said once used at once, kept with consent and never
 * asked again; corrections in words in the profile questions, the form, its review and after a refusal;
 * numbers as people write them; optional questions skipped in their words; questions asked in passing
 * inside a form answered without losing the form.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consents, profiles } from '../../src/db/schema';
import { tFor } from '../../src/i18n';
import { applicant, bornAgo, JPEG, nikFor, tempUploads, userIdOf } from '../applications/helpers';
import { loadCatalogue, overseas, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';

const t = tFor('id');
let h: Harness;
let next = 31_400_000;
const person = (firstName = 'Sari') => applicant(h, { id: next++, firstName });

const HEIGHT = {
  id: 'tinggi_cm',
  ask: { id: 'Berapa tinggi badanmu (cm)?' },
  type: 'number',
  require: { min: 160 },
  explain: { id: 'Tinggi minimal 160 cm.' },
};

beforeAll(async () => {
  h = await startHarness({ UPLOADS_DIR: tempUploads() });
  await loadCatalogue(h.runtime.db, [
    overseas('jp-pabrik', 'JP', {
      title: { id: 'Magang Pabrik Jepang' },
      eligibility: { age: { min: 18, max: 27 }, education: { min: 'SMA' }, questions: [HEIGHT] },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    }),
    programme('hotel-mks', {
      title: { id: 'Magang Hotel Makassar' },
      field: 'perhotelan',
      eligibility: {
        age: { min: 18, max: 35 },
        questions: [
          {
            id: 'email_lain',
            ask: {
              id: 'Alamat email? Boleh dilewati kalau tidak punya.',
              en: 'Email address? You may skip it.',
            },
            type: 'text',
            require: false,
          },
        ],
      },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    }),
    programme('las-sby', {
      title: { id: 'Pelatihan Las Surabaya' },
      field: 'las',
      eligibility: { age: { min: 18, max: 35 }, education: { min: 'SMP' } },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    }),
  ]);
});
afterAll(async () => {
  await h?.close();
});

const all = (texts: string[]) => texts.join('\n---\n');

async function storedProfile(id: number) {
  const userId = await userIdOf(h, id);
  const [row] = await h.runtime.db.select().from(profiles).where(eq(profiles.userId, userId));
  return row?.data;
}

async function consentRows(id: number) {
  const userId = await userIdOf(h, id);
  return h.runtime.db.select().from(consents).where(eq(consents.userId, userId));
}

describe('consent only when something is kept (issue #14.2)', () => {
  it('answers "syaratnya apa" and "umur 30 bisa?" from the programmes\' rules, asking and keeping nothing', async () => {
    const p = person();
    await p.say('mau magang ke jepang syaratnya apa aja');
    let shown = all(p.texts());
    expect(shown).toContain(t('discovery:requirementsOf'));
    expect(shown).toContain('Usia 18–27 tahun');
    expect(shown).toContain('Tinggi minimal 160 cm');
    expect(shown).not.toContain('Apakah kamu setuju');

    const q = person();
    await q.say('umur 30 bisa ikut magang jepang?');
    shown = all(q.texts());
    // Ruled out by the age said: answered by what and where it is, not listed by its title.
    expect(shown).toContain('Magang luar negeri · Jepang');
    expect(shown).not.toContain('Magang Pabrik Jepang');
    expect(shown).toMatch(/tidak bisa\. Usia 18–27 tahun.*30 tahun/);

    const r = person();
    await r.say('pelatihan las surabaya');
    const reply = await r.say('lulusan smp bisa ikut?');
    expect(reply.text).toMatch(/✅ Bisa\. Pendidikan minimal SMP/);
    expect(all(r.texts())).not.toContain('Apakah kamu setuju');
    for (const x of [p, q, r]) expect(await consentRows(x.person.id)).toEqual([]);
  });

  it('asks consent in two lines with the full notice a tap away, and still answers after a refusal', async () => {
    const p = person();
    await p.say('/start p_jp-pabrik');
    let reply = await p.press('✅ Cek kelayakan');
    expect(reply.text).toBe(t('profile:consent.short'));
    expect(reply.text.split('\n')).toHaveLength(2);
    reply = await p.press(t('profile:consent.more'));
    expect(all(p.texts().slice(-2))).toContain('UU No. 27/2022');
    // The question that was on their mind is answered, and nothing is lost: consent is asked again.
    reply = await p.say('syaratnya apa aja dulu?');
    expect(all(p.texts().slice(-2))).toContain('Tinggi minimal 160 cm');
    expect(reply.buttons.map((b) => b.text)).toContain(t('profile:consent.agree'));
    // "ga usah deh" is a no: nothing kept, and what they wanted to know is still answered.
    await p.say('ga usah deh, kasih tau syaratnya aja');
    const after = all(p.texts().slice(-2));
    expect(after).toContain(t('profile:consent.declinedResume'));
    expect(after).toContain('Usia 18–27 tahun');
    expect((await consentRows(p.person.id)).map((c) => c.granted)).toEqual([false]);
    expect(await storedProfile(p.person.id)).toBeUndefined();
  });
});

describe('what was said is kept (issue #14.3)', () => {
  it('uses "umur 23, lulusan sma" at once, offers to keep it, and then does not ask it again', async () => {
    const p = person();
    let reply = await p.say('aku lulusan sma umur 23, ada magang jepang?');
    expect(reply.text).toContain('Magang Pabrik Jepang');
    expect(reply.text).toContain(t('discovery:keep.ask', { facts: 'sekitar 23 tahun, SMA/SMK/MA' }));
    reply = await p.press(t('discovery:keep.yes'));
    const profile = await storedProfile(p.person.id);
    expect(profile?.education?.level).toBe('SMA');
    expect(profile?.birthDateApproximate).toBe(true);
    // Matching asks only what is still unknown.
    expect(reply.text).not.toContain('tanggal lahirmu');
    expect(reply.text).not.toContain('pendidikan terakhir');
  });

  it('remembers "aku 24 thn" said in a greeting when the profile questions come', async () => {
    const p = person();
    await p.say('halo kak, aku 24 thn');
    await p.say('/start p_las-sby');
    await p.press('✅ Cek kelayakan');
    const reply = await p.press(t('profile:consent.agree'));
    expect(reply.text).not.toContain('tanggal lahirmu');
    const profile = await storedProfile(p.person.id);
    expect(profile?.birthDate).toBeDefined();
  });

  it('narrows a list on screen with "maksudnya 170 cm bukan 17" and "eh bukan, umurku 29", said back', async () => {
    const p = person();
    await p.say('magang jepang');
    await p.say('lah salah itu maksudnya 170 cm bukan 17');
    let shown = all(p.texts().slice(-3));
    expect(shown).toContain(t('discovery:factsUsed', { facts: 'tinggi 170 cm' }));
    expect(shown).toContain('✅ Bisa. Tinggi minimal 160 cm');
    await p.say('eh bukan, umurku 29');
    shown = all(p.texts().slice(-2));
    expect(shown).toContain(
      t('discovery:factsUsed', { facts: t('profile:value.approximateAge', { age: 29 }) }),
    );
    expect(shown).not.toContain('1. Magang Pabrik Jepang');
  });
});

describe('corrections in words, anywhere (issue #14.4)', () => {
  it('changes the last answer or the named one in the profile questions, then goes on', async () => {
    const p = person();
    await p.say('/start p_las-sby');
    await p.press('✅ Cek kelayakan');
    await p.press(t('profile:consent.agree'));
    await p.say(bornAgo(20).text);
    let reply = await p.say('eh bukan, umurku 24');
    expect(all(p.texts().slice(-2))).toContain(t('profile:value.approximateAge', { age: 24 }));
    expect(reply.text).not.toContain('tanggal lahirmu');
    const waiting = reply.text;
    reply = await p.say('tadi salah ketik');
    expect(reply.text).toContain('tanggal lahirmu');
    reply = await p.say('umur 25');
    expect(reply.text).toBe(waiting);
  });

  it('takes "170an" for a height, and after a refusal "salah, maksudnya 170" changes it and checks again', async () => {
    const p = person();
    await p.say('/start p_jp-pabrik');
    await p.press('✅ Cek kelayakan');
    await p.press(t('profile:consent.agree'));
    let reply = p.last();
    for (let i = 0; i < 8 && !reply.text.includes('tinggi badanmu'); i++) {
      const q = reply.text;
      if (q.includes('tanggal lahir')) reply = await p.say(bornAgo(22).text);
      else if (q.includes('jenis kelamin')) reply = await p.say('cewek');
      else if (q.includes('kabupaten/kota')) reply = await p.say('surabaya');
      else if (q.includes('pendidikan')) reply = await p.say('sma');
      else reply = await p.say('tidak bekerja');
    }
    reply = await p.say('17');
    expect(reply.text).toContain('belum memenuhi syarat');
    expect(reply.text).toContain('tinggimu 17 cm');
    reply = await p.say('salah, maksudnya 170');
    expect(all(p.texts().slice(-2))).toContain(t('eligibility:flow.corrected'));
    expect(reply.text).toContain('tinggimu 170 cm');
    expect(reply.text).not.toContain('belum memenuhi syarat');
    expect((await storedProfile(p.person.id))?.answers?.tinggi_cm).toBe(170);

    const q = person();
    await q.say('/start p_jp-pabrik');
    await q.press('✅ Cek kelayakan');
    await q.press(t('profile:consent.agree'));
    reply = q.last();
    for (let i = 0; i < 8 && !reply.text.includes('tinggi badanmu'); i++) {
      const text = reply.text;
      if (text.includes('tanggal lahir')) reply = await q.say('umur 22');
      else if (text.includes('jenis kelamin')) reply = await q.say('cowok');
      else if (text.includes('kabupaten/kota')) reply = await q.say('bekasi');
      else if (text.includes('pendidikan')) reply = await q.say('smk');
      else reply = await q.say('tidak bekerja');
    }
    reply = await q.say('170an');
    expect((await storedProfile(q.person.id))?.answers?.tinggi_cm).toBe(170);
  });

  it('in the form: answers a question in passing, skips the email with "gk punya", and "ganti nomor hp" at the review', async () => {
    const p = person('Rina');
    await p.say('/start p_las-sby');
    await p.press('📝 Daftar');
    let reply = p.last();
    for (let i = 0; i < 12 && !reply.text.includes('nama lengkap'); i++) {
      const q = reply.text;
      if (q.includes('Apakah kamu setuju')) reply = await p.press(t('profile:consent.agree'));
      else if (q.includes('tanggal lahir')) reply = await p.say(bornAgo(21).text);
      else if (q.includes('jenis kelamin')) reply = await p.say('perempuan');
      else if (q.includes('kabupaten/kota')) reply = await p.say('surabaya');
      else if (q.includes('pendidikan terakhir')) reply = await p.say('sma');
      else if (q.includes('Tahun berapa')) reply = await p.say('2022');
      else reply = await p.say('tidak bekerja');
    }
    const askName = reply.text;
    // A question in passing: answered from the programme's record, the form stays where it was.
    reply = await p.say('bentar, ini gratis kan?');
    expect(all(p.texts().slice(-2))).toContain('Gratis');
    expect(reply.text).toBe(askName);
    await p.say('Rina Wulandari');
    await p.say(nikFor(bornAgo(21).date, true));
    await p.say('081234567890');
    reply = await p.say('gk punya');
    expect(reply.text).toContain('Alamat');
    await p.say('Jl. Mawar No. 1 RT 01/RW 02, Surabaya');
    await p.say('IPA');
    reply = await p.photo(JPEG);
    reply = p.last();
    expect(reply.text).toContain('Periksa lagi');
    reply = await p.say('ganti nomor hp');
    expect(reply.text).toContain('Nomor HP');
    reply = await p.say('081298765432');
    expect(reply.text).toContain('Periksa lagi');
    expect(reply.text).toContain('812 9876 5432');
    // "ubah profil" from the review: the profile screen.
    reply = await p.say('ubah profil');
    expect(reply.text).toContain('Profil saya');
  });

  it('"ubah profil" with nothing on screen opens the profile; "berhenti dulu" in a form pauses it', async () => {
    const p = person();
    const reply = await p.say('ubah profil');
    expect(reply.text).toMatch(/Profil/);
    const q = person();
    await q.say('/start p_las-sby');
    await q.press('✅ Cek kelayakan');
    await q.press(t('profile:consent.agree'));
    await q.say('berhenti dulu, nanti lanjut lagi ya');
    expect(all(q.texts().slice(-2))).toContain(t('form.paused'));
  });
});

describe('facts said alone or in passing, and free-text questions (issue #14, session 7)', () => {
  it('says back "tinggiku 17", then "lah salah itu maksudnya 170 cm bukan 17", and an English age corrected', async () => {
    const p = person();
    await p.say('tinggiku 17');
    const before = p.texts().length;
    await p.say('lah salah itu maksudnya 170 cm bukan 17');
    let shown = all(p.texts().slice(before));
    expect(shown).toContain(t('discovery:factsUsed', { facts: 'tinggi 170 cm' }));
    expect(shown).not.toMatch(/\b17 cm/);

    const q = person();
    await q.say("I'm 27");
    await q.say("wait no, I'm 25, sorry");
    shown = all(q.texts().slice(-2));
    expect(shown).toContain(tFor('en')('discovery:factsUsed', { facts: 'about 25 years old' }));
  });

  it('keeps a fact said at another question of the form, names the application after consent, and never asks it again', async () => {
    const p = person();
    await p.say('/start p_jp-pabrik');
    await p.press('📝 Daftar');
    let reply = await p.press(t('profile:consent.agree'));
    expect(all(p.texts().slice(-3))).toContain(
      t('profile:consent.thanksFor', { title: 'Magang Pabrik Jepang · Jepang' }),
    );
    expect(reply.text).toContain('tanggal lahirmu');
    reply = await p.say('tinggi 170an');
    expect(all(p.texts().slice(-2))).toContain('tinggi 170 cm');
    expect(reply.text).toContain('tanggal lahirmu');
    expect((await storedProfile(p.person.id))?.answers?.tinggi_cm).toBe(170);
    // "btw aku udah 24 tahun dan lulusan sma": the waiting question answered in passing, with another.
    reply = await p.say('btw aku udah 24 tahun dan lulusan sma ya kak');
    expect(reply.text).not.toContain('tanggal lahirmu');
    for (let i = 0; i < 6 && !reply.text.includes('Perempuan'); i++) reply = await p.say('surabaya');
    const asked = all(p.texts());
    expect(asked).not.toContain('Berapa tinggi badanmu');
    expect(asked).not.toContain('pendidikan terakhirmu?');
  });

  it('asks an optional free-text question with a skip, takes "gk punya", and the programme stays open to them', async () => {
    const p = person();
    await p.say('/start p_hotel-mks');
    await p.press('✅ Cek kelayakan');
    let reply = await p.press(t('profile:consent.agree'));
    for (let i = 0; i < 8 && !reply.text.includes('Alamat email?'); i++) {
      const q = reply.text;
      if (q.includes('tanggal lahir')) reply = await p.say('umur 22');
      else if (q.includes('jenis kelamin')) reply = await p.say('cewek');
      else if (q.includes('kabupaten/kota')) reply = await p.say('makassar');
      else if (q.includes('pendidikan')) reply = await p.say('sma');
      else reply = await p.say('tidak bekerja');
    }
    expect(reply.text).toContain('Alamat email?');
    expect(reply.buttons.map((b) => b.text)).toContain(t('profile:flow.skip'));
    reply = await p.say('gk punya');
    expect(all(p.texts().slice(-3))).toContain(t('profile:flow.skipped'));
    expect((await storedProfile(p.person.id))?.answers?.email_lain).toBe('');
    expect(all(p.texts().slice(-3))).not.toContain('belum memenuhi syarat');
  });
});
