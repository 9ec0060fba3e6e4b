import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { toSendError } from './sender';

/** A network failure as grammY reports it: an HttpError around node-fetch's error. */
const network = (code: string | undefined, name = 'FetchError') =>
  new HttpError(
    "Network request for 'sendMessage' failed!",
    Object.assign(new Error(code ?? 'x'), { code, name }),
  );

describe('toSendError: what is definitely unsent, and what may have arrived', () => {
  it('refused connections and failed look-ups never sent anything: retried', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])
      expect(toSendError(network(code)).failure, code).toEqual({ kind: 'transient' });
  });

  it('a reset connection, our own timeout or an abort leave the outcome unknown: never retried', () => {
    expect(toSendError(network('ECONNRESET')).failure).toEqual({ kind: 'unknown' });
    expect(toSendError(network(undefined, 'AbortError')).failure).toEqual({ kind: 'unknown' });
    const timeout = new HttpError('x', new Error("Request to 'sendMessage' timed out after 30 seconds"));
    expect(toSendError(timeout).failure).toEqual({ kind: 'unknown' });
  });

  it("Telegram's own answers decide: 429 waits, 403 is blocked, 5xx is retried, 400 is permanent", () => {
    const answer = (error_code: number, parameters = {}) =>
      new GrammyError('x', { ok: false, error_code, description: 'd', parameters }, 'sendMessage', {});
    expect(toSendError(answer(429, { retry_after: 3 })).failure).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 3000,
    });
    expect(toSendError(answer(403)).failure).toEqual({ kind: 'blocked' });
    expect(toSendError(answer(502)).failure).toEqual({ kind: 'transient' });
    expect(toSendError(answer(400)).failure).toEqual({ kind: 'permanent' });
  });

  it('an answer that was not JSON (a proxy error page) was an answer: retried', () => {
    expect(toSendError(new HttpError('x', new SyntaxError('Unexpected token <'))).failure).toEqual({
      kind: 'transient',
    });
  });
});
