import type { Message } from '../shared/profile';

/** A parsed answer, or a message telling the person what to write instead (with an example). */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: Message };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });

export const fail = <T = never>(name: string, vars: Record<string, unknown> = {}): ParseResult<T> => ({
  ok: false,
  error: { key: `profile:parse.${name}`, vars },
});
