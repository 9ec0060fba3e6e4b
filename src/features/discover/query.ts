import type { ProgrammeQuery } from '../../catalogue/search';
import type { StoredProfile } from '../../db/schema';
import type { FlowContext } from '../../engine/context';
import type { Understanding } from '../../nlu';
import { regionLabel } from '../../regions';

/** Turns what the person typed into a catalogue query; "dekat rumah" uses their stored domicile. */
export function queryFromUnderstanding(u: Understanding, profile?: StoredProfile): ProgrammeQuery {
  const s = u.slots;
  const c = s.constraints ?? {};
  const query: ProgrammeQuery = {};
  if (s.kind) query.kinds = [s.kind];
  if (s.fields?.length) query.fields = s.fields;
  if (s.country) query.country = s.country;
  if (s.regency) query.regency = s.regency;
  else if (s.province) query.province = s.province;
  else if (c.nearHome && profile) {
    if (profile.domicileRegency) query.regency = profile.domicileRegency;
    else if (profile.domicileProvince) query.province = profile.domicileProvince;
  }
  if (c.free) query.free = true;
  if (c.stipend) query.stipend = true;
  if (c.womenOnly) query.womenOnly = true;
  if (c.disabilityFriendly) query.disabilityFriendly = true;
  if (c.online) query.online = true;
  if (s.keywords?.length) query.text = s.keywords.join(' ');
  return query;
}

/** True when the words said anything a search can use. */
export function hasCriteria(query: ProgrammeQuery): boolean {
  return Object.keys(query).some((k) => k !== 'includeClosed');
}

/** Criteria that narrow an existing search ("yang gratis", "di Jatim") rather than start a new one. */
export function isRefinementOnly(query: ProgrammeQuery): boolean {
  return !query.kinds && !query.fields && !query.country && !query.text && hasCriteria(query);
}

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale === 'en' ? 'en' : 'id'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "pelatihan · las · Kota Surabaya · gratis" — what the person is looking at. */
export function describeQuery(ctx: Pick<FlowContext, 't' | 'locale'>, query: ProgrammeQuery): string {
  const parts: string[] = [];
  if (query.kinds?.length) parts.push(query.kinds.map((k) => ctx.t(`catalogue:kind.${k}`)).join('/'));
  if (query.fields?.length) parts.push(query.fields.map((f) => ctx.t(`catalogue:field.${f}`)).join('/'));
  if (query.country) parts.push(countryName(query.country, ctx.locale));
  const place = query.regency ?? query.province;
  if (place) parts.push(regionLabel(place) ?? place);
  for (const flag of ['free', 'stipend', 'womenOnly', 'disabilityFriendly', 'online'] as const)
    if (query[flag]) parts.push(ctx.t(`discovery:filter.${flag}`));
  if (query.text) parts.push(`"${query.text}"`);
  return parts.length ? parts.join(' · ') : ctx.t('discovery:filter.all');
}
