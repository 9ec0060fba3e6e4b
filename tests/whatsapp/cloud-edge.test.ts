import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messages, processedEvents, users } from '../../src/db/schema';
import { capturedLogger } from '../helpers/log-lines';
import { type CloudHarness, startCloudHarness } from '../helpers/whatsapp';
import { textBody, wamid, webhookBody } from '../helpers/whatsapp-cloud';

/*
 * Signed Cloud API bodies whose shape is wrong (issue #18.4): before, iterating `statuses` or `messages`
 * given as objects threw, the webhook answered 500 and Meta retried for hours. Now: 200, one warning,
 * nothing stored, nothing sent.
 */

let h: CloudHarness;
const log = capturedLogger('warn');

beforeAll(async () => {
  h = await startCloudHarness({}, { logger: log.logger });
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

const from = '6281377790001';

describe('malformed Cloud API bodies with a valid signature', () => {
  const cases: Array<[string, unknown]> = [
    ['statuses as an object', webhookBody({ statuses: { id: wamid(), status: 'read', recipient_id: from } })],
    [
      'messages as an object',
      webhookBody({ messages: { from, id: wamid(), type: 'text', text: { body: 'halo' } } }),
    ],
    ['entry as an object', { object: 'whatsapp_business_account', entry: { changes: [] } }],
    ['changes as a string', { object: 'whatsapp_business_account', entry: [{ changes: 'x' }] }],
    [
      'a text body that is a number',
      webhookBody({ messages: [{ from, id: wamid(), type: 'text', text: { body: 42 } }] }),
    ],
    [
      'a contact name that is an object',
      webhookBody({
        contacts: [{ wa_id: from, profile: { name: { first: 'Sari' } } }],
        messages: [{ from, id: wamid(), type: 'text', text: { body: 'halo' } }],
      }),
    ],
    ['a null message', webhookBody({ messages: [null] })],
  ];

  it.each(cases)('%s: 200, one warning, nothing stored or sent', async (_name, body) => {
    const before = await stored();
    const res = await h.post(body);
    expect(res.status).toBe(200);
    expect(await stored()).toEqual(before);
    expect(h.api.calls).toHaveLength(0);
    expect(log.lines.filter((l) => l.msg === 'malformed whatsapp cloud body ignored')).toHaveLength(1);
  });

  it('a well-formed body is still answered', async () => {
    const res = await h.post(textBody({ waId: from }, 'halo'));
    expect(res.status).toBe(200);
    expect(h.texts(from).length).toBeGreaterThan(0);
  });
});
