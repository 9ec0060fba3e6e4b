import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffNotes, handoffs } from '../../src/db/schema';
import { addNote } from '../../src/handoff/notes';
import { closeHandoff } from '../../src/handoff/service';
import { createStaff } from '../helpers/admin';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { documentOf, userIdOf } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ DEFAULT_ORGANISATION: 'lpk-mentari' });
});
afterAll(() => h.close());

describe('notes staff wrote about a person', () => {
  it('are in their data export, and gone after /hapus_data', async () => {
    const db = h.runtime.db;
    const { member } = await createStaff(db, { organisation: 'lpk-mentari', email: 'ayu@mentari.id' });
    const p = { id: 7_320_000_001, firstName: 'Wulan' };
    const chat = conversation(h, p);
    await chat.say('/start');
    await chat.say('mau ngobrol sama admin');
    const userId = await userIdOf(h, p.id);
    const [handoff] = await db.select().from(handoffs).where(eq(handoffs.userId, userId));
    await addNote(db, {
      handoffId: handoff!.id,
      memberId: member.id,
      authorName: 'Ayu',
      body: 'Sudah dijelaskan syarat magang Jepang; menunggu ijazah.',
    });
    await closeHandoff(db, handoff!.id, 'lpk-mentari');
    await chat.say('4');

    h.api.reset();
    await chat.say('/data_saya');
    const json = JSON.parse(h.api.sent('sendDocument', p.id).map(documentOf)[0]!.content);
    expect(json.data.handoffs).toEqual([
      expect.objectContaining({
        organisation: 'lpk-mentari',
        status: 'closed',
        rating: 4,
        staffNotes: [expect.objectContaining({ author: 'Ayu', note: expect.stringContaining('ijazah') })],
      }),
    ]);
    // Not exported twice by the catch-all.
    expect(json.data.otherTables?.handoffs).toBeUndefined();

    await chat.say('/hapus_data');
    await chat.press('🗑️ Ya, hapus semua');
    await h.runtime.marker.flush();
    await h.runtime.privacy.tick();
    expect(await db.select().from(handoffs).where(eq(handoffs.id, handoff!.id))).toEqual([]);
    expect(await db.select().from(handoffNotes).where(eq(handoffNotes.handoffId, handoff!.id))).toEqual([]);
  });
});
