import type { SocketConfig } from 'baileys';
import type { Logger } from '../../../logger';

/*
 * Baileys' own log lines, at `warn` and above by default: its warnings are how an operator learns that
 * a session is going wrong ("DISABLING ALL SYNC … LEADING TO INSTABILITY", failed commits, LID mapping
 * errors). They carry JIDs and protocol nodes, which are personal data: every value is scrubbed of
 * phone numbers and LIDs, long values are clipped, and nested objects end a few levels down.
 */

/** Baileys' logger interface (not exported by name). */
export type ILogger = SocketConfig['logger'];

const JID = /\b\d{5,}(?::\d+)?@(?:s\.whatsapp\.net|lid|c\.us|g\.us|broadcast|newsletter|hosted(?:\.lid)?)\b/g;
const LONG_NUMBER = /\b\d{8,}\b/g;
const MAX_DEPTH = 3;
const MAX_STRING = 300;
const MAX_KEYS = 20;

/** A string without phone numbers or LIDs, clipped. */
export function scrubText(text: string): string {
  const clean = text.replace(JID, '[jid]').replace(LONG_NUMBER, '[number]');
  return clean.length > MAX_STRING ? `${clean.slice(0, MAX_STRING)}…` : clean;
}

/** A log value without personal data: JIDs and long numbers masked, depth and size bounded. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return value;
  if (typeof value === 'bigint') return '[number]';
  if (value instanceof Error)
    return { type: value.name, message: scrubText(value.message), ...statusOf(value) };
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map((v) => scrub(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).slice(0, MAX_KEYS)) out[k] = scrub(v, depth + 1);
    return out;
  }
  return String(typeof value);
}

function statusOf(error: Error): { statusCode?: number } {
  const code = (error as { output?: { statusCode?: unknown } }).output?.statusCode;
  return typeof code === 'number' ? { statusCode: code } : {};
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50 };

/** The logger handed to Baileys: scrubbed lines under `module: baileys`, from `level` up. */
export function baileysLogger(logger: Logger, level: Level = 'warn'): ILogger {
  const child = logger.child({ module: 'baileys' });
  const write = (at: Level) => (obj: unknown, msg?: string) => {
    if (ORDER[at] < ORDER[level] || !child.isLevelEnabled(at)) return;
    const fields = typeof obj === 'object' && obj !== null ? (scrub(obj) as Record<string, unknown>) : {};
    const text = msg ?? (typeof obj === 'string' ? obj : undefined);
    child[at](fields, text === undefined ? 'baileys' : scrubText(text));
  };
  const make = (bindings: Record<string, unknown>): ILogger => {
    const bound = Object.keys(bindings).length ? scrub(bindings) : undefined;
    const withBindings = (at: Level) => (obj: unknown, msg?: string) =>
      bound
        ? write(at)(typeof obj === 'object' && obj !== null ? { ...bound, ...obj } : bound, msg ?? str(obj))
        : write(at)(obj, msg);
    return {
      level,
      child: (extra) => make({ ...bindings, ...extra }),
      trace: withBindings('trace'),
      debug: withBindings('debug'),
      info: withBindings('info'),
      warn: withBindings('warn'),
      error: withBindings('error'),
    };
  };
  return make({});
}

function str(obj: unknown): string | undefined {
  return typeof obj === 'string' ? obj : undefined;
}
