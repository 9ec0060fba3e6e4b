/**
 * The request id of the request being served, visible to every log line written while serving it
 * (the logger reads it from here), without passing a logger through the engine and the channels.
 * AsyncLocalStorage is in Node and, with `nodejs_compat`, in workerd.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

export function withRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

const ACCEPTED_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * The caller's `X-Request-Id` when it looks like one (a proxy's or a load balancer's), else
 * Cloudflare's ray id, else a new one. Never echoes arbitrary header text into logs.
 */
export function requestIdFor(headers: Headers): string {
  for (const name of ['x-request-id', 'cf-ray']) {
    const value = headers.get(name)?.trim();
    if (value && ACCEPTED_ID.test(value)) return value;
  }
  return crypto.randomUUID();
}
