import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/db/schema';
import { run } from '../../src/organisations/cli';
import { createOrganisation } from '../../src/organisations/service';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/* npm run org -- staff-group ORG [CHAT_ID|off]: an organisation's Telegram staff group. */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await createOrganisation(database.db, { name: 'BLK Makassar', slug: 'blk-makassar' });
  await createOrganisation(database.db, { name: 'LPK Sakura Bandung', slug: 'lpk-sakura' });
});
afterAll(async () => {
  await database.destroy();
});

async function org(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { database, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

async function groupOf(slug: string): Promise<string | null> {
  const [row] = await database.db.select().from(organisations).where(eq(organisations.slug, slug));
  return row!.staffGroupChatId;
}

describe('npm run org -- staff-group', () => {
  it('sets, shows and clears the group', async () => {
    expect((await org('staff-group', 'blk-makassar')).out).toEqual(['off']);
    const set = await org('staff-group', 'blk-makassar', '-1002223334445');
    expect(set.code).toBe(0);
    expect(set.out).toEqual(['staff group of blk-makassar: -1002223334445']);
    expect(set.err.join(' ')).toContain('Manage topics');
    expect(await groupOf('blk-makassar')).toBe('-1002223334445');
    expect((await org('staff-group', 'blk-makassar')).out).toEqual(['-1002223334445']);

    const off = await org('staff-group', 'blk-makassar', 'off');
    expect(off.code).toBe(0);
    expect(await groupOf('blk-makassar')).toBeNull();
  });

  it('refuses what cannot work, with the reason, and changes nothing', async () => {
    await org('staff-group', 'lpk-sakura', '-1007778889990');
    const basic = await org('staff-group', 'blk-makassar', '-412345678');
    expect(basic.code).toBe(1);
    expect(basic.err.join(' ')).toMatch(/basic group/);
    const name = await org('staff-group', 'blk-makassar', '@grup_petugas');
    expect(name.code).toBe(1);
    expect(name.err.join(' ')).toMatch(/not a Telegram supergroup id/);
    // One group, one organisation: another's staff would see its people.
    const shared = await org('staff-group', 'blk-makassar', '-1007778889990');
    expect(shared.code).toBe(1);
    expect(shared.err.join(' ')).toContain('already serves lpk-sakura');
    expect(await groupOf('blk-makassar')).toBeNull();
    expect(await groupOf('lpk-sakura')).toBe('-1007778889990');

    expect((await org('staff-group', 'tidak-ada', '-1001112223334')).code).toBe(1);
    expect((await org('staff-group')).code).toBe(2);
  });
});
