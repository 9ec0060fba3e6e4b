import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { identities, messages, processedEvents, users } from '../../src/db/schema';
import { type Harness, startHarness, TEST_SECRET } from '../helpers/harness';
import { capturedLogger } from '../helpers/log-lines';
import { callbackUpdate, messageUpdate, textUpdate } from '../helpers/telegram';

/*
 * What reaches the webhook with the right secret but should never reach the engine as it is: malformed
 * updates (issue #18.4), bodies far larger than any update (#18.5), and identity edges (#18.6).
 */

let h: Harness;
const log = capturedLogger('warn');
let nextPerson = 81_000;
const person = (firstName = 'Sari') => ({ id: nextPerson++, firstName });

beforeAll(async () => {
  h = await startHarness({}, { logger: log.logger });
});
afterAll(() => h.close());
beforeEach(() => {
  h.api.reset();
  log.lines.length = 0;
});

async function stored(): Promise<number[]> {
  return Promise.all(
    [processedEvents, messages, users].map(async (table) => {
      const [row] = await h.runtime.db.select({ n: count() }).from(table);
      return row!.n;
    }),
  );
}

function postRaw(body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return h.runtime.app.request('/webhooks/telegram', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'X-Telegram-Bot-Api-Secret-Token': TEST_SECRET,
      ...headers,
    },
    body,
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
}

/** A body of `total` bytes produced on demand; `pulled()` says how much of it the server read. */
function lazyBody(total: number, chunk = 64 * 1024) {
  let sent = 0;
  const piece = new Uint8Array(chunk).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(n === chunk ? piece : piece.subarray(0, n));
    },
  });
  return { stream, pulled: () => sent };
}

describe('malformed updates with the right secret (#18.4)', () => {
  const cases: Array<[string, (id: number) => unknown]> = [
    ['an empty message', (id) => ({ update_id: id, message: {} })],
    [
      'a callback query without from',
      (id) => ({
        update_id: id,
        callback_query: {
          id: 'cb-1',
          data: 'x:1',
          chat_instance: 'c',
          message: { chat: { id: 5, type: 'private' } },
        },
      }),
    ],
    [
      'a photo list holding null',
      (id) => ({
        update_id: id,
        message: {
          message_id: 1,
          date: 1,
          chat: { id: 91_001, type: 'private' },
          from: { id: 91_001, is_bot: false, first_name: 'Sari' },
          photo: [null],
        },
      }),
    ],
    ['an empty my_chat_member', (id) => ({ update_id: id, my_chat_member: {} })],
    [
      'a group message without a chat id',
      (id) => ({ update_id: id, message: { message_id: 1, date: 1, chat: { type: 'supergroup' } } }),
    ],
    ['text that is not a string', (id) => textWith(id, { text: { evil: true } })],
    ['JSON that is not an update at all', () => ({ hello: 'world' })],
    ['an array', () => [1, 2, 3]],
  ];

  it.each(cases)('%s: 200, nothing stored or sent, one warning naming the path', async (_name, make) => {
    const before = await stored();
    const res = await postRaw(JSON.stringify(make(700_000 + Math.floor(Math.random() * 1e6))));
    expect(res.status).toBe(200);
    expect(await stored()).toEqual(before);
    expect(h.api.calls).toHaveLength(0);
    const warnings = log.lines.filter((l) => l.msg === 'malformed telegram update ignored');
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0]!.problems)).toMatch(/: /);
  });

  it('a well-formed update of the same person still works afterwards', async () => {
    const p = person();
    await postRaw(JSON.stringify({ update_id: 990_001, message: {} }));
    expect((await h.post(textUpdate(p, '/start'))).status).toBe(200);
    expect(h.api.texts(p.id)[0]).toContain('Halo');
  });

  it('unparseable JSON is still 400 (damaged on the way: a redelivery may succeed)', async () => {
    expect((await postRaw('{"update_id": 1, "message": {')).status).toBe(400);
  });
});

function textWith(updateId: number, extra: Record<string, unknown>) {
  return {
    update_id: updateId,
    message: {
      message_id: 1,
      date: 1,
      chat: { id: 91_002, type: 'private' },
      from: { id: 91_002, is_bot: false, first_name: 'Sari' },
      ...extra,
    },
  };
}

describe('oversize bodies (#18.5)', () => {
  it('refuses a declared 100 MB body at once, without reading it', async () => {
    const body = lazyBody(100 * 1024 * 1024);
    const res = await postRaw(body.stream, { 'content-length': String(100 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
    expect(h.api.calls).toHaveLength(0);
  });

  it('stops reading an undeclared (chunked) 100 MB body just past 256 KB', async () => {
    const before = await stored();
    const body = lazyBody(100 * 1024 * 1024);
    const res = await postRaw(body.stream);
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(256 * 1024 + 2 * 64 * 1024);
    expect(await stored()).toEqual(before);
  });

  it('reads nothing at all without the secret', async () => {
    const body = lazyBody(10 * 1024 * 1024);
    const res = await h.runtime.app.request('/webhooks/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(401);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it('an ordinary update with a 4,096-character text fits easily', async () => {
    const p = person();
    const res = await h.post(textUpdate(p, 'a'.repeat(4096)));
    expect(res.status).toBe(200);
    expect(h.api.sent('sendMessage', p.id).length).toBeGreaterThan(0);
  });
});

describe('identity edges (#18.6)', () => {
  it('a private message whose chat is not its sender is ignored: no reply anywhere, nothing stored', async () => {
    const p = person();
    const before = await stored();
    const res = await h.post(
      messageUpdate(p, { text: '/start' }, { id: 91_500, type: 'private', first_name: 'Orang lain' }),
    );
    expect(res.status).toBe(200);
    expect(h.api.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(0);
    expect(await stored()).toEqual(before);
  });

  it('a button under a message in another private chat is ignored', async () => {
    const p = person();
    await h.post(textUpdate(p, '/start'));
    h.api.reset();
    const update = callbackUpdate(p, 'abc:1') as unknown as {
      callback_query: { message: { chat: { id: number } } };
    };
    update.callback_query.message.chat.id = 91_501;
    expect((await h.post(update as never)).status).toBe(200);
    expect(h.api.sent('sendMessage')).toHaveLength(0);
  });

  it('a 100,000-character first name is stored (and used) clipped to 64 characters', async () => {
    const p = person('N'.repeat(100_000));
    expect((await h.post(textUpdate(p, '/start'))).status).toBe(200);
    const [row] = await h.runtime.db
      .select({ name: users.displayName })
      .from(users)
      .innerJoin(identities, eq(identities.userId, users.id))
      .where(eq(identities.externalId, String(p.id)));
    expect(row!.name).toBe('N'.repeat(64));
    expect(h.api.texts(p.id)[0]!.length).toBeLessThan(1000);
  });
});
