import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { OrganisationRole } from '../../db/schema';
import { safeEqual } from '../../lib/safe-equal';
import type { AdminDeps, AdminEnv } from '../context';
import { loadSession } from './sessions';

export const SESSION_COOKIE = 'jmb_session';

/** Headers on every dashboard response: no caching of personal data, no framing, scripts only ours. */
export const securityHeaders = createMiddleware<AdminEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'no-store');
  c.header('X-Frame-Options', 'DENY');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
      "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
});

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A cross-site request is refused before anything else (Sec-Fetch-Site / Origin, where the browser
 * sends them), then the synchroniser token: `_csrf` in the form, or `X-CSRF-Token` from scripts.
 */
export function sameOrigin(c: { req: { url: string; header(name: string): string | undefined } }): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (origin && origin !== 'null' && origin !== new URL(c.req.url).origin) return false;
  return true;
}

/** Every page but login needs a session; a missing or expired one goes to the login page. */
export function requireSession(deps: AdminDeps) {
  return createMiddleware<AdminEnv>(async (c, next) => {
    const session = await loadSession(deps.db, getCookie(c, SESSION_COOKIE));
    if (!session) {
      if (c.req.method === 'GET' && !c.req.header('x-requested-with')) return c.redirect('/admin/login', 303);
      return c.text(c.var.t('errors.sessionExpired'), 401);
    }
    c.set('session', session);
    if (UNSAFE.has(c.req.method)) {
      if (!sameOrigin(c)) return c.text(c.var.t('errors.csrf'), 403);
      let token = c.req.header('x-csrf-token');
      if (!token) {
        const type = c.req.header('content-type') ?? '';
        if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
          const body = await c.req.parseBody();
          token = typeof body._csrf === 'string' ? body._csrf : undefined;
        }
      }
      if (!safeEqual(token, session.csrfToken)) return c.text(c.var.t('errors.csrf'), 403);
    }
    await next();
  });
}

/** Roles allowed to change things on a route (viewers read only). */
export function requireRole(...roles: OrganisationRole[]) {
  return createMiddleware<AdminEnv>(async (c, next) => {
    if (!roles.includes(c.var.session.role)) return c.text(c.var.t('errors.forbidden'), 403);
    await next();
  });
}

/** Changes are for owners and staff; viewers see the pages read-only. */
export const canWrite = requireRole('owner', 'staff');
