import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows';
import { run } from '../../src/organisations/cli';
import { authenticate } from '../../src/organisations/service';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/* npm run org -- …: the bootstrap of organisations, members, tokens and links. */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

async function org(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await run(args, { database, out: (line) => lines.push(line), err: () => {} });
  return { code, lines };
}

describe('npm run org', () => {
  it('creates an organisation, members and a token that is shown once and stored hashed', async () => {
    const created = await org('create', 'KOPRI', 'PB', 'PMII');
    expect(created.code).toBe(0);
    expect(created.lines[0]).toMatch(/^created kopri-pb-pmii \(KOPRI PB PMII\)/);
    expect((await org('create', 'KOPRI PB PMII')).code).toBe(1); // the slug exists
    expect((await org('create', 'BLK Surabaya', '--slug', 'blk-sby')).lines[0]).toContain('blk-sby');
    expect((await org('list')).lines.map((l) => l.split('\t')[0])).toEqual(['blk-sby', 'kopri-pb-pmii']);

    const member = await org(
      'member',
      'kopri-pb-pmii',
      'add',
      'Ani',
      'Rahma',
      '--email',
      'ani@example.org',
      '--role',
      'viewer',
    );
    expect(member.lines[0]).toContain('Ani Rahma (viewer)');
    const token = await org('token', 'kopri-pb-pmii', '--member', 'ani@example.org', '--name', 'dashboard');
    expect(token.code).toBe(0);
    const secret = token.lines[1]!;
    expect(secret).toMatch(/^jbt_[A-Za-z0-9_-]{43}$/);
    const principal = await authenticate(database.db, secret);
    expect(principal).toMatchObject({ role: 'viewer', organisation: { slug: 'kopri-pb-pmii' } });
    const stored = rowsOf<{ token_hash: string }>(
      await database.db.execute(
        sql`select token_hash from api_tokens where organisation_id = ${principal!.organisation.id}`,
      ),
    );
    expect(stored.map((r) => r.token_hash)).toEqual([createHash('sha256').update(secret).digest('hex')]);

    const list = await org('tokens', 'kopri-pb-pmii');
    expect(list.lines).toHaveLength(1);
    expect(list.lines[0]).not.toContain(secret);
    expect(list.lines[0]).toContain('active');
    const id = token.lines[0]!.split(' ')[2]!;
    expect((await org('revoke', id)).code).toBe(0);
    expect(await authenticate(database.db, secret)).toBeUndefined();
    expect((await org('revoke', id)).code).toBe(1);
  });

  it('removes a member with their tokens, makes referral links, and explains usage', async () => {
    await org('member', 'blk-sby', 'add', 'Budi', '--email', 'budi@example.org');
    const token = await org('token', 'blk-sby', '--member', 'budi@example.org');
    expect((await org('member', 'blk-sby', 'remove', 'budi@example.org')).code).toBe(0);
    expect(await authenticate(database.db, token.lines[1]!)).toBeUndefined();
    const link = await org('link', 'blk-sby', '--recruiter', 'Citra', '--code', 'citra-sby');
    expect(link.lines[0]).toContain('r_citra-sby');
    expect((await org('token', 'no-such-org')).code).toBe(1);
    expect((await org('token', 'blk-sby', '--role', 'admin')).code).toBe(2);
    expect((await org('frobnicate')).code).toBe(2);
  });
});
