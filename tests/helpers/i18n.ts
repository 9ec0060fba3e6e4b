import { type Locale, tFor } from '../../src/i18n';

/*
 * Assert through the translation function where the copy is not the point: a test that checks which
 * question came next says `t('applications:ask.nik')`, not the sentence, so rewording a locale file
 * does not break it. Tests about the words themselves (tone, a value shown, English without
 * Indonesian) keep their literal text.
 */

/** The text the bot sends for `key` (Indonesian unless `locale` says otherwise), with `vars` filled in. */
export function t(key: string, vars: Record<string, unknown> = {}, locale: Locale = 'id'): string {
  return tFor(locale)(key, vars) as string;
}

/**
 * The text for `key` with every variable left open (a value the test does not restate, e.g. a
 * title or a count), as a pattern to `toMatch`.
 */
export function tPattern(key: string, locale: Locale = 'id'): RegExp {
  const OPEN = '\u0000';
  const text = tFor(locale)(key) as string;
  // i18next leaves an unknown `{{name}}` as it is; each becomes "anything", the rest is literal.
  const escaped = text
    .replace(/\{\{[^}]+\}\}/g, OPEN)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .split(OPEN)
    .join('[\\s\\S]*?');
  return new RegExp(escaped);
}
