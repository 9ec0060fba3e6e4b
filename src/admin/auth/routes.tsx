import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { dateTimeFormat } from '../../lib/intl';
import { safeEqual } from '../../lib/safe-equal';
import { authenticate } from '../../organisations/accounts/login';
import { createSession, endSession, loadSession, SESSION_HOURS } from '../../organisations/accounts/sessions';
import { systemClock } from '../../shared/clock';
import type { AdminContext, AdminDeps, AdminEnv } from '../context';
import { LANG_COOKIE } from '../i18n';
import { Layout } from '../layout';
import { clientAddress } from './client-address';
import { SESSION_COOKIE, sameOrigin } from './middleware';
import { safeNext } from './session-ended';
import { addressKey, recordAddressFailure, throttledUntil } from './throttle';

/** Double-submit token for the login form (there is no session yet to hold one). */
const LOGIN_CSRF_COOKIE = 'jmb_login_csrf';

function timeWib(date: Date, locale: string): string {
  return dateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  }).format(date);
}

interface LoginView {
  csrf: string;
  error?: string | undefined;
  /** A calm notice (logged out, session ended), not an error. */
  notice?: string | undefined;
  email?: string;
  next?: string | undefined;
}

function LoginPage(props: LoginView & { c: AdminContext }) {
  const { c, csrf, error, notice, next } = props;
  const t = c.var.t;
  // After a wrong password the email is already there: the cursor goes where the fix is.
  const retry = Boolean(error && props.email);
  return (
    <Layout c={c} title={t('login.title')}>
      <div class="login">
        {error ? (
          <p class="notice error" role="alert" id="login-error">
            {error}
          </p>
        ) : notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        <form method="post" action="/admin/login" aria-describedby={error ? 'login-error' : undefined}>
          <input type="hidden" name="_csrf" value={csrf} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <label for="email">{t('login.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={props.email ?? ''}
            autofocus={!retry}
          />
          <label for="password">{t('login.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            autofocus={retry}
          />
          <div class="actions">
            <button type="submit">{t('login.submit')}</button>
          </div>
        </form>
        <p class="muted">{t('login.help')}</p>
      </div>
    </Layout>
  );
}

export function authRoutes(deps: AdminDeps) {
  const now = deps.clock ?? systemClock;
  const app = new Hono<AdminEnv>();
  const cookie = (maxAgeSeconds: number) =>
    ({
      httpOnly: true,
      secure: deps.secureCookies,
      sameSite: 'Lax',
      path: '/admin',
      maxAge: maxAgeSeconds,
    }) as const;

  const showLogin = (c: AdminContext, status: 200 | 401 | 403 | 429, view: Omit<LoginView, 'csrf'> = {}) => {
    const csrf = randomBytes(24).toString('base64url');
    setCookie(c, LOGIN_CSRF_COOKIE, csrf, cookie(3600));
    return c.html(<LoginPage c={c} csrf={csrf} {...view} email={view.email ?? ''} />, status);
  };

  app.get('/login', async (c) => {
    const next = safeNext(c.req.query('next'));
    // Already logged in: straight on.
    if (await loadSession(deps.db, getCookie(c, SESSION_COOKIE), now()))
      return c.redirect(next ?? '/admin/inbox', 303);
    const t = c.var.t;
    const notice =
      c.req.query('out') === '1'
        ? t('login.loggedOut')
        : c.req.query('expired') === '1'
          ? t('errors.sessionExpired')
          : undefined;
    return showLogin(c, 200, { notice, next });
  });

  app.post('/login', async (c) => {
    const t = c.var.t;
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email.slice(0, 200) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 500) : '';
    const csrf = typeof body._csrf === 'string' ? body._csrf : '';
    const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
    const expected = getCookie(c, LOGIN_CSRF_COOKIE);
    if (!sameOrigin(c) || !expected || !safeEqual(csrf, expected))
      return showLogin(c, 403, { error: t('login.expired'), email, next });
    if (!email || !password) return showLogin(c, 401, { error: t('login.missing'), email, next });
    const address = clientAddress(c, deps.clientIpHeader);
    const key = address ? addressKey(address) : undefined;
    const throttled = key ? await throttledUntil(deps.db, key, now()) : undefined;
    if (throttled) {
      deps.logger.warn({ event: 'admin_login_throttled' }, 'dashboard login throttled for a network');
      return showLogin(c, 429, {
        error: t('login.throttled', { time: timeWib(throttled, c.var.locale) }),
        email,
        next,
      });
    }
    const result = await authenticate(deps.db, email, password, now());
    if (!result.ok) {
      if (key) await recordAddressFailure(deps.db, key, now());
      if (result.reason === 'locked')
        return showLogin(c, 429, {
          error: t('login.locked', { time: timeWib(result.until, c.var.locale) }),
          email,
          next,
        });
      if (result.reason === 'expired')
        return showLogin(c, 401, { error: t('login.oneTimeSpent'), email, next });
      deps.logger.info({ event: 'admin_login_failed' }, 'dashboard login failed');
      return showLogin(c, 401, { error: t('login.invalid'), email, next });
    }
    const { token } = await createSession(deps.db, result.memberId, now());
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/admin', secure: deps.secureCookies });
    setCookie(c, SESSION_COOKIE, token, cookie(SESSION_HOURS * 3600));
    deps.logger.info({ event: 'admin_login', member: result.memberId }, 'dashboard login');
    return c.redirect(result.oneTime ? '/admin/settings' : (next ?? '/admin/inbox'), 303);
  });

  app.get('/lang/:locale', (c) => {
    const locale = c.req.param('locale') === 'en' ? 'en' : 'id';
    setCookie(c, LANG_COOKIE, locale, { path: '/admin', sameSite: 'Lax', maxAge: 365 * 86400 });
    // Only back into the dashboard: never an open redirect.
    return c.redirect(safeNext(c.req.query('next')) ?? '/admin/inbox', 303);
  });

  app.post('/logout', async (c) => {
    const session = await loadSession(deps.db, getCookie(c, SESSION_COOKIE), now());
    if (session) {
      const body = await c.req.parseBody();
      if (!sameOrigin(c) || !safeEqual(typeof body._csrf === 'string' ? body._csrf : '', session.csrfToken))
        return c.text(c.var.t('errors.csrf'), 403);
      await endSession(deps.db, session.tokenHash);
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/admin', secure: deps.secureCookies });
    return c.redirect('/admin/login?out=1', 303);
  });
  return app;
}
