import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * Node only (the Workers runtime has its own fetch; not named `*.node.ts`: Node's resolver would take
 * that for a native addon): grammY's fetch settings with a keep-alive agent
 * that closes a connection after IDLE_MS without use — before the server does. Reusing a connection
 * the server has just closed fails with a reset *after* the request was written, which the outbox must
 * count as "outcome unknown" and never retry (a retry is how replies got duplicated); closing idle
 * connections first means such a reset comes only from a real failure mid-request. Node servers close
 * idle connections after 5 s, Telegram's front ends later.
 */
const IDLE_MS = 4_000;

export function telegramFetchConfig(apiRoot: string): Record<string, unknown> {
  const options = { keepAlive: true, timeout: IDLE_MS };
  const agent = apiRoot.startsWith('https:') ? new HttpsAgent(options) : new HttpAgent(options);
  return { compress: true, agent };
}
