import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { isLocale, type Locale, tFor } from '../i18n';
import type { AdminEnv } from './context';

export const LANG_COOKIE = 'jmb_lang';

/** The page language: the person's choice (cookie), else English only if the browser prefers it. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

export const adminI18n = createMiddleware<AdminEnv>(async (c, next) => {
  const locale = pickLocale(getCookie(c, LANG_COOKIE), c.req.header('accept-language'));
  c.set('locale', locale);
  c.set('t', tFor(locale, 'admin'));
  await next();
});
