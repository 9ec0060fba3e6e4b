import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { pnJid } from '../../src/channels/whatsapp/jid';
import { identities, messages, processedEvents, users } from '../../src/db/schema';
import { silentLogger } from '../../src/logger';
import { SendError } from '../../src/outbox/sender';
import { type CloudHarness, startCloudHarness } from '../helpers/whatsapp';
import {
  buttonReplyBody,
  CLOUD_APP_SECRET,
  CLOUD_VERIFY_TOKEN,
  messageBody,
  signed,
  statusBody,
  textBody,
  wamid,
  webhookBody,
} from '../helpers/whatsapp-cloud';

let h: CloudHarness;
beforeAll(async () => {
  h = await startCloudHarness({ WA_CLOUD_TEMPLATE: 'jembatan_lanjut', WA_CLOUD_TEMPLATE_LANGUAGE: 'id' });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

let next = 6281377700000;
const phone = () => String(next++);

async function counts() {
  const [e] = await h.runtime.db.select({ n: count() }).from(processedEvents);
  const [m] = await h.runtime.db.select({ n: count() }).from(messages);
  const [u] = await h.runtime.db.select({ n: count() }).from(users);
  return [e!.n, m!.n, u!.n];
}

const INDONESIAN = 'Halo kak 🙏 aku mau ikut pelatihan las di Surabaya, gimana caranya? 👷‍♀️🔥';

describe('Cloud API webhook: verification handshake', () => {
  const get = (query: string) => h.runtime.app.request(`/webhooks/whatsapp?${query}`);

  it('echoes hub.challenge for the right verify token', async () => {
    const res = await get(
      `hub.mode=subscribe&hub.verify_token=${CLOUD_VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1158201444');
  });

  it('answers 403 to a wrong token, a wrong mode or a missing challenge', async () => {
    for (const query of [
      'hub.mode=subscribe&hub.verify_token=verify-me_124&hub.challenge=1',
      'hub.mode=subscribe&hub.verify_token=&hub.challenge=1',
      'hub.mode=subscribe&hub.challenge=1',
      `hub.mode=unsubscribe&hub.verify_token=${CLOUD_VERIFY_TOKEN}&hub.challenge=1`,
      `hub.mode=subscribe&hub.verify_token=${CLOUD_VERIFY_TOKEN}`,
    ])
      expect((await get(query)).status, query).toBe(403);
  });
});

describe('Cloud API webhook: signatures', () => {
  it('a correctly signed message with Indonesian text and emoji is answered', async () => {
    const p = phone();
    const res = await h.post(textBody({ waId: p, name: 'Siti Rahma' }, INDONESIAN));
    expect(res.status).toBe(200);
    const [inbound] = await h.runtime.db
      .select({ body: messages.body })
      .from(messages)
      .innerJoin(identities, eq(identities.id, messages.identityId))
      .where(and(eq(identities.externalId, pnJid(p)), eq(messages.direction, 'in')));
    expect(inbound?.body).toEqual({ type: 'text', text: INDONESIAN });
    expect(h.texts(p)[0]).toContain('Halo, Siti!');
  });

  it('verifies the raw bytes: \\u-escaped emoji as Meta sends them', async () => {
    const p = phone();
    // Meta escapes every non-ASCII UTF-16 unit: "🙏" arrives as "\ud83d\ude4f".
    const raw = JSON.stringify(textBody({ waId: p }, INDONESIAN)).replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    expect(raw).toContain('\\ud83d');
    const { signBody } = await import('../../src/channels/whatsapp/cloud/signature');
    const res = await h.runtime.app.request('/webhooks/whatsapp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Hub-Signature-256': signBody(raw, CLOUD_APP_SECRET),
      },
      body: raw,
    });
    expect(res.status).toBe(200);
    expect(h.texts(p)).toHaveLength(2);
  });

  it('rejects missing, forged and mismatched signatures with 401 — nothing stored, nothing sent', async () => {
    const p = phone();
    const body = textBody({ waId: p }, INDONESIAN);
    const before = await counts();
    const wrongSecret = signed(body, 'another-secret').signature;
    const good = signed(body).signature;
    const cases: Array<string | null> = [
      null,
      '',
      wrongSecret,
      good.replace('sha256=', 'sha1='),
      good.toUpperCase(),
      `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`,
      good.slice('sha256='.length),
    ];
    for (const signature of cases)
      expect((await h.post(body, signature)).status, String(signature)).toBe(401);
    // The signature of the compact body does not cover a re-serialised one.
    const res = await h.runtime.app.request('/webhooks/whatsapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Hub-Signature-256': good },
      body: JSON.stringify(body, null, 2),
    });
    expect(res.status).toBe(401);
    expect(await counts()).toEqual(before);
    expect(h.api.calls).toHaveLength(0);
  });

  it('answers 400 to a signed body that is not JSON, and 404 when the Cloud API is not configured', async () => {
    const { signBody } = await import('../../src/channels/whatsapp/cloud/signature');
    const raw = '{"object":';
    const res = await h.runtime.app.request('/webhooks/whatsapp', {
      method: 'POST',
      headers: { 'X-Hub-Signature-256': signBody(raw, CLOUD_APP_SECRET) },
      body: raw,
    });
    expect(res.status).toBe(400);
    const bare = createApp({ db: h.runtime.db, logger: silentLogger });
    expect((await bare.request('/webhooks/whatsapp', { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await bare.request('/webhooks/whatsapp?hub.mode=subscribe')).status).toBe(404);
  });

  it('ignores messages for another phone number id of the same app', async () => {
    const p = phone();
    const before = await counts();
    const body = webhookBody(
      { messages: [{ from: p, id: wamid(), timestamp: '1763900000', type: 'text', text: { body: 'halo' } }] },
      '999999999',
    );
    expect((await h.post(body)).status).toBe(200);
    expect(await counts()).toEqual(before);
  });
});

describe('Cloud API webhook: message kinds', () => {
  const lastInbound = async (p: string) => {
    const rows = await h.runtime.db
      .select({ body: messages.body })
      .from(messages)
      .innerJoin(identities, eq(identities.id, messages.identityId))
      .where(and(eq(identities.externalId, pnJid(p)), eq(messages.direction, 'in')))
      .orderBy(sql`${messages.id} desc`)
      .limit(1);
    return rows[0]?.body;
  };

  it('image, document, location and contacts become the engine’s payloads', async () => {
    const p = phone();
    await h.say(p, '/start');
    await h.post(
      messageBody(
        { waId: p },
        {
          type: 'image',
          image: { id: 'media-in-1', mime_type: 'image/jpeg', sha256: 'x', caption: 'KTP 🙏' },
        },
      ),
    );
    expect(await lastInbound(p)).toEqual({
      type: 'media',
      mediaKind: 'photo',
      fileRef: 'cloud:media-in-1',
      mimeType: 'image/jpeg',
      caption: 'KTP 🙏',
    });
    const file = await h.runtime.whatsappCloud!.download('cloud:media-in-1');
    expect(Buffer.from(file!.data).toString()).toBe('JPEGDATA');
    await h.post(
      messageBody(
        { waId: p },
        {
          type: 'document',
          document: { id: 'media-in-2', filename: 'ijazah.pdf', mime_type: 'application/pdf' },
        },
      ),
    );
    expect(await lastInbound(p)).toMatchObject({
      mediaKind: 'document',
      fileName: 'ijazah.pdf',
      fileRef: 'cloud:media-in-2',
    });
    await h.post(
      messageBody(
        { waId: p },
        { type: 'location', location: { latitude: -6.2, longitude: 106.8167, name: 'Jakarta' } },
      ),
    );
    expect(await lastInbound(p)).toEqual({ type: 'location', latitude: -6.2, longitude: 106.8167 });
    await h.post(
      messageBody(
        { waId: p },
        {
          type: 'contacts',
          contacts: [
            {
              name: { formatted_name: 'Ibu' },
              phones: [{ phone: '+62 812-9876-5432', wa_id: '6281298765432', type: 'CELL' }],
            },
          ],
        },
      ),
    );
    expect(await lastInbound(p)).toEqual({ type: 'contact', phone: '+6281298765432', isOwn: false });
  });

  it('a reaction needs no answer; an unknown type gets a gentle hint', async () => {
    const p = phone();
    await h.say(p, '/start');
    h.api.reset();
    await h.post(
      messageBody({ waId: p }, { type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } }),
    );
    expect(h.api.calls).toHaveLength(0);
    await h.post(
      messageBody(
        { waId: p },
        { type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown' }] },
      ),
    );
    expect(h.texts(p)[0]).toContain('aku hanya bisa membaca pesan teks');
  });

  it('a reply-button tap is the choice of the current screen', async () => {
    const p = phone();
    await h.say(p, '/start');
    const menu = h.api.messagesTo(p).at(-1) as {
      interactive: { action: { sections: Array<{ rows: Array<{ id: string; title: string }> }> } };
    };
    const row = menu.interactive.action.sections[0]!.rows[4]!;
    await h.post(buttonReplyBody({ waId: p }, row.id, row.title));
    expect(h.texts(p).at(-1)).toContain('Pengaturan & privasi');
  });

  it('choices that do not fit a list (titles over 24 characters) are numbered text', async () => {
    const p = phone();
    await h.say(p, '/start');
    await h.say(p, '5'); // settings: long labels
    const settings = h.api.messagesTo(p).at(-1) as { type: string; text: { body: string } };
    expect(settings.type).toBe('text');
    expect(settings.text.body).toMatch(/\n1\. .+\n2\. /);
    expect(settings.text.body).toContain('Balas dengan angka 1–');
  });
});

describe('Cloud API webhook: delivery statuses', () => {
  async function outbound(p: string) {
    return h.runtime.db
      .select({
        id: messages.id,
        status: messages.status,
        pid: messages.platformMessageId,
        error: messages.error,
      })
      .from(messages)
      .innerJoin(identities, eq(identities.id, messages.identityId))
      .where(and(eq(identities.externalId, pnJid(p)), eq(messages.direction, 'out')))
      .orderBy(messages.id);
  }

  it('update the outbox row by platform message id, only forwards', async () => {
    const p = phone();
    await h.say(p, '/start');
    await h.runtime.marker.flush();
    const [greeting, menu] = await outbound(p);
    expect(greeting!.pid).toMatch(/^wamid\.TEST/);
    await h.post(statusBody(p, greeting!.pid!, 'sent'));
    await h.post(statusBody(p, greeting!.pid!, 'delivered'));
    expect((await outbound(p))[0]!.status).toBe('delivered');
    await h.post(statusBody(p, greeting!.pid!, 'read'));
    await h.post(statusBody(p, greeting!.pid!, 'delivered')); // late
    expect((await outbound(p))[0]!.status).toBe('read');
    await h.post(statusBody(p, menu!.pid!, 'failed', [{ code: 131026, title: 'Message undeliverable' }]));
    expect((await outbound(p))[1]).toMatchObject({
      status: 'failed',
      error: '131026: Message undeliverable',
    });
  });

  it('a forged status changes nothing', async () => {
    const p = phone();
    await h.say(p, '/start');
    await h.runtime.marker.flush();
    const [greeting] = await outbound(p);
    expect((await h.post(statusBody(p, greeting!.pid!, 'failed'), 'sha256=00')).status).toBe(401);
    expect((await outbound(p))[0]!.status).toBe('sent');
  });
});

describe('Cloud API: the 24-hour window', () => {
  it('outside the window a message fails clearly and the template goes out once a day', async () => {
    const p = phone();
    await h.say(p, '/start');
    await h.runtime.db
      .update(identities)
      .set({ lastSeenAt: sql`now() - interval '25 hours'` })
      .where(eq(identities.externalId, pnJid(p)));
    h.api.reset();
    const sender = h.runtime.senders.get('whatsapp')!;
    const notice = { type: 'text' as const, text: 'Pendaftaran pelatihan las dibuka besok.' };
    const error = await sender.send(pnJid(p), notice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).failure.kind).toBe('permanent');
    expect((error as SendError).message).toMatch(/24-hour window; re-engagement template sent/);
    expect(h.api.messagesTo(p)).toEqual([
      expect.objectContaining({
        type: 'template',
        template: { name: 'jembatan_lanjut', language: { code: 'id' } },
      }),
    ]);
    const again = await sender.send(pnJid(p), notice).catch((e: unknown) => e);
    expect((again as SendError).message).toMatch(
      /24-hour window \(no template configured or one sent today\)/,
    );
    expect(h.api.messagesTo(p)).toHaveLength(1);
    // The person answers: the window is open again and the conversation simply goes on.
    await h.say(p, 'menu');
    expect(h.texts(p).at(-1)).toContain('Mau mulai dari mana?');
  });

  it('maps Graph API errors onto the outbox: rate limits wait, closed windows and bad requests fail', async () => {
    const p = phone();
    await h.say(p, '/start');
    const sender = h.runtime.senders.get('whatsapp')!;
    const kindOf = async (status: number, code: number) => {
      h.api.behaviour = () => ({ status, body: { error: { code, message: `error ${code}` } } });
      const error = (await sender
        .send(pnJid(p), { type: 'text', text: 'x' })
        .catch((e: unknown) => e)) as SendError;
      return error.failure.kind;
    };
    expect(await kindOf(429, 130429)).toBe('rate_limited');
    expect(await kindOf(400, 131056)).toBe('rate_limited');
    expect(await kindOf(400, 131047)).toBe('permanent');
    expect(await kindOf(400, 100)).toBe('permanent');
    expect(await kindOf(500, 131000)).toBe('transient');
    expect(await kindOf(503, 1)).toBe('transient');
  });

  it('sends a document by uploading it first', async () => {
    const p = phone();
    await h.say(p, '/start');
    h.api.reset();
    const sender = h.runtime.senders.get('whatsapp')!;
    const ok = await sender.send(pnJid(p), {
      type: 'document',
      fileName: 'bukti-pendaftaran.pdf',
      mimeType: 'application/pdf',
      data: Buffer.from('%PDF-1.4 test').toString('base64'),
      caption: 'Bukti pendaftaranmu',
    });
    expect(ok.platformMessageId).toMatch(/^wamid\./);
    expect(h.api.calls.map((c) => c.path)).toEqual([
      '/v21.0/109876543210/media',
      '/v21.0/109876543210/messages',
    ]);
    expect(h.api.calls[0]!.raw).toContain('%PDF-1.4 test');
    expect(h.api.messagesTo(p)[0]).toMatchObject({
      type: 'document',
      document: {
        id: expect.stringMatching(/^media-/),
        filename: 'bukti-pendaftaran.pdf',
        caption: 'Bukti pendaftaranmu',
      },
    });
  });
});
