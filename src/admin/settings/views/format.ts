import type { OrganisationRole } from '../../../db/schema';
import type { Locale, T } from '../../../i18n';
import { formatWib } from '../../inbox/format';

/** "Pemilik", "Petugas", "Pengamat". */
export const roleLabel = (t: T, role: OrganisationRole) => t(`dashboard:settings.roles.${role}`);

/** When a member last logged in, in WIB, or that they never did. */
export const lastLoginText = (t: T, locale: Locale, date: Date | null) =>
  date ? formatWib(date, locale) : t('dashboard:settings.members.never');

export const k = (t: T, key: string, params: Record<string, unknown> = {}) =>
  t(`dashboard:settings.${key}`, params);

/** Message keys of the settings forms. */
export const ERRORS = 'dashboard:settings.errors';
