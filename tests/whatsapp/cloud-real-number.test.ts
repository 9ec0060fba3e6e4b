import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWhatsAppCloud, whatsappSettings } from '../../src/channels/whatsapp';
import { pnJid } from '../../src/channels/whatsapp/jid';
import { loadConfig } from '../../src/config';
import { rowsOf } from '../../src/db/rows';
import { identities, messages } from '../../src/db/schema';
import { silentLogger } from '../../src/logger';
import { SenderRegistry } from '../../src/outbox/sender';
import { type CloudHarness, startCloudHarness } from '../helpers/whatsapp';
import { CLOUD_APP_SECRET, CLOUD_PHONE_ID, CLOUD_TOKEN, statusBody } from '../helpers/whatsapp-cloud';

/*
 * Issue #16 on the Cloud API, against the Graph API stand-in: a message refused outside the 24-hour
 * window goes out (once) when the person writes again, also when the refusal (131047) came later as a
 * status; a pair rate limit (131056) holds one person only; media downloads send a User-Agent and check
 * what came back; the Graph API version is configurable with a supported default.
 */

let h: CloudHarness;
beforeAll(async () => {
  h = await startCloudHarness({ WA_CLOUD_TEMPLATE: 'jembatan_lanjut' });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

let next = 6281399900000;
const phone = () => String(next++);

async function queueNotice(waId: string, text: string, origin = 'staff'): Promise<number> {
  const [identity] = await h.runtime.db
    .select({ id: identities.id, userId: identities.userId })
    .from(identities)
    .where(and(eq(identities.channel, 'whatsapp'), eq(identities.externalId, pnJid(waId))));
  const [row] = await h.runtime.db
    .insert(messages)
    .values({
      userId: identity!.userId,
      identityId: identity!.id,
      channel: 'whatsapp',
      direction: 'out',
      origin,
      body: { type: 'text', text },
      status: 'pending',
    })
    .returning({ id: messages.id });
  return row!.id;
}

async function rowOf(id: number) {
  const [row] = await h.runtime.db
    .select({
      status: messages.status,
      error: messages.error,
      pid: messages.platformMessageId,
      availableAt: messages.availableAt,
    })
    .from(messages)
    .where(eq(messages.id, id));
  return row!;
}

const windowClosed = (waId: string) =>
  h.runtime.db
    .update(identities)
    .set({ lastSeenAt: sql`now() - interval '25 hours'` })
    .where(eq(identities.externalId, pnJid(waId)));

/** One drain, or 'waited' when it takes longer than `ms` (a paused channel waits out its pause). */
function drainWithin(ms: number): Promise<'drained' | 'waited'> {
  return Promise.race([
    h.runtime.dispatcher.drainOnce().then(() => 'drained' as const),
    new Promise<'waited'>((r) => setTimeout(() => r('waited'), ms)),
  ]);
}

/** Drains the outbox until nothing more is due (or 5 seconds passed). */
async function drain(): Promise<void> {
  const end = Date.now() + 5_000;
  while ((await h.runtime.dispatcher.drainOnce()) > 0 && Date.now() < end) {}
}

describe('the 24-hour window (point 8)', () => {
  it('a message refused outside the window is sent once the person writes again — once', async () => {
    const p = phone();
    await h.say(p, '/start');
    await windowClosed(p);
    h.api.reset();
    const id = await queueNotice(p, 'Selamat, kamu diterima di Pelatihan Las Surabaya!');
    await drain();
    expect(await rowOf(id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/24-hour window/),
    });
    expect(h.api.messagesTo(p).map((m) => m.type)).toEqual(['template']); // the re-engagement template
    // The person answers the template: the notice goes out after all.
    await h.say(p, 'halo kak');
    await drain();
    expect(await rowOf(id)).toMatchObject({ status: 'sent', error: null });
    expect(h.texts(p)).toContain('Selamat, kamu diterima di Pelatihan Las Surabaya!');
    // Refused again later, it is not sent a second time.
    await h.runtime.db
      .update(messages)
      .set({
        status: 'failed',
        error: 'outside the 24-hour window (no template configured or one sent today)',
      })
      .where(eq(messages.id, id));
    await h.say(p, 'menu');
    await drain();
    expect((await rowOf(id)).status).toBe('failed');
    expect(h.texts(p).filter((t) => t.startsWith('Selamat, kamu diterima'))).toHaveLength(1);
  });

  it('a 131047 that arrives later as a status is handled the same way', async () => {
    const p = phone();
    await h.say(p, '/start');
    const id = await queueNotice(p, 'Jadwal wawancara: Senin 09.00.', 'notice');
    await drain();
    const { pid } = await rowOf(id);
    expect(pid).toMatch(/^wamid\./);
    await h.post(statusBody(p, pid!, 'failed', [{ code: 131047, title: 'Re-engagement message' }]));
    expect(await rowOf(id)).toMatchObject({ status: 'failed', error: '131047: Re-engagement message' });
    h.api.reset();
    await h.say(p, 'oke');
    await drain();
    expect((await rowOf(id)).status).toBe('sent');
    expect(h.texts(p)).toContain('Jadwal wawancara: Senin 09.00.');
  });

  it('bot replies to old screens and other failures are not resent', async () => {
    const p = phone();
    await h.say(p, '/start');
    await windowClosed(p);
    const stale = await queueNotice(p, 'Pilih salah satu: …', 'bot');
    const other = await queueNotice(p, 'Dokumen rusak.');
    await h.runtime.db
      .update(messages)
      .set({
        status: 'failed',
        error: 'outside the 24-hour window (no template configured or one sent today)',
      })
      .where(eq(messages.id, stale));
    await h.runtime.db
      .update(messages)
      .set({ status: 'failed', error: '131026: Message undeliverable' })
      .where(eq(messages.id, other));
    await h.say(p, 'halo');
    await drain();
    expect((await rowOf(stale)).status).toBe('failed');
    expect((await rowOf(other)).status).toBe('failed');
  });
});

describe('per-recipient limits (point 9)', () => {
  it('131056 holds that person only; the channel goes on for everyone else', async () => {
    const limited = phone();
    const other = phone();
    await h.say(limited, '/start');
    await h.say(other, '/start');
    h.api.reset();
    h.api.behaviour = (call) =>
      call.path.endsWith('/messages') && call.body.to === limited
        ? { status: 400, body: { error: { code: 131056, message: '(#131056) pair rate limit hit' } } }
        : undefined;
    const held = await queueNotice(limited, 'Pengingat 1');
    const heldToo = await queueNotice(limited, 'Pengingat 2');
    const sent = await queueNotice(other, 'Pengingat untuk yang lain');
    expect(await drainWithin(3_000)).toBe('drained');
    const first = await rowOf(held);
    expect(first).toMatchObject({ status: 'pending', error: 'rate limited (recipient)' });
    expect(first.availableAt.getTime() - Date.now()).toBeGreaterThan(30_000);
    expect((await rowOf(heldToo)).availableAt.getTime() - Date.now()).toBeGreaterThan(30_000);
    expect((await rowOf(sent)).status).toBe('sent');
    // Nothing paused the channel: the next message to someone else goes at once.
    const later = await queueNotice(other, 'Satu lagi');
    expect(await drainWithin(3_000)).toBe('drained');
    expect((await rowOf(later)).status).toBe('sent');
    expect(h.api.messagesTo(limited)).toHaveLength(1); // tried once, the second waited with it
    const pauses = rowsOf(
      await h.runtime.db.execute(sql`select 1 from outbox_channel_pauses where paused_until > now()`),
    );
    expect(pauses).toHaveLength(0);
  });
});

describe('media and the Graph API version (point 10)', () => {
  it('downloads media with a User-Agent', async () => {
    const file = await h.runtime.whatsappCloud!.download('cloud:media-in-7');
    expect(Buffer.from(file!.data).toString()).toBe('JPEGDATA');
    const download = h.api.calls.find((c) => c.path.includes('/files/'))!;
    expect(download.userAgent).toMatch(/^Jembatan\//);
    expect(download.auth).toBe(`Bearer ${CLOUD_TOKEN}`);
  });

  it('refuses what is not the file: a web page, or another type than the media’s', async () => {
    h.api.behaviour = (call) =>
      call.path.includes('/files/')
        ? { status: 200, body: '<!DOCTYPE html><html>Login</html>', type: 'text/html; charset=utf-8' }
        : undefined;
    await expect(h.runtime.whatsappCloud!.download('cloud:media-in-8')).rejects.toThrow(/text\/html/);
    h.api.behaviour = (call) =>
      call.path.includes('/files/') ? { status: 200, body: '%PDF-1.4', type: 'application/pdf' } : undefined;
    await expect(h.runtime.whatsappCloud!.download('cloud:media-in-9')).rejects.toThrow(/application\/pdf/);
  });

  it('uses a currently supported Graph API version by default, and the configured one when set', () => {
    const wiring = (env: Record<string, string>) =>
      createWhatsAppCloud({
        config: loadConfig({
          WA_CLOUD_ACCESS_TOKEN: CLOUD_TOKEN,
          WA_CLOUD_PHONE_NUMBER_ID: CLOUD_PHONE_ID,
          WA_CLOUD_APP_SECRET: CLOUD_APP_SECRET,
          ...env,
        }),
        settings: whatsappSettings({}),
        engine: h.runtime.engine,
        db: h.runtime.db,
        senders: new SenderRegistry(),
        logger: silentLogger,
      })!.options.apiRoot;
    expect(wiring({})).toBe('https://graph.facebook.com/v25.0');
    expect(wiring({ WA_CLOUD_API_VERSION: 'v26.0' })).toBe('https://graph.facebook.com/v26.0');
    expect(() =>
      wiring({ WA_CLOUD_API_ROOT: 'https://graph.facebook.com/v21.0', WA_CLOUD_API_VERSION: 'v25.0' }),
    ).toThrow(/WA_CLOUD_API_VERSION/);
  });
});
