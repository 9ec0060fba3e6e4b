import { and, desc, eq, sql } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffs, identities, messages } from '../../src/db/schema';
import { drainOutbox } from '../applications/helpers';
import { type AdminClient, createStaff, loggedInClient } from '../helpers/admin';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

/*
 * Inbox rows as staff scan them (issue #20, point 10): two people both called Rudi told apart by full
 * name and username, the last message, "menunggu balasan sejak …" with the SLA badge when an answered
 * person writes again, links in messages, the rating of a closed case, and the waiting count in the
 * tab's title.
 */

const ORG = 'lpk-nusantara';
const fragment = { 'x-requested-with': 'fetch' };

/** A Telegram message from someone with a last name and a username. */
function from(person: { id: number; firstName: string; lastName: string; username: string }, text: string) {
  const update = textUpdate(person, text) as Update & { message: { from: Record<string, unknown> } };
  update.message.from.last_name = person.lastName;
  update.message.from.username = person.username;
  return update;
}

async function handoffOf(h: Harness, telegramId: number) {
  const [row] = await h.runtime.db
    .select({ id: handoffs.id, userId: handoffs.userId })
    .from(handoffs)
    .innerJoin(identities, eq(identities.userId, handoffs.userId))
    .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, String(telegramId))))
    .orderBy(desc(handoffs.createdAt))
    .limit(1);
  return row!;
}

describe('inbox rows', () => {
  let h: Harness;
  let dewi: AdminClient;
  const hartono = { id: 98_301, firstName: 'Rudi', lastName: 'Hartono', username: 'rudi_hartono' };
  const santoso = { id: 98_302, firstName: 'Rudi', lastName: 'Santoso', username: 'rudisan' };
  let hId = '';

  beforeAll(async () => {
    h = await startHarness({ DEFAULT_ORGANISATION: ORG });
    await createStaff(h.runtime.db, { organisation: ORG, email: 'dewi@lpk-nusantara.id', name: 'Dewi' });
    await h.post(from(hartono, 'bicara dengan petugas'));
    await h.post(from(santoso, 'mau ngomong sama admin dong'));
    hId = (await handoffOf(h, hartono.id)).id;
    dewi = await loggedInClient(h.runtime.app, 'dewi@lpk-nusantara.id');
  });
  afterAll(() => h.close());

  it('tells two Rudi apart, shows the last message, and puts the waiting count in the tab title', async () => {
    await dewi.get('/admin/inbox');
    const html = dewi.lastHtml;
    expect(html).toContain('<title>(2) Kotak masuk · Jembatan</title>');
    expect(html).toContain('>Rudi Hartono</a>');
    expect(html).toContain('>Rudi Santoso</a>');
    expect(html).toContain('Telegram · @rudi_hartono');
    expect(html).toContain('Telegram · @rudisan');
    // The last message is the bot's answer that they are in the queue.
    expect(html).toMatch(/class="inbox-preview">Bot: [^<]*antrean petugas/);
    // The live fragment carries the title too, so a background tab shows new people.
    await dewi.get('/admin/inbox/queue?tab=waiting', fragment);
    expect(dewi.lastHtml).toContain('data-title="(2) Kotak masuk · Jembatan"');
  });

  it('shows "menunggu balasan sejak …" in Milik saya when an answered person writes again, with the SLA badge once it is late', async () => {
    await dewi.get(`/admin/inbox/${hId}`);
    let res = await dewi.post(`/admin/inbox/${hId}/reply`, { text: 'Halo Rudi, ada yang bisa dibantu?' });
    expect(res.status).toBe(303);
    await drainOutbox(h);
    await dewi.get('/admin/inbox?tab=mine');
    expect(dewi.lastHtml).toMatch(/class="inbox-preview">Petugas: Halo Rudi, ada yang bisa dibantu\?/);
    expect(dewi.lastHtml).not.toContain('menunggu balasan sejak');
    expect(dewi.lastHtml).toContain('<title>(1) Kotak masuk · Jembatan</title>');

    await h.post(from(hartono, 'kak formnya di https://contoh.id/daftar?x=1. atau telp 0812-3456-7890 ya'));
    await dewi.get('/admin/inbox?tab=mine');
    expect(dewi.lastHtml).toMatch(/class="inbox-preview">Orangnya: kak formnya di https:\/\/contoh\.id/);
    expect(dewi.lastHtml).toMatch(/menunggu balasan sejak \d{2}\.\d{2} WIB \(kurang dari 1 menit\)/);
    expect(dewi.lastHtml).not.toContain('Lewat 15 menit');

    // Twenty minutes later nobody has answered: past the 15-minute SLA, the row says so.
    const { userId } = await handoffOf(h, hartono.id);
    await h.runtime.db
      .update(messages)
      .set({ createdAt: sql`${messages.createdAt} - interval '20 minutes'` })
      .where(eq(messages.userId, userId));
    await h.runtime.db
      .update(handoffs)
      .set({
        createdAt: sql`${handoffs.createdAt} - interval '20 minutes'`,
        claimedAt: sql`${handoffs.claimedAt} - interval '20 minutes'`,
        firstResponseAt: sql`${handoffs.firstResponseAt} - interval '20 minutes'`,
      })
      .where(eq(handoffs.id, hId));
    await dewi.get('/admin/inbox?tab=mine');
    expect(dewi.lastHtml).toMatch(/menunggu balasan sejak \d{2}\.\d{2} WIB \(20 menit\)/);
    expect(dewi.lastHtml).toContain('Lewat 15 menit');
    expect(dewi.lastHtml).toContain('class="inbox-overdue"');

    // The link and the number in the message are tappable in the conversation; the dot ends the sentence.
    await dewi.get(`/admin/inbox/${hId}`);
    expect(dewi.lastHtml).toContain(
      '<a href="https://contoh.id/daftar?x=1" target="_blank" rel="noopener noreferrer nofollow">https://contoh.id/daftar?x=1</a>. atau telp',
    );
    expect(dewi.lastHtml).toContain('<a href="tel:+6281234567890">0812-3456-7890</a>');

    res = await dewi.post(`/admin/inbox/${hId}/reply`, { text: 'Sudah benar kak, silakan isi.' });
    expect(res.status).toBe(303);
    await dewi.get('/admin/inbox?tab=mine');
    expect(dewi.lastHtml).not.toContain('menunggu balasan sejak');
    expect(dewi.lastHtml).not.toContain('Lewat 15 menit');
  });

  it('shows the 1–5 rating of a closed case in Selesai', async () => {
    await dewi.get(`/admin/inbox/${hId}`);
    await dewi.post(`/admin/inbox/${hId}/close`);
    await drainOutbox(h);
    const chat = conversation(h, hartono);
    await chat.press(/^5/, chat.last());
    await dewi.get('/admin/inbox?tab=closed');
    expect(dewi.lastHtml).toContain('Rudi Hartono');
    expect(dewi.lastHtml).toContain('penilaian 5 dari 5');
    expect(dewi.lastHtml).toContain('★★★★★');
  });
});
