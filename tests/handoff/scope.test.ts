import { rmSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStaffGroup } from '../../src/channels/telegram/staff-group';
import { rowsOf } from '../../src/db/rows';
import { handoffs, identities, messages } from '../../src/db/schema';
import { call, organisation, type TestOrganisation } from '../api/helpers';
import {
  applicant,
  bornAgo,
  drainOutbox,
  fillApplication,
  nikFor,
  tempUploads,
} from '../applications/helpers';
import { type AdminClient, createStaff, loggedInClient } from '../helpers/admin';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';

/*
 * Staff see only what concerns their organisation (issue #18.1), and a NIK typed as ordinary text is
 * never shown or stored in clear (#18.8). Sari applies to LPK Beta's programme — her full name, phone,
 * address, NIK (masked in the chat), documents and reference number go into the chat — then asks BLK
 * Alpha's staff about one of theirs. BLK Alpha reads the conversation in the dashboard, through the
 * API and in its Telegram staff group: the form appears as one line, "mengisi formulir program lain".
 */

const ALPHA = 'blk-alpha';
const BETA = 'lpk-beta';
const ALPHA_GROUP = -1004242424242;
const FULL_NAME = 'Sari Wulandari Putri';
const ADDRESS_WORD = 'Mawar'; // fillApplication's address: "Jl. Mawar No. 1 RT 01/RW 02, Surabaya"
const PHONE = '6281299887766';
const born = bornAgo(22, 10);
const FORM_NIK = nikFor(born.date, true, '0007');
// The NIK she later types to staff, in groups, as people do.
const TYPED_NIK = '3201 0145 1299 0003';
const TYPED_DIGITS = TYPED_NIK.replaceAll(' ', '');
const TYPED_MASK = '3201********0003';

let h: Harness;
let uploads: string;
let alphaApi: TestOrganisation;
let alphaStaff: AdminClient;
let handoffId: string;
let reference: string;
const sari = { id: 86_001, firstName: 'Sari' };

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  h = await startHarness({ API_RATE_PER_MINUTE: '100000', API_RATE_BURST: '10000' });
  const db = h.runtime.db;
  alphaApi = await organisation(db, 'BLK Alpha', ALPHA);
  await organisation(db, 'LPK Beta', BETA);
  await createStaff(db, { organisation: ALPHA, email: 'andi@blk-alpha.id', name: 'Andi' });
  await createStaff(db, { organisation: BETA, email: 'bunga@lpk-beta.id', name: 'Bunga' });
  await setStaffGroup(db, alphaApi.id, String(ALPHA_GROUP));
  await loadCatalogue(db, [
    programme('las-alpha', {
      title: { id: 'Pelatihan Las Alpha' },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: ALPHA },
    }),
    programme('jahit-beta', {
      title: { id: 'Pelatihan Menjahit Beta' },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: BETA },
    }),
  ]);
  alphaStaff = await loggedInClient(h.runtime.app, 'andi@blk-alpha.id');

  // Sari applies to Beta's programme in the chat and sends it.
  const a = applicant(h, sari);
  let reply = await fillApplication(a, {
    slug: 'jahit-beta',
    profile: {
      birth: born.text,
      gender: 'perempuan',
      place: 'Kota Surabaya',
      education: 'SMK',
      graduation: '2021',
    },
    name: FULL_NAME,
    nik: FORM_NIK,
    phone: PHONE,
  });
  reply = await a.press('✅ Kirim lamaran', reply);
  reference = /JMB-\d{4}-\d{6}/.exec(a.texts().find((t) => t.includes('sudah terkirim'))!)![0];
  // Then she looks at Alpha's programme and asks Alpha's staff; and tells them her NIK as plain text.
  await a.say('/start p_las-alpha');
  await a.press('🙋 Petugas');
  await a.say(`kak ini NIK aku ${TYPED_NIK}, bisa dicek?`);
  const [row] = await db
    .select({ id: handoffs.id, organisation: handoffs.organisation })
    .from(handoffs)
    .innerJoin(identities, eq(identities.userId, handoffs.userId))
    .where(eq(identities.externalId, String(sari.id)));
  expect(row!.organisation).toBe(ALPHA);
  handoffId = row!.id;
}, 120_000);

afterAll(async () => {
  await h.close();
  rmSync(uploads, { recursive: true, force: true });
});

