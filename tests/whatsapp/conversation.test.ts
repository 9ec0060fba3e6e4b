import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processedEvents } from '../../src/db/schema';
import type { Runtime } from '../../src/runtime';
import {
  type BaileysHarness,
  type CloudHarness,
  startBaileysHarness,
  startCloudHarness,
} from '../helpers/whatsapp';
import { listReplyBody, textBody, wamid } from '../helpers/whatsapp-cloud';
import { messageId, pnOf } from '../helpers/whatsapp-messages';

/*
 * The conversation scenarios of tests/telegram/webhook.test.ts, on both WhatsApp transports: the same
 * engine and the same words, rendered as numbered text (Baileys) or as WhatsApp lists and buttons
 * where they fit (Cloud API) — typed numbers work on both.
 */

interface Driver {
  runtime(): Runtime;
  say(phone: string, text: string, id?: string): Promise<void>;
  /** What the person read, in order (interactive messages: their body). */
  texts(phone: string): string[];
  /** The options of the last message with choices, as the person sees them. */
  lastOptions(phone: string): string[];
  close(): Promise<void>;
}

function baileysDriver(h: BaileysHarness): Driver {
  return {
    runtime: () => h.runtime,
    say: (phone, text, id) => h.say({ pn: phone, name: 'Rina Wati' }, text, id ? { id } : {}),
    texts: (phone) => h.texts(pnOf({ pn: phone })),
    lastOptions(phone) {
      const withChoices = h.texts(pnOf({ pn: phone })).filter((t) => /\n1\. /.test(t));
      const last = withChoices.at(-1) ?? '';
      return [...last.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]!);
    },
    close: () => h.close(),
  };
}

function cloudDriver(h: CloudHarness): Driver {
  return {
    runtime: () => h.runtime,
    async say(phone, text, id) {
      const res = await h.post(textBody({ waId: phone, name: 'Rina Wati' }, text, id ?? wamid()));
      expect(res.status).toBe(200);
    },
    texts: (phone) => h.texts(phone),
    lastOptions(phone) {
      const last = h.api
        .messagesTo(phone)
        .filter((m) => m.type === 'interactive')
        .at(-1) as { interactive: InteractiveBody } | undefined;
      return last ? optionsOf(last.interactive) : [];
    },
    close: () => h.close(),
  };
}

interface InteractiveBody {
  type: 'button' | 'list';
  action: {
    buttons?: Array<{ reply: { id: string; title: string } }>;
    sections?: Array<{ rows: Array<{ id: string; title: string }> }>;
  };
}

function optionsOf(interactive: InteractiveBody): string[] {
  return interactive.type === 'button'
    ? (interactive.action.buttons ?? []).map((b) => b.reply.title)
    : (interactive.action.sections ?? []).flatMap((s) => s.rows.map((r) => r.title));
}

const MENU = [
  '🔎 Cari program',
  '✅ Cek kelayakan',
  '📄 Lamaran saya',
  '🙋 Bicara dengan petugas',
  '⚙️ Pengaturan & privasi',
];

let nextPhone = 6281234500000;
const phone = () => String(nextPhone++);

