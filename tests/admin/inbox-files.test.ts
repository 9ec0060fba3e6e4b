import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffs, identities, messages } from '../../src/db/schema';
import { STAFF_FILE_MAX_BYTES } from '../../src/handoff/files';
import { drainOutbox, EXE, tempUploads } from '../applications/helpers';
import { type AdminClient, createStaff, loggedInClient } from '../helpers/admin';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { documentOf } from '../privacy/helpers';

/*
 * Staff send a file from the inbox: the registration form as a PDF, a brochure photo, a Word document.
 * Everything goes through the real dashboard (multipart form with the CSRF token), the outbox and the
 * Bot API stand-in; the bytes live in the document storage, erased with the person.
 */

const ORG = 'lpk-nusantara';
const OTHER = 'bpvp-bekasi';

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Title (Formulir Pendaftaran LPK Nusantara) >> endobj\ntrailer\n%%EOF\n',
);
const PNG = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...new TextEncoder().encode('\x00\x00\x00\x0dIHDR brosur-jahit'),
  ...new Array(300).fill(3),
]);
/** The start of a .docx: a zip whose parts include word/document.xml. */
const DOCX = new TextEncoder().encode(
  `PK\x03\x04\x14\x00\x06\x00[Content_Types].xml${'x'.repeat(200)}PK\x03\x04\x14\x00word/document.xml${'y'.repeat(200)}`,
);

let uploads: string;
let h: Harness;
let dewi: AdminClient;
let id: string;
let userId: string;
const putri = { id: 98_301, firstName: 'Putri' };

const fileOf = (data: Uint8Array, name: string, type = 'application/octet-stream') =>
  new File([data as Uint8Array<ArrayBuffer>], name, { type });

function form(fields: { text?: string; file?: File }): FormData {
  const body = new FormData();
  body.set('text', fields.text ?? '');
  // What a browser posts when no file was chosen: an empty part without a name.
  body.set('file', fields.file ?? new File([], '', { type: 'application/octet-stream' }));
  return body;
}

/** Files kept for the person in the storage folder (`staff-files/<userId>/`). */
function storedFiles(): string[] {
  const folder = join(uploads, 'staff-files', userId);
  return existsSync(folder) ? readdirSync(folder).filter((f) => !f.endsWith('.part')) : [];
}

const staffRows = () =>
  h.runtime.db
    .select()
    .from(messages)
    .where(and(eq(messages.userId, userId), eq(messages.origin, 'staff')))
    .orderBy(messages.id);

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  h = await startHarness({ DEFAULT_ORGANISATION: ORG });
  await createStaff(h.runtime.db, {
    organisation: ORG,
    email: 'dewi@lpk-nusantara.id',
    name: 'Dewi Lestari',
  });
  await createStaff(h.runtime.db, { organisation: OTHER, email: 'agus@bpvp-bekasi.go.id', name: 'Agus' });
  dewi = await loggedInClient(h.runtime.app, 'dewi@lpk-nusantara.id');
  await conversation(h, putri).say('/petugas');
  const [row] = await h.runtime.db
    .select({ id: handoffs.id, userId: handoffs.userId })
    .from(handoffs)
    .innerJoin(identities, eq(identities.userId, handoffs.userId))
    .where(eq(identities.externalId, String(putri.id)));
  id = row!.id;
  userId = row!.userId;
  h.api.reset(); // the bot's "you are in the queue"
});
afterAll(async () => {
  await h.close();
  rmSync(uploads, { recursive: true, force: true });
  delete process.env.UPLOADS_DIR;
});

