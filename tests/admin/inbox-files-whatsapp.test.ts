import { rmSync } from 'node:fs';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffs, identities, messages } from '../../src/db/schema';
import type { Runtime } from '../../src/runtime';
import { JPEG, PDF, tempUploads } from '../applications/helpers';
import { AdminClient, createStaff } from '../helpers/admin';
import {
  type BaileysHarness,
  type CloudHarness,
  startBaileysHarness,
  startCloudHarness,
} from '../helpers/whatsapp';
import { pnOf } from '../helpers/whatsapp-messages';
import { waitUntil } from '../helpers/whatsapp-socket';

/*
 * Files from the inbox to a person on WhatsApp, both transports: a Baileys document or image message
 * with the stored bytes; on the Cloud API the file is uploaded first, then sent by its media id.
 */

let uploads: string;
beforeAll(() => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
});
afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
  delete process.env.UPLOADS_DIR;
});

async function drain(runtime: Runtime): Promise<void> {
  await runtime.db
    .update(messages)
    .set({ availableAt: new Date(0) })
    .where(eq(messages.status, 'pending'));
  while ((await runtime.dispatcher.drainOnce()) > 0) {}
}

async function latestWhatsAppHandoff(runtime: Runtime): Promise<string> {
  const [row] = await runtime.db
    .select({ id: handoffs.id })
    .from(handoffs)
    .innerJoin(identities, eq(identities.userId, handoffs.userId))
    .where(eq(identities.channel, 'whatsapp'))
    .orderBy(desc(handoffs.createdAt));
  if (!row) throw new Error('no handoff from WhatsApp');
  return row.id;
}

/** Wulan sends a file (and a caption) from the conversation page, as a browser posts the form. */
async function sendFile(runtime: Runtime, handoffId: string, file: File, text = ''): Promise<void> {
  const staff = new AdminClient(runtime.app);
  expect((await staff.login('wulan@jembatan.id')).status).toBe(303);
  await staff.get(`/admin/inbox/${handoffId}`);
  const form = new FormData();
  form.set('text', text);
  form.set('file', file);
  const res = await staff.postMultipart(`/admin/inbox/${handoffId}/reply`, form);
  expect(res.headers.get('location')).toContain('ok=inbox:flash.repliedFile');
  await drain(runtime);
}

describe('a file from the inbox to a person on WhatsApp (Baileys)', () => {
  let h: BaileysHarness;
  beforeAll(async () => {
    h = await startBaileysHarness();
    await createStaff(h.runtime.db, { organisation: 'jembatan', email: 'wulan@jembatan.id', name: 'Wulan' });
  });
  afterAll(() => h.close());

  it('arrives as a document message with the bytes, and a photo as an image message', async () => {
    const person = { pn: '6281399005566', name: 'Rahma' };
    await h.say(person, 'halo');
    await h.say(person, 'bisa ngobrol sama admin ga kak');
    const handoff = await latestWhatsAppHandoff(h.runtime);
    const jid = pnOf(person);
    const sentTo = () => h.sockets.all.flatMap((s) => s.sent).filter((c) => c.jid === jid);

    await sendFile(
      h.runtime,
      handoff,
      new File([PDF], 'Formulir Magang.pdf', { type: 'application/pdf' }),
      'Ini formulirnya ya, Rahma.',
    );
    await waitUntil(() => sentTo().some((c) => 'document' in c.content));
    const document = sentTo().find((c) => 'document' in c.content)!.content as {
      document: Buffer;
      mimetype: string;
      fileName: string;
      caption: string;
    };
    expect(new Uint8Array(document.document)).toEqual(PDF);
    expect(document).toMatchObject({
      mimetype: 'application/pdf',
      fileName: 'Formulir Magang.pdf',
      caption: 'Ini formulirnya ya, Rahma.',
    });

    await sendFile(h.runtime, handoff, new File([JPEG], 'brosur.jpg', { type: 'image/jpeg' }));
    await waitUntil(() => sentTo().some((c) => 'image' in c.content));
    const image = sentTo().find((c) => 'image' in c.content)!.content as { image: Buffer; mimetype: string };
    expect(new Uint8Array(image.image)).toEqual(JPEG);
    expect(image.mimetype).toBe('image/jpeg');
    expect(h.texts(jid).filter((t) => t)).not.toContain('Ini formulirnya ya, Rahma.'); // a caption, not a text
  });
});

describe('a file from the inbox to a person on WhatsApp (Cloud API)', () => {
  let h: CloudHarness;
  beforeAll(async () => {
    h = await startCloudHarness();
    await createStaff(h.runtime.db, { organisation: 'jembatan', email: 'wulan@jembatan.id', name: 'Wulan' });
  });
  afterAll(() => h.close());

  it('uploads the file, then sends it by media id: a PDF as a document, a JPEG as an image', async () => {
    const waId = '6285266770011';
    await h.say(waId, 'permisi');
    await h.say(waId, 'saya mau bicara dengan petugas');
    const handoff = await latestWhatsAppHandoff(h.runtime);
    h.api.reset();

    await sendFile(h.runtime, handoff, new File([PDF], 'jadwal.pdf'), 'Jadwal minggu depan');
    const uploads = h.api.calls.filter((c) => c.path.endsWith('/media'));
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.raw).toContain('%PDF-1.4');
    expect(uploads[0]!.raw).toContain('application/pdf');
    const [document] = h.api.messagesTo(waId);
    expect(document).toMatchObject({
      type: 'document',
      document: {
        id: expect.stringMatching(/^media-/),
        filename: 'jadwal.pdf',
        caption: 'Jadwal minggu depan',
      },
    });

    await sendFile(h.runtime, handoff, new File([JPEG], 'brosur.jpg'));
    const image = h.api.messagesTo(waId).at(-1);
    expect(image).toMatchObject({ type: 'image', image: { id: expect.stringMatching(/^media-/) } });
  });
});
