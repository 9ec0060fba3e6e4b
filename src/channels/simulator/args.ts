/**
 * The terminal chat's command line and the commands typed into it (pure, tested beside this file).
 *
 *   npm run chat -- --as rina          chat as "rina" (default: SIMULATOR_USER, else "local")
 *   npm run chat -- --log chat.log     where the server's log lines go (default data/chat.log; "off")
 *
 * Typed: /sebagai NAMA (/as) switches person; /kirim PATH [caption] (/send) sends a file from disk as a
 * photo or document; /perintah (/commands) lists these; /keluar (/quit) quits. Anything else goes to the bot.
 */
import { basename, extname } from 'node:path';

export interface ChatOptions {
  /** The person's id on the simulator channel (also their display name). */
  person: string;
  /** A file for the log lines, or undefined to silence them. */
  logFile: string | undefined;
}

export const DEFAULT_LOG_FILE = 'data/chat.log';

const NAME = /^[\p{L}\p{N}_.-]{1,40}$/u;

export class ChatArgsError extends Error {}

export function parseChatArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): ChatOptions {
  let person = env.SIMULATOR_USER?.trim() || 'local';
  let logFile: string | undefined = env.CHAT_LOG_FILE?.trim() || DEFAULT_LOG_FILE;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new ChatArgsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--as':
      case '--sebagai':
        person = value();
        if (!NAME.test(person)) throw new ChatArgsError(`${flag}: use letters, digits, _ . - (at most 40)`);
        break;
      case '--log':
        logFile = value();
        if (logFile === 'off') logFile = undefined;
        break;
      default:
        throw new ChatArgsError(`unknown option ${arg}`);
    }
  }
  return { person, logFile };
}

export type ChatLine =
  | { kind: 'empty' }
  | { kind: 'quit' }
  | { kind: 'commands' }
  | { kind: 'as'; name: string }
  | { kind: 'send'; path: string; caption?: string }
  | { kind: 'invalid'; command: 'as' | 'send' }
  | { kind: 'text'; text: string };

/** A path may be quoted when it has spaces: /kirim "~/Ijazah saya.pdf" ijazah. */
function splitPath(rest: string): { path: string; caption?: string } | undefined {
  const quoted = /^(["'])(.+?)\1(?:\s+(.*))?$/.exec(rest);
  const [path, caption] = quoted
    ? [quoted[2]!, quoted[3]]
    : [rest.split(/\s+/)[0]!, rest.split(/\s+/).slice(1).join(' ')];
  if (!path) return undefined;
  return caption?.trim() ? { path, caption: caption.trim() } : { path };
}

export function parseLine(line: string): ChatLine {
  const text = line.trim();
  if (!text) return { kind: 'empty' };
  const [head = '', ...rest] = text.split(/\s+/);
  const args = text.slice(head.length).trim();
  switch (head.toLowerCase()) {
    case '/keluar':
    case '/quit':
    case '/exit':
      return { kind: 'quit' };
    case '/perintah':
    case '/commands':
      return { kind: 'commands' };
    case '/sebagai':
    case '/as':
      return rest.length === 1 && NAME.test(rest[0]!)
        ? { kind: 'as', name: rest[0]! }
        : { kind: 'invalid', command: 'as' };
    case '/kirim':
    case '/send': {
      const file = args ? splitPath(args) : undefined;
      return file ? { kind: 'send', ...file } : { kind: 'invalid', command: 'send' };
    }
    default:
      return { kind: 'text', text };
  }
}

const PHOTO_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};
const DOCUMENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain',
};

/** How a file from disk arrives, as a phone would send it: pictures as photos, the rest as documents. */
export function mediaOf(path: string): {
  mediaKind: 'photo' | 'document';
  mimeType: string;
  fileName: string;
} {
  const ext = extname(path).toLowerCase();
  const fileName = basename(path);
  const photo = PHOTO_TYPES[ext];
  if (photo) return { mediaKind: 'photo', mimeType: photo, fileName };
  return { mediaKind: 'document', mimeType: DOCUMENT_TYPES[ext] ?? 'application/octet-stream', fileName };
}