describe('staff send a file from the inbox', () => {
  it('offers a labelled file field in a multipart form that works without JavaScript', async () => {
    await dewi.get(`/admin/inbox/${id}`);
    const html = dewi.lastHtml;
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('<label for="inbox-reply-file">Lampiran (opsional)</label>');
    expect(html).toMatch(
      /<input type="file" id="inbox-reply-file" name="file" accept="[^"]*\.pdf[^"]*\.docx/,
    );
    expect(html).toContain('PDF, foto (JPG, PNG, WebP), Word, atau Excel, paling besar 5 MB');
    expect(html).not.toMatch(/<textarea id="inbox-reply-text"[^>]*required/);
  });

  it('sends a PDF with a caption: one outbox row holding a reference, sendDocument with the bytes', async () => {
    const caption = 'Ini formulir pendaftarannya ya kak, diisi lalu kirim balik ke sini.';
    const res = await dewi.postMultipart(
      `/admin/inbox/${id}/reply`,
      form({ text: caption, file: fileOf(PDF, 'Formulir Pendaftaran.pdf', 'application/pdf') }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/inbox/${id}?ok=inbox:flash.repliedFile`);
    await dewi.get(res.headers.get('location')!);
    expect(dewi.lastHtml).toContain('Berkas Anda sedang dikirim.');

    // The row holds a reference, not the bytes; the bytes are in the person's storage folder.
    const [row] = await staffRows();
    expect(row).toMatchObject({ direction: 'out', status: 'pending', channel: 'telegram' });
    const body = row!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'file',
      media: 'document',
      fileName: 'Formulir Pendaftaran.pdf',
      mimeType: 'application/pdf',
      size: PDF.byteLength,
      caption,
      author: 'Dewi Lestari',
    });
    expect(String(body.key)).toMatch(new RegExp(`^staff-files/${userId}/[0-9a-f-]{36}\\.pdf$`));
    expect(body).not.toHaveProperty('data');
    expect(storedFiles()).toHaveLength(1);
    expect(new Uint8Array(readFileSync(join(uploads, String(body.key))))).toEqual(PDF);
    // Same bookkeeping as a text reply: taken by Dewi, first response recorded.
    const [handoff] = await h.runtime.db.select().from(handoffs).where(eq(handoffs.id, id));
    expect(handoff).toMatchObject({ status: 'active' });
    expect(handoff!.firstResponseAt).not.toBeNull();

    await drainOutbox(h);
    const sent = h.api.sent('sendDocument', putri.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.caption).toBe(caption);
    expect(documentOf(sent[0]!)).toEqual({
      fileName: 'Formulir Pendaftaran.pdf',
      content: new TextDecoder().decode(PDF),
    });
    expect(h.api.texts(putri.id)).toEqual([]);
    const [delivered] = await staffRows();
    expect(delivered!.status).toBe('sent');
  });

  it('shows the sent file in the log with its name, size and a download for staff only', async () => {
    const res = await dewi.get(`/admin/inbox/${id}/log`, { 'x-requested-with': 'fetch' });
    const part = await res.text();
    expect(part).toContain('Petugas (Dewi Lestari)');
    expect(part).toContain('<span class="badge">Dokumen</span> Formulir Pendaftaran.pdf');
    expect(part).toContain('(1 KB)');
    expect(part).toContain('Ini formulir pendaftarannya ya kak');
    const href = /href="(\/admin\/inbox\/[^"]+\/files\/\d+)"[^>]*>Unduh dokumen/.exec(part)?.[1];
    expect(href).toBeDefined();

    const file = await dewi.get(href!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="Formulir Pendaftaran.pdf"; filename*=UTF-8''Formulir%20Pendaftaran.pdf`,
    );
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);

    const agus = await loggedInClient(h.runtime.app, 'agus@bpvp-bekasi.go.id');
    const outsider = await agus.get(href!);
    expect(outsider.status).toBe(403);
    expect(await outsider.text()).not.toContain('Formulir');
  });

  it('sends a photo as a photo (sendPhoto), with no text needed', async () => {
    await dewi.get(`/admin/inbox/${id}`);
    const res = await dewi.postMultipart(
      `/admin/inbox/${id}/reply`,
      form({ file: fileOf(PNG, 'brosur menjahit.png', 'image/png') }),
    );
    expect(res.status).toBe(303);
    await drainOutbox(h);
    const photos = h.api.sent('sendPhoto', putri.id);
    expect(photos).toHaveLength(1);
    expect(photos[0]!.raw).toContain('filename=brosur menjahit.png');
    expect(photos[0]!.raw).toContain('IHDR brosur-jahit');
    expect(photos[0]!.body.caption).toBeUndefined();
    expect(h.api.sent('sendDocument', putri.id)).toHaveLength(1); // only the PDF before
  });

  it('sends a Word document, checked by its bytes, under the extension of what it really is', async () => {
    await dewi.get(`/admin/inbox/${id}`);
    await dewi.postMultipart(
      `/admin/inbox/${id}/reply`,
      form({ text: 'Jadwal kelas', file: fileOf(DOCX, 'jadwal kelas') }),
    );
    await drainOutbox(h);
    const docs = h.api.sent('sendDocument', putri.id);
    expect(docs).toHaveLength(2);
    expect(docs[1]!.raw).toContain('filename=jadwal kelas.docx');
    expect((await staffRows()).at(-1)!.body).toMatchObject({
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('refuses a wrong type, a file too large, an empty file and a long caption, keeping the text', async () => {
    const before = (await staffRows()).length;
    const files = storedFiles().length;
    h.api.reset();
    await dewi.get(`/admin/inbox/${id}`);

    // A program renamed to .pdf is refused by its bytes.
    let res = await dewi.postMultipart(
      `/admin/inbox/${id}/reply`,
      form({ text: 'Jadwalnya terlampir kak', file: fileOf(EXE, 'jadwal.pdf', 'application/pdf') }),
    );
    expect(res.status).toBe(422);
    expect(dewi.lastHtml).toContain(
      'Jenis berkas ini tidak bisa dikirim. Pilih PDF, foto (JPG, PNG, WebP), Word, atau Excel (tanpa makro).',
    );
    expect(dewi.lastHtml).toContain('Jadwalnya terlampir kak</textarea>');
    expect(dewi.lastHtml).toContain('id="inbox-reply-file" name="file"');
    expect(dewi.lastHtml).toMatch(/id="inbox-reply-file"[^>]*aria-invalid="true"/);

    // Just over the limit, and well over it (still read, so the form can say so).
    const over = new Uint8Array(STAFF_FILE_MAX_BYTES + 1);
    over.set(PDF);
    res = await dewi.postMultipart(
      `/admin/inbox/${id}/reply`,
      form({ text: 'Brosur lengkap', file: fileOf(over, 'brosur.pdf') }),
    );
    expect(res.status).toBe(422);
    expect(dewi.lastHtml).toContain('Berkas terlalu besar: 5.0 MB. Paling besar 5 MB');
    expect(dewi.lastHtml).toContain('Brosur lengkap</textarea>');
    const eight = new Uint8Array(8 * 1024 * 1024);
    eight.set(PDF);
    res = await dewi.postMultipart(`/admin/inbox/${id}/reply`, form({ file: fileOf(eight, 'scan.pdf') }));
    expect(res.status).toBe(422);
    expect(dewi.lastHtml).toContain('Berkas terlalu besar: 8.0 MB');
    // Far beyond: refused before the body is read at all.
    const huge = new Uint8Array(21 * 1024 * 1024);
    res = await dewi.postMultipart(`/admin/inbox/${id}/reply`, form({ file: fileOf(huge, 'video.pdf') }));
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Permintaan terlalu besar');

    await dewi.get(`/admin/inbox/${id}`);
    res = await dewi.postMultipart(
      `/admin/inbox/${id}/reply`,
      form({ text: 'ini', file: fileOf(new Uint8Array(), 'kosong.pdf') }),
    );
    expect(res.status).toBe(422);
    expect(dewi.lastHtml).toContain('Berkas yang dipilih kosong (0 byte). Pilih berkas lain.');

    // With a file the text is a caption (1024 at most); the file must be chosen again.
    const long = 'Mohon dibaca ya kak. '.repeat(55).trim();
    res = await dewi.postMultipart(
      `/admin/inbox/${id}/reply`,
      form({ text: long, file: fileOf(PDF, 'formulir.pdf') }),
    );
    expect(res.status).toBe(422);
    expect(dewi.lastHtml).toContain(`Keterangan berkas terlalu panjang: ${long.length} karakter`);
    expect(dewi.lastHtml).toContain('Pilih berkasnya sekali lagi sebelum mengirim.');
    expect(dewi.lastHtml).toContain(`${long}</textarea>`);

    // Neither text nor file.
    res = await dewi.postMultipart(`/admin/inbox/${id}/reply`, form({ text: '  ' }));
    expect(res.status).toBe(422);
    expect(dewi.lastHtml).toContain('Balasan masih kosong. Tulis pesan atau lampirkan berkas');

    await drainOutbox(h);
    expect(h.api.calls.filter((c) => String(c.body.chat_id) === String(putri.id))).toEqual([]);
    expect(await staffRows()).toHaveLength(before);
    expect(storedFiles()).toHaveLength(files);
  });

  it('refuses another organisation (403) and changes nothing', async () => {
    const before = (await staffRows()).length;
    const files = storedFiles().length;
    const agus = await loggedInClient(h.runtime.app, 'agus@bpvp-bekasi.go.id');
    await agus.get('/admin/inbox');
    const res = await agus.postMultipart(
      `/admin/inbox/${id}/reply`,
      form({ text: 'Dari Bekasi', file: fileOf(PDF, 'lain.pdf') }),
    );
    expect(res.status).toBe(403);
    expect(await staffRows()).toHaveLength(before);
    expect(storedFiles()).toHaveLength(files);
  });

  it('fails a file that vanished from storage once, permanently, without retrying', async () => {
    await dewi.get(`/admin/inbox/${id}`);
    await dewi.postMultipart(`/admin/inbox/${id}/reply`, form({ file: fileOf(PDF, 'hilang.pdf') }));
    const row = (await staffRows()).at(-1)!;
    rmSync(join(uploads, String((row.body as { key: string }).key)));
    h.api.reset();
    await drainOutbox(h);
    await drainOutbox(h);
    expect(h.api.calls.filter((c) => String(c.body.chat_id) === String(putri.id))).toEqual([]);
    const [failed] = await h.runtime.db.select().from(messages).where(eq(messages.id, row.id));
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.error).toContain('stored file not found');
    await dewi.get(`/admin/inbox/${id}`);
    expect(dewi.lastHtml).toContain('gagal terkirim');
  });

  it('refuses a file once the case is closed; /data_saya lists the files and /hapus_data erases them', async () => {
    await dewi.get(`/admin/inbox/${id}`);
    await dewi.post(`/admin/inbox/${id}/close`);
    await dewi.get(`/admin/inbox/${id}`);
    const files = storedFiles().length;
    const late = await dewi.postMultipart(
      `/admin/inbox/${id}/reply`,
      form({ file: fileOf(PDF, 'telat.pdf') }),
    );
    expect(late.status).toBe(303);
    expect(late.headers.get('location')).toContain('error=inbox:flash.alreadyClosed');
    expect(storedFiles()).toHaveLength(files);
    expect(files).toBeGreaterThanOrEqual(3);

    await drainOutbox(h);
    const chat = conversation(h, putri);
    await chat.say('4'); // the rating question after the close
    h.api.reset();
    await chat.say('/data_saya');
    expect(chat.texts().join('\n')).toContain(
      '📎 Berkas dari petugas (4): Formulir Pendaftaran.pdf, brosur menjahit.png, jadwal kelas.docx, dan 1 lainnya',
    );
    const json = JSON.parse(
      h.api
        .sent('sendDocument', putri.id)
        .map(documentOf)
        .find((d) => d.fileName.endsWith('.json'))!.content,
    );
    expect(json.data.staffFiles).toEqual([
      expect.objectContaining({
        fileName: 'Formulir Pendaftaran.pdf',
        mimeType: 'application/pdf',
        status: 'sent',
      }),
      expect.objectContaining({ fileName: 'brosur menjahit.png', mimeType: 'image/png' }),
      expect.objectContaining({ fileName: 'jadwal kelas.docx' }),
      expect.objectContaining({ fileName: 'hilang.pdf', status: 'failed' }),
    ]);

    await chat.say('/hapus_data');
    await chat.press('🗑️ Ya, hapus semua');
    expect(existsSync(join(uploads, 'staff-files', userId))).toBe(false);
    await h.runtime.marker.flush();
    await h.runtime.privacy.tick();
    expect(existsSync(join(uploads, 'staff-files', userId))).toBe(false);
    const left = await h.runtime.db.execute(
      sql`select count(*)::int as n from messages where user_id = ${userId}`,
    );
    expect(JSON.stringify(left)).toContain('"n":0');
  });
});
