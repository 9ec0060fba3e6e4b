import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handoffs, messages } from '../../src/db/schema';
import {
  claimHandoff,
  closeHandoff,
  HandoffAccessError,
  listHandoffs,
  staffReply,
} from '../../src/handoff/service';
import { createOrganisation } from '../../src/organisations/service';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // The organiser is registered: a case only goes to an organisation that exists (tests/handoff/desk).
  await createOrganisation(h.runtime.db, { name: 'KOPRI PB PMII', slug: 'kopri-pb-pmii' });
  await loadCatalogue(h.runtime.db, [
    programme('jahit-kopri', {
      title: { id: 'Pelatihan Menjahit KOPRI' },
      field: 'menjahit',
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    }),
  ]);
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

async function drain(): Promise<void> {
  await h.runtime.db
    .update(messages)
    .set({ availableAt: new Date(0) })
    .where(eq(messages.status, 'pending'));
  while ((await h.runtime.dispatcher.drainOnce()) > 0) {}
}

describe('handoff through the Telegram webhook', () => {
  it('queues the person with the programme’s organisation, keeps the bot silent, relays staff, resumes with a rating', async () => {
    const rina = conversation(h, { id: 97_001, firstName: 'Rina' });
    await rina.say('/start p_jahit-kopri');
    const waiting = await rina.press('🙋 Petugas');
    expect(waiting.text).toMatch(/antrean petugas/);
    expect(waiting.text).toMatch(/WIB/);

    const [queued] = await listHandoffs(h.runtime.db, 'kopri-pb-pmii');
    expect(queued?.programmeSlug).toBe('jahit-kopri');
    expect(await listHandoffs(h.runtime.db, 'jembatan')).toEqual([]);

    // While handed off the bot says nothing; the message is in the log for staff.
    const before = rina.texts().length;
    await rina.say('kak, jadwalnya jam berapa ya?');
    await rina.say('halo?');
    expect(rina.texts()).toHaveLength(before);
    const logged = await h.runtime.db.select().from(messages).where(eq(messages.userId, queued!.userId));
    expect(
      logged.some((m) => m.direction === 'in' && JSON.stringify(m.body).includes('jadwalnya jam berapa')),
    ).toBe(true);

    // Another organisation's staff cannot touch it.
    await expect(staffReply(h.runtime.db, queued!.id, 'bpvp-bekasi', 'staff-x', 'hai')).rejects.toThrow(
      HandoffAccessError,
    );

    await claimHandoff(h.runtime.db, queued!.id, 'kopri-pb-pmii', 'staff-1');
    await staffReply(
      h.runtime.db,
      queued!.id,
      'kopri-pb-pmii',
      'staff-1',
      'Kelas sore jam 15.00–18.00, Kak.',
    );
    await drain();
    expect(rina.texts().at(-1)).toBe('Kelas sore jam 15.00–18.00, Kak.');

    await closeHandoff(h.runtime.db, queued!.id, 'kopri-pb-pmii');
    await drain();
    const rating = rina.last();
    expect(rating.text).toContain('Seberapa puas');
    const thanks = await rina.press('5 😊', rating);
    expect(thanks.text).toContain('Terima kasih atas penilaianmu');
    const [closed] = await h.runtime.db.select().from(handoffs).where(eq(handoffs.id, queued!.id));
    expect(closed).toMatchObject({ status: 'closed', rating: 5, assignedTo: 'staff-1' });
    expect(closed!.firstResponseAt).not.toBeNull();

    // The bot answers again.
    expect((await rina.say('pelatihan menjahit')).text).toContain('Pelatihan Menjahit KOPRI');
  });

  it('lets the person cancel while waiting, by button or by typing "batal"', async () => {
    const budi = conversation(h, { id: 97_002, firstName: 'Budi' });
    await budi.say('/petugas');
    const back = await budi.press('Batal, kembali ke bot');
    expect(back.text).toContain('dibatalkan');
    await budi.say('/petugas');
    expect((await budi.say('batal')).text).toContain('dibatalkan');
    const rows = await h.runtime.db.select().from(handoffs).where(eq(handoffs.organisation, 'jembatan'));
    expect(rows.filter((r) => r.status === 'cancelled').length).toBeGreaterThanOrEqual(2);
  });

  it('does not open a second handoff when asked twice', async () => {
    const sari = conversation(h, { id: 97_003, firstName: 'Sari' });
    await sari.say('bicara dengan petugas');
    const [open] = await listHandoffs(h.runtime.db, 'jembatan');
    expect(open).toBeDefined();
    const before = (await listHandoffs(h.runtime.db, 'jembatan')).length;
    await sari.say('/petugas'); // silent: already handed off
    expect((await listHandoffs(h.runtime.db, 'jembatan')).length).toBe(before);
  });
});
