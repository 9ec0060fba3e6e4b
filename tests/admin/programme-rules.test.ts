import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmes } from '../../src/db/schema';
import { type AdminClient, createStaff, loggedInClient } from '../helpers/admin';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

/*
 * Issue #20, point 7: everything the catalogue format says about who may apply, what to bring, what
 * one gets and disability inclusion is on the programme page — the imported values shown, changes
 * checked by the catalogue schema (the import's own messages) and used by the bot at once.
 */

const KOPRI = 'kopri-pb-pmii';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [
    programme('jahit-aturan', {
      title: { id: 'Pelatihan Menjahit Berpersyaratan' },
      field: 'menjahit',
      benefits: ['asrama'],
      inclusion: { disability_friendly: true, accommodations: { id: 'Ruang kelas di lantai dasar' } },
      eligibility: {
        age: { min: 18, max: 35 },
        education: { min: 'SMP' },
        gender: 'perempuan',
        domicile: ['35'],
        questions: [{ id: 'punya_mesin', ask: { id: 'Punya mesin jahit di rumah?' }, type: 'yes_no' }],
      },
      application: { mode: 'in_chat', documents: ['ktp', 'ijazah'], organisation: KOPRI },
    }),
  ]);
  await createStaff(h.database.db, { organisation: KOPRI, email: 'sari@kopri.or.id', name: 'Sari' });
});
afterAll(() => h.close());

/** The form as a browser would send it: every field, ticked boxes only (several as a `;` list). */
function formOf(client: AdminClient): Record<string, string> {
  const html = client.lastHtml;
  const values: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    if (!name || name === '_csrf') continue;
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
    if (/type="checkbox"/.test(m[0])) {
      if (/\schecked/.test(m[0])) values[name] = values[name] ? `${values[name]}; ${value}` : value;
    } else values[name] = value;
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
    values[m[1]!] = m[2]!.replaceAll('&quot;', '"');
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
    values[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
  return values;
}

const record = async () =>
  (await h.runtime.db.select().from(programmes).where(eq(programmes.slug, 'jahit-aturan')))[0]!.record;

describe('programme rules on the dashboard', () => {
  it('shows the imported rules, documents, benefits and inclusion on the edit page', async () => {
    const client = await loggedInClient(h.runtime.app, 'sari@kopri.or.id');
    expect((await client.get('/admin/programmes/jahit-aturan')).status).toBe(200);
    const values = formOf(client);
    expect(values).toMatchObject({
      eligibility_age_min: '18',
      eligibility_age_max: '35',
      eligibility_education_min: 'SMP',
      eligibility_gender: 'perempuan',
      eligibility_domicile: '35',
      application_documents: 'ktp; ijazah',
      benefits: 'asrama',
      inclusion_disability_friendly: 'true',
      inclusion_accommodations_id: 'Ruang kelas di lantai dasar',
    });
    expect(JSON.parse(values.eligibility_questions!)).toEqual([
      { id: 'punya_mesin', ask: { id: 'Punya mesin jahit di rumah?' }, type: 'yes_no' },
    ]);
    expect(client.lastHtml).toContain('Syarat pendaftar');
    expect(client.lastHtml).toContain('Perempuan saja');
    // Saving the form untouched changes nothing.
    const same = await client.post('/admin/programmes/jahit-aturan', values);
    expect(same.headers.get('location')).toContain('flash.unchanged');
  });

  it('checks changes with the catalogue’s own messages, per field, and keeps what was typed', async () => {
    const client = await loggedInClient(h.runtime.app, 'sari@kopri.or.id');
    await client.get('/admin/programmes/jahit-aturan');
    const res = await client.post('/admin/programmes/jahit-aturan', {
      ...formOf(client),
      eligibility_age_min: '40',
      inclusion_accommodations_id: '',
      eligibility_questions: '[{"id": "punya mesin", "type": "yes_no"',
    });
    expect(res.status).toBe(422);
    const html = client.lastHtml;
    expect(html).toMatch(
      /id="f-eligibility_age_min-error">[^<]*batas minimal \(40\) lebih besar dari batas maksimal \(35\)/,
    );
    expect(html).toContain('id="f-inclusion_accommodations_id-error"');
    expect(html).toContain('id="f-eligibility_questions-error"');
    expect(html).toContain('value="40"');
    expect((await record()).eligibility?.age).toEqual({ min: 18, max: 35 });
  });

  it('saves rules made on the page, and the bot’s card uses them at once', async () => {
    const client = await loggedInClient(h.runtime.app, 'sari@kopri.or.id');
    await client.get('/admin/programmes/jahit-aturan');
    const res = await client.post('/admin/programmes/jahit-aturan', {
      ...formOf(client),
      eligibility_age_min: '17',
      eligibility_age_max: '30',
      eligibility_gender: '',
      eligibility_status: 'tidak_bekerja; lulusan_baru',
      application_documents: 'ktp; kk',
      benefits: 'asrama; makan; uang_saku',
      inclusion_disability_friendly: '',
      inclusion_accommodations_id: '',
    });
    expect(res.status).toBe(303);
    const saved = await record();
    expect(saved.eligibility).toMatchObject({
      age: { min: 17, max: 30 },
      education: { min: 'SMP' },
      domicile: ['35'],
      status: ['tidak_bekerja', 'lulusan_baru'],
    });
    expect(saved.eligibility?.gender).toBeUndefined();
    expect(saved.application.documents).toEqual(['ktp', 'kk']);
    expect(saved.benefits).toEqual(['asrama', 'makan', 'uang_saku']);
    expect(saved.inclusion).toBeUndefined();
    // The card in the chat shows the new benefits.
    const person = { id: 91_001, firstName: 'Rina' };
    await h.post(textUpdate(person, '/start p_jahit-aturan'));
    expect(h.api.texts(person.id).join('\n')).toContain('🎁 Asrama, Makan, Uang saku');
  });
});
