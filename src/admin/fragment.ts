import type { AdminContext } from './context';

/** The status that tells the dashboard script to stop polling a fragment (assets/scripts.ts). */
export const STOP_POLLING = 286;

/** A request from the dashboard script (`data-poll`, live counts), which replaces part of a page. */
export const isFragment = (c: AdminContext) => Boolean(c.req.header('x-requested-with'));

/** A polled fragment; once nothing more will change, 286 stops the polling. */
export const polled = (c: AdminContext, body: Parameters<AdminContext['html']>[0], finished: boolean) =>
  c.html(body, (finished ? STOP_POLLING : 200) as 200);