/** Everything of Beta's form that must not reach Alpha's staff. */
function expectNothingOfBeta(text: string) {
  expect(text).not.toContain(FULL_NAME);
  expect(text).not.toContain(ADDRESS_WORD);
  expect(text).not.toContain('812 9988 7766');
  expect(text).not.toContain(reference);
  expect(text).not.toContain(`${FORM_NIK.slice(0, 4)}********${FORM_NIK.slice(12)}`);
  expect(text).not.toContain('Menjahit Beta');
}

function expectNoNikInClear(text: string) {
  expect(text).not.toContain(TYPED_NIK);
  expect(text).not.toContain(TYPED_DIGITS);
}

describe('what another organisation sees of a person (#18.1)', () => {
  it('the dashboard shows Alpha the conversation about Alpha, and Beta’s form as one line', async () => {
    const res = await alphaStaff.get(`/admin/inbox/${handoffId}`);
    expect(res.status).toBe(200);
    const html = alphaStaff.lastHtml;
    expectNothingOfBeta(html);
    expect(html).toContain('mengisi formulir program lain');
    expect(html.match(/mengisi formulir program lain/g)).toHaveLength(1);
    // What concerns Alpha is all there: its programme's card and her question.
    expect(html).toContain('Pelatihan Las Alpha');
    expect(html).toContain('bisa dicek?');
    // The live fragment the page polls is scoped the same way.
    const fragment = await alphaStaff.get(`/admin/inbox/${handoffId}/log`, { 'x-requested-with': 'fetch' });
    const part = await fragment.text();
    expectNothingOfBeta(part);
    expect(part).toContain('mengisi formulir program lain');
  });

  it('a file Sari sent for Beta’s form cannot be fetched by Alpha by its message id', async () => {
    const [ktp] = rowsOf<{ id: number }>(
      await h.runtime.db.execute(sql`
        select m.id from messages m join identities i on i.user_id = m.user_id
        where i.external_id = ${String(sari.id)} and m.direction = 'in' and m.body ->> 'type' = 'media'
        order by m.id limit 1`),
    );
    expect(ktp).toBeDefined();
    const res = await alphaStaff.get(`/admin/inbox/${handoffId}/files/${ktp!.id}`);
    expect(res.status).toBe(403);
  });

  it('the API gives Alpha’s token the same, with the form folded into one item', async () => {
    const res = await call(h, alphaApi.token, 'GET', `/handoffs/${handoffId}/messages`);
    expect(res.status).toBe(200);
    expectNothingOfBeta(res.text);
    const folded = res.json.items.filter((i: { elsewhere: string | null }) => i.elsewhere !== null);
    // Beta's card (where she pressed "Daftar"), then Beta's form: one line each.
    expect(folded).toEqual([
      expect.objectContaining({ elsewhere: 'programme', text: 'membahas program lain' }),
      expect.objectContaining({ elsewhere: 'form', text: 'mengisi formulir program lain' }),
    ]);
    expect(res.json.items.some((i: { text: string | null }) => i.text?.includes('bisa dicek?'))).toBe(true);
  });

  it('Alpha’s Telegram staff group gets the summary and her messages, nothing of Beta’s form', async () => {
    await drainOutbox(h);
    const posts = h.api
      .sent('sendMessage', ALPHA_GROUP)
      .map((c) => String(c.body.text))
      .join('\n---\n');
    expect(posts).toContain('bisa dicek?');
    expectNothingOfBeta(posts);
  });

  it('Beta’s own staff still see their applicant in full (their programme is theirs)', async () => {
    const beta = await loggedInClient(h.runtime.app, 'bunga@lpk-beta.id');
    const res = await beta.get('/admin/applicants');
    expect(res.status).toBe(200);
    expect(beta.lastHtml).toContain(reference);
  });
});

