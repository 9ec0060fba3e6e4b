import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { OrganisationRole } from '../../db/schema';
import { safeEqual } from '../../lib/safe-equal';
import { loadSession } from '../../organisations/accounts/sessions';
import { systemClock } from '../../shared/clock';
import type { AdminContext, AdminDeps, AdminEnv } from '../context';
import { isFragment } from '../fragment';
import { Layout } from '../layout';
import { loginLink, returnPath, SessionEndedPage, typedText } from './session-ended';

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

/** What a session opened with a one-time password may reach. */
const FIRST_PASSWORD_PATHS = new Set(['GET /admin/settings', 'POST /admin/settings/password']);

/** Every page but login needs a session; a missing or expired one goes to the login page. */
export function requireSession(deps: AdminDeps) {
  return createMiddleware<AdminEnv>(async (c, next) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    const session = await loadSession(deps.db, cookie, (deps.clock ?? systemClock)());
    if (!session) {
      if (isFragment(c)) return c.text(c.var.t('errors.sessionExpired'), 401);
      // Back to this page after logging in; "expired" only when there was a session to expire.
      if (c.req.method === 'GET') return c.redirect(loginLink(returnPath(c), cookie !== undefined), 303);
      return ended(c, 'sessionExpired', 401);
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
      if (!safeEqual(token, session.csrfToken))
        return isFragment(c) ? c.text(c.var.t('errors.csrf'), 403) : ended(c, 'csrf', 403);
    }
    // A one-time password opened this session: the account page (to choose a password) and nothing else.
    if (session.mustChangePassword && !FIRST_PASSWORD_PATHS.has(`${c.req.method} ${c.req.path}`)) {
      if (isFragment(c) || c.req.method !== 'GET') return c.text(c.var.t('errors.mustChangePassword'), 403);
      return c.redirect('/admin/settings', 303);
    }
    await next();
  });
}

/** A form that cannot be carried out: a page with the way on and what was typed (see session-ended.tsx). */
async function ended(c: AdminContext, reason: 'sessionExpired' | 'csrf', status: 401 | 403) {
  const typed = await typedText(c);
  return c.html(<SessionEndedPage c={c} reason={reason} typed={typed} next={returnPath(c)} />, status);
}

/** Roles allowed to change things on a route (viewers read only). */
export function requireRole(...roles: OrganisationRole[]) {
  return createMiddleware<AdminEnv>(async (c, next) => {
    if (!roles.includes(c.var.session.role)) {
      if (isFragment(c)) return c.text(c.var.t('errors.forbidden'), 403);
      // A page (with the menu as the way on), not a bare line of text.
      return c.html(
        <Layout c={c} title={c.var.t('ended.forbidden.title')}>
          <p class="notice error" role="alert">
            {c.var.t('errors.forbidden')}
          </p>
        </Layout>,
        403,
      );
    }
    await next();
  });
}

/** Changes are for owners and staff; viewers see the pages read-only. */
export const canWrite = requireRole('owner', 'staff');
