import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runApplicationsCli } from '../../src/applications/cli';
import { parseWhen } from '../../src/applications/format';
import { changeStatus, StatusChangeError, submitApplication } from '../../src/applications/status';
import { applications, identities, programmes } from '../../src/db/schema';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';
import { drainOutbox, tempUploads, userIdOf } from './helpers';

let h: Harness;
let nextPerson = 97_000;

let uploads = '';

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [
    programme('status-uji', {
      title: { id: 'Pelatihan Status Uji', en: 'Status Test Training' },
      seats: { total: 1 },
    }),
  ]);
});
afterAll(async () => {
  await h.close();
  rmSync(uploads, { recursive: true, force: true });
});
beforeEach(() => h.api.reset());

/** A person who has written to the bot (so they can be notified) with a submitted application. */
async function submitted(languageCode = 'id', gender: 'perempuan' | 'laki_laki' = 'perempuan') {
  const person = { id: nextPerson++, firstName: 'Uji', languageCode };
  await h.post(textUpdate(person, '/start'));
  const userId = await userIdOf(h, person.id);
  const [prog] = await h.runtime.db.select().from(programmes).where(eq(programmes.slug, 'status-uji'));
  const [draft] = await h.runtime.db
    .insert(applications)
    .values({ userId, programmeId: prog!.id, fullName: 'Uji Coba' })
    .returning({ id: applications.id });
  const result = await h.runtime.db.transaction((tx) =>
    submitApplication(tx, {
      applicationId: draft!.id,
      programmeId: prog!.id,
      applicant: {},
      stats: { gender },
    }),
  );
  return { person, userId, ...result };
}

const texts = (id: number) => h.api.texts(id);

describe('status lifecycle', () => {
  it('notifies in the person’s language with next steps, and refuses impossible changes', async () => {
    const en = await submitted('en');
    expect(en.status).toBe('diajukan');
    await changeStatus(h.runtime.db, en.reference, 'diverifikasi', {}, 'staff:test');
    await changeStatus(h.runtime.db, en.reference, 'seleksi', {}, 'staff:test');
    await expect(
      changeStatus(
        h.runtime.db,
        en.reference,
        'wawancara',
        { date: parseWhen('2026-12-08 13:30')! },
        'staff:test',
      ),
    ).rejects.toMatchObject({ code: 'needs_details' });
    await changeStatus(
      h.runtime.db,
      en.reference,
      'wawancara',
      { date: parseWhen('2026-12-08 13:30')!, place: 'BLK Surabaya, Jl. Dukuh Menanggal 124' },
      'staff:test',
    );
    await changeStatus(h.runtime.db, en.reference, 'diterima', {}, 'staff:test');
    await expect(
      changeStatus(h.runtime.db, en.reference, 'seleksi', {}, 'staff:test'),
    ).rejects.toBeInstanceOf(StatusChangeError);
    await expect(
      changeStatus(h.runtime.db, 'JMB-2000-999999', 'ditolak', {}, 'staff:test'),
    ).rejects.toMatchObject({ code: 'not_found' });
    h.api.reset();
    await drainOutbox(h);
    const notices = texts(en.person.id);
    expect(notices).toHaveLength(4);
    expect(notices[0]).toContain('New status: Documents verified');
    expect(notices[0]).toContain('"Status Test Training"');
    expect(notices[2]).toContain('Tuesday, 8 December 2026 at 13:30 WIB');
    expect(notices[2]).toContain('BLK Surabaya, Jl. Dukuh Menanggal 124');
    expect(notices[3]).toContain('Accepted 🎉');
  });

  it('needs a free seat to take someone off the waitlist, and tells nobody when the person cannot be reached', async () => {
    const waiting = await submitted('id', 'laki_laki');
    expect(waiting.status).toBe('cadangan');
    await expect(
      changeStatus(h.runtime.db, waiting.reference, 'diterima', {}, 'staff:test'),
    ).rejects.toMatchObject({
      code: 'no_seat',
    });
    await h.runtime.db
      .update(identities)
      .set({ unreachable: true })
      .where(eq(identities.userId, waiting.userId));
    const result = await changeStatus(h.runtime.db, waiting.reference, 'ditolak', {}, 'staff:test');
    expect(result.notified).toBe(false);
  });

  it('the CLI prints usage, refuses bad input, shows an application and lists a programme', async () => {
    const out: string[] = [];
    const print = (line: string) => out.push(line);
    expect(await runApplicationsCli(h.runtime.db, [], print)).toBe(2);
    expect(out.join('\n')).toContain('set-status REF STATUS');
    expect(await runApplicationsCli(h.runtime.db, ['set-status', 'JMB-2026-000001', 'draft'], print)).toBe(2);
    expect(
      await runApplicationsCli(h.runtime.db, ['set-status', 'X', 'wawancara', '--date', 'besok'], print),
    ).toBe(2);
    expect(out.at(-1)).toContain('--date');
    const app = await submitted();
    out.length = 0;
    expect(
      await runApplicationsCli(
        h.runtime.db,
        ['set-status', app.reference, 'ditolak', '--reason', 'Kuota'],
        print,
      ),
    ).toBe(0);
    expect(await runApplicationsCli(h.runtime.db, ['set-status', app.reference, 'diterima'], print)).toBe(1);
    expect(out.at(-1)).toContain('tidak bisa diubah ke diterima');
    out.length = 0;
    expect(await runApplicationsCli(h.runtime.db, ['show', app.reference], print)).toBe(0);
    expect(out[0]).toContain('status: ditolak');
    expect(out.slice(1).join('\n')).toMatch(/(diajukan|cadangan) → ditolak\s+\(staff:cli\)/);
    out.length = 0;
    expect(await runApplicationsCli(h.runtime.db, ['list', 'status-uji'], print)).toBe(0);
    expect(out).toContain(`${app.reference}  ditolak`);
  });
});
