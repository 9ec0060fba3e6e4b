import i18next, { type TFunction } from 'i18next';
import { resources } from './resources';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type T = TFunction;

// One shared instance; each update gets its own fixed `t` (never changeLanguage per request).
const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: 'id',
  fallbackLng: 'id',
  supportedLngs: [...LOCALES],
  ns: Object.keys(resources.id),
  defaultNS: 'common',
  // Chat text is plain; renderers escape for HTML/Markdown where a platform needs it.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks our locale from a platform language tag: Indonesian unless the person's app speaks English. */
export function localeFromTag(tag: string | undefined, fallback: Locale = 'id'): Locale {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  if (base === 'en') return 'en';
  if (base === 'id' || base === 'in' || base === 'ms' || base === 'jv' || base === 'su') return 'id';
  return fallback;
}

/** Fixed translators, made once per locale and namespace (every turn asks for one, issue #15). */
const fixed = new Map<string, TFunction>();

export function tFor(locale: Locale, ns = 'common'): TFunction {
  const key = `${locale}:${ns}`;
  let t = fixed.get(key);
  if (!t) {
    t = instance.getFixedT(locale, ns);
    fixed.set(key, t);
  }
  return t;
}

export { instance as i18n };
