import type { AdminContext } from '../context';
import { Layout } from '../layout';

/*
 * What a staff member sees when a request cannot go on: the session ended (12 h, 2 h idle, logged out
 * elsewhere) or the form's CSRF token no longer matches. A page with a way on, never a bare line of
 * text — and what she had typed is shown again to copy, so a long reply is not lost.
 */

/** Fields of our forms that hold text someone typed (never passwords or tokens). */
const TYPED_FIELDS = ['text', 'text_en', 'body', 'note', 'reason'];

/** Only back into the dashboard (never an open redirect), and never to the login or logout itself. */
export function safeNext(value: string | undefined | null): string | undefined {
  if (!value || !/^\/admin(\/[\w\-/]*)?(\?[\w\-=&%.+]*)?$/.test(value)) return undefined;
  if (/^\/admin\/(login|logout)\b/.test(value)) return undefined;
  return value;
}

/** Where to return after logging in again: the page itself, or for a form the page it was on. */
export function returnPath(c: AdminContext): string | undefined {
  const url = new URL(c.req.url);
  if (c.req.method === 'GET') return safeNext(url.pathname + url.search);
  // A form posts to /admin/inbox/<id>/reply, /admin/applicants/<id>/status …: its page is the parent.
  return safeNext(url.pathname.replace(/\/[^/]+\/?$/, '') || '/admin');
}

export async function typedText(c: AdminContext): Promise<string> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return '';
  const body = await c.req.parseBody();
  return TYPED_FIELDS.map((name) => body[name])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .join('\n\n')
    .slice(0, 10_000);
}

export function loginLink(next: string | undefined, expired: boolean): string {
  const query = new URLSearchParams();
  if (expired) query.set('expired', '1');
  // The inbox is where a login goes anyway: no need to say so in the address.
  if (next && next !== '/admin/inbox') query.set('next', next);
  const text = query.toString();
  return text ? `/admin/login?${text}` : '/admin/login';
}

/** The page for a form posted after the session ended, or with a stale CSRF token (401 / 403). */
export function SessionEndedPage(props: {
  c: AdminContext;
  reason: 'sessionExpired' | 'csrf';
  typed: string;
  next: string | undefined;
}) {
  const { c, reason, typed, next } = props;
  const t = c.var.t;
  return (
    <Layout c={c} title={t(`ended.${reason}.title`)}>
      <p class="notice error" role="alert">
        {t(`errors.${reason}`)}
      </p>
      {typed ? (
        <>
          <label for="typed">{t('ended.typed')}</label>
          <textarea id="typed" readonly rows={6}>
            {typed}
          </textarea>
        </>
      ) : null}
      <p class="actions">
        {reason === 'sessionExpired' ? (
          <a class="button" href={loginLink(next, true)}>
            {t('ended.logIn')}
          </a>
        ) : (
          <a class="button" href={next ?? '/admin/inbox'}>
            {t('ended.reload')}
          </a>
        )}
      </p>
    </Layout>
  );
}