describe('a NIK typed as ordinary text (#18.8)', () => {
  it('is masked in the dashboard, the API and the staff group', async () => {
    await alphaStaff.get(`/admin/inbox/${handoffId}`);
    expectNoNikInClear(alphaStaff.lastHtml);
    expect(alphaStaff.lastHtml).toContain(`kak ini NIK aku ${TYPED_MASK}, bisa dicek?`);
    const api = await call(h, alphaApi.token, 'GET', `/handoffs/${handoffId}/messages`);
    expectNoNikInClear(api.text);
    expect(api.text).toContain(TYPED_MASK);
    const posts = h.api
      .sent('sendMessage', ALPHA_GROUP)
      .map((c) => String(c.body.text))
      .join('\n');
    expectNoNikInClear(posts);
    expect(posts).toContain(TYPED_MASK);
  });

  it('is stored only masked; her own words are kept encrypted, and her export gives them back', async () => {
    const dump = rowsOf<{ t: string }>(
      await h.runtime.db.execute(sql`select body::text || coalesce(original_cipher, '') as t from messages`),
    )
      .map((r) => r.t)
      .join('\n');
    expectNoNikInClear(dump);
    const [stored] = await h.runtime.db
      .select({ body: messages.body, original: messages.originalCipher })
      .from(messages)
      .innerJoin(identities, eq(identities.id, messages.identityId))
      .where(
        and(
          eq(identities.externalId, String(sari.id)),
          eq(messages.direction, 'in'),
          sql`${messages.body} ->> 'text' like '%bisa dicek?%'`,
        ),
      );
    expect((stored!.body as { text: string }).text).toBe(`kak ini NIK aku ${TYPED_MASK}, bisa dicek?`);
    expect(stored!.original).toMatch(/^[\w-]+:/); // <keyId>:<iv>:<tag>:<data>
    expect(h.runtime.applications.cipher.decrypt(stored!.original!)).toContain(TYPED_NIK);

    // Her own export (/data_saya) has her words as she wrote them. The handoff is open: close it first.
    await alphaStaff.get(`/admin/inbox/${handoffId}`);
    await alphaStaff.post(`/admin/inbox/${handoffId}/close`);
    const a = applicant(h, sari);
    await a.say('menu');
    h.api.reset();
    await a.say('/data_saya');
    await h.api.waitFor((calls) => calls.some((c) => c.method === 'sendDocument'), 15_000);
    await drainOutbox(h);
    const json = h.api.sent('sendDocument', sari.id).find((c) => c.raw.includes('jembatan-personal-data'));
    expect(json?.raw).toContain(TYPED_NIK);
  });
});

describe('messages written before NIKs were masked (#18.8)', () => {
  it('are masked when shown, and the daily privacy run seals them', async () => {
    const OLD = '3578 0101 0890 0004';
    const [identity] = await h.runtime.db
      .select({ id: identities.id, userId: identities.userId })
      .from(identities)
      .where(eq(identities.externalId, String(sari.id)));
    // As a message from before the migration: the NIK in clear, no cipher.
    const [row] = await h.runtime.db
      .insert(messages)
      .values({
        userId: identity!.userId,
        identityId: identity!.id,
        channel: 'telegram',
        direction: 'in',
        body: { type: 'text', text: `dulu aku tulis ${OLD}` },
        status: 'received',
      })
      .returning({ id: messages.id });
    // Shown to staff: masked already (Sari has a new case with Alpha).
    const a = applicant(h, sari);
    await a.say('/start p_las-alpha');
    await a.press('🙋 Petugas');
    const [open] = await h.runtime.db
      .select({ id: handoffs.id })
      .from(handoffs)
      .where(and(eq(handoffs.userId, identity!.userId), eq(handoffs.status, 'waiting')));
    await alphaStaff.get(`/admin/inbox/${open!.id}`);
    expect(alphaStaff.lastHtml).toContain('dulu aku tulis 3578********0004');
    expect(alphaStaff.lastHtml).not.toContain(OLD);
    // The daily run (its first tick purges) seals it.
    await h.runtime.privacy.tick();
    const [sealed] = await h.runtime.db
      .select({ body: messages.body, original: messages.originalCipher })
      .from(messages)
      .where(eq(messages.id, row!.id));
    expect((sealed!.body as { text: string }).text).toBe('dulu aku tulis 3578********0004');
    expect(h.runtime.applications.cipher.decrypt(sealed!.original!)).toContain(OLD);
  });
});

describe('logs (#18.8)', () => {
  it('mask a NIK-shaped number wherever it appears in a line', async () => {
    const { capturedLogger } = await import('../helpers/log-lines');
    const log = capturedLogger('info');
    log.logger.error({ err: { message: `duplicate key (nik)=(${TYPED_DIGITS})` }, note: TYPED_NIK }, 'x');
    expect(log.raw[0]).toContain(TYPED_MASK);
    expect(log.raw[0]).not.toContain(TYPED_DIGITS);
    expect(log.raw[0]).not.toContain(TYPED_NIK);
    // Other numbers stay readable.
    log.logger.info({ chat: 6281299887766, update: 123456789 }, 'y');
    expect(log.raw[1]).toContain('6281299887766');
  });
});
