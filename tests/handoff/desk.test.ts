import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffs, identities, organisations } from '../../src/db/schema';
import { createStaff, loggedInClient } from '../helpers/admin';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

/*
 * Handoffs that went nowhere (issue #18.3): DEFAULT_ORGANISATION named a desk nothing created on
 * Postgres, and a catalogue may name an organiser nobody registered. The person was told they were
 * queued, and no inbox could ever show them. Now a case only ever goes to an organisation that exists:
 * the desk is created when missing, and an unknown organiser's case goes to the desk.
 */

const DESK = 'meja-bantuan';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ DEFAULT_ORGANISATION: DESK });
  await loadCatalogue(h.runtime.db, [
    programme('las-hantu', {
      title: { id: 'Las Organisasi Hantu' },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'organisasi-hantu' },
    }),
  ]);
});
afterAll(() => h.close());

async function handoffOf(telegramId: number) {
  const [row] = await h.runtime.db
    .select({ organisation: handoffs.organisation, id: handoffs.id })
    .from(handoffs)
    .innerJoin(identities, eq(identities.userId, handoffs.userId))
    .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, String(telegramId))));
  return row;
}

async function organisationRow(slug: string) {
  const [row] = await h.runtime.db.select().from(organisations).where(eq(organisations.slug, slug));
  return row;
}

describe('the default desk', () => {
  it('a person asking for staff is queued at a desk that exists, and its staff see them', async () => {
    expect(await organisationRow(DESK)).toBeUndefined();
    const chat = conversation(h, { id: 84_001, firstName: 'Wulan' });
    const reply = await chat.say('/petugas');
    expect(reply.text).toMatch(/antrean petugas/);
    const handoff = await handoffOf(84_001);
    expect(handoff?.organisation).toBe(DESK);
    expect(await organisationRow(DESK)).toMatchObject({ slug: DESK, name: 'Meja Bantuan' });
    // Someone given a place at the desk finds the waiting person in the inbox.
    await createStaff(h.runtime.db, { organisation: DESK, email: 'rina@meja.id', name: 'Rina' });
    const staff = await loggedInClient(h.runtime.app, 'rina@meja.id');
    expect((await staff.get('/admin/inbox')).status).toBe(200);
    expect(staff.lastHtml).toContain('Wulan');
    expect(staff.lastHtml).toContain(`/admin/inbox/${handoff!.id}`);
  });

  it('a programme whose organiser is not registered sends the case to the desk, not to nobody', async () => {
    const chat = conversation(h, { id: 84_002, firstName: 'Dimas' });
    await chat.say('/start p_las-hantu');
    await chat.press('🙋 Petugas');
    const handoff = await handoffOf(84_002);
    expect(handoff?.organisation).toBe(DESK);
    expect(await organisationRow('organisasi-hantu')).toBeUndefined();
  });
});
