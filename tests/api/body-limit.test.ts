import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/harness';
import { call, organisation, type TestOrganisation } from './helpers';

/*
 * Request bodies of the organisation API are capped (issue #18.5): 1 MB for JSON, 10 MB for a catalogue
 * import, refused at once when the declared length is over, and read no further than the limit when no
 * length is declared. Before, 100 MB were accepted with a token and an import read 20 MB before refusing.
 */

let h: Harness;
let org: TestOrganisation;

beforeAll(async () => {
  h = await startHarness({ API_RATE_PER_MINUTE: '100000', API_RATE_BURST: '10000' });
  org = await organisation(h.runtime.db, 'BLK Limit', 'blk-limit');
});
afterAll(() => h.close());

const MB = 1024 * 1024;

/** `total` bytes of a JSON-ish body produced on demand; `pulled()` says how much the server read. */
function lazyBody(total: number, chunk = 64 * 1024) {
  let sent = 0;
  const piece = new TextEncoder().encode('x'.repeat(chunk));
  const start = new TextEncoder().encode('{"name":"');
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const part = sent === 0 ? start : piece.subarray(0, Math.min(chunk, total - sent));
      sent += part.byteLength;
      controller.enqueue(part);
    },
  });
  return { stream, pulled: () => sent };
}

function send(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return h.runtime.app.request(`/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${org.token}`, 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('/api/v1 body limits', () => {
  it('refuses a declared 100 MB body with 413 before reading it', async () => {
    const body = lazyBody(100 * MB);
    const res = await send('/broadcasts', body.stream, { 'content-length': String(100 * MB) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('too_large');
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it('stops reading an undeclared 100 MB body just past 1 MB', async () => {
    const body = lazyBody(100 * MB);
    const res = await send('/broadcasts', body.stream);
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(MB + 2 * 64 * 1024);
  });

  it('an import may be larger (10 MB), but 20 MB is refused after at most 10 MB read', async () => {
    const body = lazyBody(20 * MB);
    const res = await send('/programmes/import', body.stream);
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(10 * MB + 2 * 64 * 1024);
    const declared = lazyBody(20 * MB);
    const early = await send('/programmes/import', declared.stream, { 'content-length': String(20 * MB) });
    expect(early.status).toBe(413);
    expect(declared.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it('a body of ordinary size still works, and a 2 MB JSON import is accepted (not held to 1 MB)', async () => {
    const ok = await call(h, org.token, 'POST', '/broadcasts', { name: 'Info', text: { id: 'Halo' } });
    expect(ok.status).toBe(201);
    const big = JSON.stringify({ programmes: [], padding: 'x'.repeat(2 * MB) });
    const imported = await call(h, org.token, 'POST', '/programmes/import', big);
    expect(imported.status).not.toBe(413);
  });

  it('without a token nothing is read at all', async () => {
    const body = lazyBody(10 * MB);
    const res = await h.runtime.app.request('/api/v1/broadcasts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(401);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });
});
