/**
 * The knowledge base on the dashboard (issue #14): a question the bot could not answer on Telegram shows
 * up in the organisation's list (grouped and counted, without the person); staff answer it there, and the
 * next person who asks gets that answer in the chat. Entries are added, edited, imported (JSON and CSV),
 * scoped to the organisation, read-only for viewers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tFor } from '../../src/i18n';
import { listEntries } from '../../src/knowledge/store';
import { listUnanswered } from '../../src/knowledge/unanswered';
import { type AdminClient, createStaff, loggedInClient } from '../helpers/admin';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

const t = tFor('id');
const DESK = 'lpk-sakura';
const OTHER = 'bpvp-bekasi';
let h: Harness;
let dewi: AdminClient;
let staff: Awaited<ReturnType<typeof createStaff>>;
let next = 150_000;
const person = () => conversation(h, { id: next++, firstName: 'Ayu' });
const QUESTION = 'kalau ikut pelatihan di lpk sakura boleh bawa kucing ga? 081234567890';

beforeAll(async () => {
  h = await startHarness({ DEFAULT_ORGANISATION: DESK });
  staff = await createStaff(h.runtime.db, { organisation: DESK, email: 'dewi@sakura.id', name: 'Dewi' });
  await createStaff(h.runtime.db, { organisation: DESK, email: 'rudi@sakura.id', role: 'viewer' });
  await createStaff(h.runtime.db, { organisation: OTHER, email: 'agus@bekasi.id' });
  dewi = await loggedInClient(h.runtime.app, 'dewi@sakura.id');
});
afterAll(() => h?.close());

describe('unanswered questions reach the dashboard, and answered there, are answered in the chat', () => {
  it('goes from an honest "I do not know" to an answer', async () => {
    const ayu = person();
    await ayu.say('/start');
    expect((await ayu.say(QUESTION)).text).toBe(t('knowledge:unanswered.reply'));
    await person().say(QUESTION.replace('081234567890', '085700001111'));

    const list = await dewi.get('/admin/knowledge');
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('bawa kucing');
    expect(html).toContain('[nomor]');
    expect(html).not.toContain('081234567890');
    expect(html).toContain(t('knowledge:admin.times', { count: 2 }));
    const [row] = await listUnanswered(h.runtime.db, DESK);
    expect(row!.count).toBe(2);

    // Another organisation's staff do not see it.
    const agus = await loggedInClient(h.runtime.app, 'agus@bekasi.id');
    expect(await (await agus.get('/admin/knowledge')).text()).not.toContain('bawa kucing');

    const form = await dewi.get(`/admin/knowledge/new?from=${row!.id}`);
    expect(await form.text()).toContain('bawa kucing');
    const saved = await dewi.post('/admin/knowledge', {
      from: row!.id,
      topic: 'other',
      question_id: 'Boleh bawa kucing ke LPK Sakura?',
      answer_id: 'Maaf, hewan peliharaan tidak boleh dibawa ke asrama LPK Sakura.',
      keywords: row!.normalized,
      source_label: 'Tata tertib LPK Sakura 2026',
      source_url: '',
      checked_on: '2026-12-01',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toContain('flash.answered');
    expect(await listUnanswered(h.runtime.db, DESK)).toHaveLength(0);
    expect(await listUnanswered(h.runtime.db, DESK, 'answered')).toHaveLength(1);

    const reply = await person().say('kalo ikut pelatihan di lpk sakura boleh bawa kucing gak kak?');
    expect(reply.text).toContain('hewan peliharaan tidak boleh');
    expect(reply.text).toContain('Tata tertib LPK Sakura 2026');
  });
});

describe('entries', () => {
  it('refuses an entry without a source, keeping what was typed', async () => {
    await dewi.get('/admin/knowledge/new');
    const res = await dewi.post('/admin/knowledge', {
      topic: 'costs',
      question_id: 'Berapa biaya asrama LPK Sakura?',
      answer_id: 'Rp300.000 sebulan.',
      keywords: 'biaya asrama sakura',
      source_label: '',
      source_url: 'bukan url',
      checked_on: '2026-12-01',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(t('knowledge:admin.problem.source_label'));
    expect(html).toContain(t('knowledge:admin.problem.source_url'));
    expect(html).toContain('Rp300.000 sebulan.');
    // The shared form parts (src/admin/form-parts.tsx): the summary links to the field, whose message is
    // tied to it, the same as on the integrations' forms.
    expect(html).toContain('<a href="#kb-source-url">');
    expect(html).toMatch(
      /id="kb-source-url" aria-invalid="true" aria-describedby="kb-source-url-error" name="source_url"/,
    );
    expect(html).toContain('<p class="bc-field-error" id="kb-source-url-error">');
    expect(html).toMatch(/id="kb-keywords" aria-describedby="kb-keywords-hint" name="keywords"/);
  });

  it('imports JSON and CSV, updating by key, with per-row problems', async () => {
    await dewi.get('/admin/knowledge');
    const json = JSON.stringify([
      {
        key: 'jadwal-sakura',
        topic: 'process',
        question: { id: 'Jam berapa kelas LPK Sakura?', en: 'What time are LPK Sakura classes?' },
        answer: { id: 'Senin–Jumat 08.00–15.00.', en: 'Monday–Friday 08:00–15:00.' },
        keywords: ['jam kelas sakura', 'jadwal kelas sakura'],
        source: { label: 'Jadwal LPK Sakura' },
        checked_on: '2026-12-01',
      },
    ]);
    const form = new FormData();
    form.set('file', new File([json], 'entries.json', { type: 'application/json' }));
    const first = await dewi.postMultipart('/admin/knowledge/import', form);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain(t('knowledge:admin.importDone', { created: 1, updated: 0 }));

    const csv = [
      'key,topic,question_id,question_en,answer_id,answer_en,keywords,source_label,source_url,checked_on,search',
      'jadwal-sakura,process,Jam berapa kelas LPK Sakura?,,Senin–Sabtu 08.00–15.00.,,"jam kelas sakura, jadwal kelas sakura",Jadwal LPK Sakura,,2026-12-05,',
      ',other,Tanpa sumber?,,Jawaban.,,,,,2026-12-05,',
    ].join('\n');
    const form2 = new FormData();
    form2.set('file', new File([csv], 'entries.csv', { type: 'text/csv' }));
    const second = await dewi.postMultipart('/admin/knowledge/import', form2);
    expect(second.status).toBe(422);
    const html = await second.text();
    expect(html).toContain(t('knowledge:admin.importDone', { created: 0, updated: 1 }));
    expect(html).toContain(t('knowledge:admin.importProblem', { record: 2, field: 'source_label' }));
    const entries = await listEntries(h.runtime.db, staff.organisation.id);
    expect(entries.find((e) => e.key === 'jadwal-sakura')!.answerId).toBe('Senin–Sabtu 08.00–15.00.');

    const reply = await person().say('jadwal kelas sakura jam berapa?');
    expect(reply.text).toContain('Senin–Sabtu');
  });

  it('edits and deletes; another organisation gets 403, a viewer only reads', async () => {
    const [entry] = await listEntries(h.runtime.db, staff.organisation.id);
    await dewi.get(`/admin/knowledge/${entry!.id}/edit`);
    const edited = await dewi.post(`/admin/knowledge/${entry!.id}`, {
      topic: entry!.topic,
      question_id: entry!.questionId,
      answer_id: 'Jawaban baru.',
      keywords: entry!.keywords,
      source_label: entry!.sourceLabel,
      checked_on: '2026-12-06',
    });
    expect(edited.status).toBe(303);

    const agus = await loggedInClient(h.runtime.app, 'agus@bekasi.id');
    expect((await agus.get(`/admin/knowledge/${entry!.id}/edit`)).status).toBe(403);
    expect((await agus.post(`/admin/knowledge/${entry!.id}/delete`)).status).toBe(403);

    const rudi = await loggedInClient(h.runtime.app, 'rudi@sakura.id');
    const page = await (await rudi.get('/admin/knowledge')).text();
    expect(page).not.toContain(`/admin/knowledge/${entry!.id}/edit`);
    expect((await rudi.get('/admin/knowledge/new')).status).toBe(403);

    const removed = await dewi.post(`/admin/knowledge/${entry!.id}/delete`);
    expect(removed.status).toBe(303);
    expect((await listEntries(h.runtime.db, staff.organisation.id)).some((e) => e.id === entry!.id)).toBe(
      false,
    );
  });
});
