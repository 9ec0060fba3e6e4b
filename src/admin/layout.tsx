import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { AdminContext } from './context';
import { IntegrationBanner } from './integrations/banner';

export type Section = 'inbox' | 'programmes' | 'applicants' | 'broadcasts' | 'targets' | 'settings';

const SECTIONS: { key: Section; href: string }[] = [
  { key: 'inbox', href: '/admin/inbox' },
  { key: 'programmes', href: '/admin/programmes' },
  { key: 'applicants', href: '/admin/applicants' },
  { key: 'broadcasts', href: '/admin/broadcasts' },
  { key: 'targets', href: '/admin/targets' },
  { key: 'settings', href: '/admin/settings' },
];

/** The hidden synchroniser token every form of a session carries. */
export function Csrf({ c }: { c: AdminContext }) {
  return <input type="hidden" name="_csrf" value={c.var.session.csrfToken} />;
}

/** A flash key from the query: `saved` (admin:flash.saved) or `inbox:flash.replied` (another namespace). */
const FLASH_KEY = /^(?:[a-z]+:)?[a-zA-Z]+(?:\.[a-zA-Z]+)*$/;
const flashText = (t: AdminContext['var']['t'], key: string, fallback: string) =>
  t(key.includes(':') ? key : `flash.${key}`, { defaultValue: t(fallback) });

/** A message after a redirect, chosen by a key in the query (`?ok=inbox:flash.replied`): never personal data. */
export function Flash({ c }: { c: AdminContext }) {
  const ok = c.req.query('ok');
  const error = c.req.query('error');
  const t = c.var.t;
  if (error && FLASH_KEY.test(error))
    return (
      <p class="notice error" role="alert">
        {flashText(t, error, 'flash.failed')}
      </p>
    );
  if (ok && FLASH_KEY.test(ok))
    return (
      <p class="notice ok" role="status">
        {flashText(t, ok, 'flash.done')}
      </p>
    );
  return null;
}

function LanguageSwitch({ c }: { c: AdminContext }) {
  const other = c.var.locale === 'id' ? 'en' : 'id';
  const back = new URL(c.req.url).pathname;
  return (
    <a href={`/admin/lang/${other}?next=${encodeURIComponent(back)}`} lang={other} hreflang={other}>
      {c.var.t(`language.${other}`)}
    </a>
  );
}

/** Every dashboard page: skip link, header with the organisation, the sections, language and logout. */
export function Layout(props: {
  c: AdminContext;
  title: string;
  section?: Section;
  /** The browser tab's title when it says more than the heading (the inbox's waiting count). */
  tabTitle?: string | undefined;
  children?: Child;
}) {
  const { c, title, section } = props;
  const t = c.var.t;
  const session = c.var.session as AdminContext['var']['session'] | undefined;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={c.var.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.tabTitle ?? title} · Jembatan`}</title>
          <link rel="stylesheet" href="/admin/assets/admin.css" />
          <script src="/admin/assets/admin.js" defer />
        </head>
        <body>
          <a class="skip" href="#main">
            {t('layout.skip')}
          </a>
          {/* Brand and account tools first, the sections below them: on a phone the menu is a grid of
              large buttons under one short line, in the same order as the keyboard reaches them. */}
          <header class="top">
            <div class="top-bar">
              <span class="brand">
                Jembatan{session ? <span class="muted-inverse"> · {session.organisationName}</span> : null}
              </span>
              <LanguageSwitch c={c} />
              {session ? (
                <form method="post" action="/admin/logout">
                  <Csrf c={c} />
                  <button type="submit" class="link" title={t('layout.signedInAs', { name: session.name })}>
                    {t('layout.logout')}
                  </button>
                </form>
              ) : null}
            </div>
            {session ? (
              <nav class="main" aria-label={t('layout.nav')}>
                <ul>
                  {SECTIONS.map((s) => (
                    <li>
                      <a href={s.href} aria-current={s.key === section ? 'page' : undefined}>
                        {t(`nav.${s.key}`)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
          </header>
          <main id="main" tabindex={-1}>
            <h1>{title}</h1>
            {session ? <Flash c={c} /> : null}
            {session && c.var.integrationNotices ? (
              <IntegrationBanner c={c} notices={c.var.integrationNotices} />
            ) : null}
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

/** Renders a full page. */
export function page(
  c: AdminContext,
  title: string,
  section: Section | undefined,
  body: Child,
  status = 200,
  tabTitle?: string,
) {
  return c.html(
    <Layout c={c} title={title} section={section} tabTitle={tabTitle}>
      {body}
    </Layout>,
    status as 200,
  );
}