describe.each([
  ['Baileys', async () => baileysDriver(await startBaileysHarness())],
  ['Cloud API', async () => cloudDriver(await startCloudHarness())],
])('WhatsApp conversation (%s)', (name, start) => {
  let d: Driver;
  beforeAll(async () => {
    d = await start();
  });
  afterAll(async () => {
    await d.close();
  });

  it('greets on /start in Indonesian, with the five-entry main menu', async () => {
    const p = phone();
    await d.say(p, '/start');
    const texts = d.texts(p);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Halo, Rina!');
    expect(texts[1]).toContain('Mau mulai dari mana?');
    expect(d.lastOptions(p)).toEqual(MENU);
    if (name === 'Baileys') expect(texts[1]).toContain('Balas dengan angka 1–5.');
    else expect(texts[1]).not.toContain('Balas dengan angka');
  });

  it('greets a first message that is not a command as well', async () => {
    const p = phone();
    await d.say(p, 'halo kak');
    expect(d.texts(p)[0]).toContain('Halo, Rina!');
  });

  it('accepts a typed number for a choice ("5" opens settings)', async () => {
    const p = phone();
    await d.say(p, '/start');
    await d.say(p, '5');
    expect(d.texts(p).at(-1)).toContain('Pengaturan & privasi');
  });

  it('understands the choice in words too ("yang kelima", "lima")', async () => {
    const p = phone();
    await d.say(p, '/start');
    await d.say(p, 'yang kelima');
    expect(d.texts(p).at(-1)).toContain('Pengaturan & privasi');
    await d.say(p, 'menu');
    await d.say(p, 'lima');
    expect(d.texts(p).at(-1)).toContain('Pengaturan & privasi');
  });

  it('handles the same message id twice only once', async () => {
    const p = phone();
    const id = name === 'Baileys' ? messageId() : wamid();
    await d.say(p, '/start', id);
    await d.say(p, '/start', id);
    expect(d.texts(p)).toHaveLength(2);
    const [row] = await d
      .runtime()
      .db.select({ n: count() })
      .from(processedEvents)
      .where(eq(processedEvents.eventId, id));
    expect(row!.n).toBe(1);
  });

  it('"menu" works anywhere', async () => {
    const p = phone();
    await d.say(p, '/start');
    await d.say(p, '5');
    await d.say(p, 'menu');
    expect(d.texts(p).at(-1)).toContain('Mau mulai dari mana?');
    expect(d.lastOptions(p)).toEqual(MENU);
  });

  it('never stays silent on text it does not understand, and offers a person after two misses', async () => {
    const p = phone();
    await d.say(p, '/start');
    await d.say(p, 'asdfgh qwerty');
    expect(d.texts(p).at(-2)).toContain('belum paham');
    expect(d.texts(p).at(-1)).toContain('Mau mulai dari mana?');
    await d.say(p, 'zzz??');
    expect(d.texts(p).at(-2)).toContain('Bicara dengan petugas');
  });

  it('puts a person who asks for staff in the queue, with the working hours', async () => {
    const p = phone();
    await d.say(p, '/start');
    await d.say(p, 'petugas');
    expect(d.texts(p).at(-1)).toMatch(/antrean petugas.*WIB/s);
  });

  it('takes the typed "1" under the waiting notice as "back to the bot" (no dead end on numbered choices)', async () => {
    const p = phone();
    await d.say(p, '/start');
    await d.say(p, 'petugas');
    expect(d.lastOptions(p)).toEqual(['Batal, kembali ke bot']);
    const before = d.texts(p).length;
    await d.say(p, '1');
    expect(d.texts(p).slice(before).join('\n')).toContain('petugas dibatalkan');
  });

  it('switches language with "bahasa" and a typed number', async () => {
    const p = phone();
    await d.say(p, '/start');
    await d.say(p, 'bahasa');
    await d.say(p, '2'); // English
    expect(d.texts(p).at(-1)).toMatch(/Language changed to English|English/);
    await d.say(p, 'menu');
    expect(d.texts(p).at(-1)).not.toContain('Mau mulai dari mana?');
  });
});

describe('WhatsApp conversation (Cloud API): taps', () => {
  let h: CloudHarness;
  beforeAll(async () => {
    h = await startCloudHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('a tap on a list row opens the entry; a row of an older screen is stale', async () => {
    const p = phone();
    await h.say(p, '/start');
    const menu = h.api.messagesTo(p).at(-1) as { interactive: InteractiveBody };
    expect(menu.interactive.type).toBe('list');
    const rows = menu.interactive.action.sections![0]!.rows;
    expect(rows.every((r) => /^[\w-]+:\d+$/.test(r.id))).toBe(true);
    await h.post(listReplyBody({ waId: p }, rows[4]!.id, rows[4]!.title));
    expect(h.texts(p).at(-1)).toContain('Pengaturan & privasi');
    // The menu screen was replaced by settings: its rows no longer match.
    await h.post(listReplyBody({ waId: p }, rows[0]!.id, rows[0]!.title));
    expect(h.texts(p).at(-2)).toContain('sudah tidak berlaku');
  });
});
