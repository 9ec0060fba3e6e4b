import type { Profile } from '../../shared/profile';
import { type CheckContext, type CheckResult, orList, result } from './context';

/** "35.78" lies within "35" and within "35.78"; "35.7" does not contain "35.78" (codes compare by segment). */
export function regionWithin(code: string, area: string): boolean {
  const inner = code.split('.');
  return area.split('.').every((segment, i) => inner[i] === segment);
}

export function checkDomicile(codes: string[], profile: Profile, ctx: CheckContext): CheckResult | undefined {
  const areas = codes.map((c) => c.trim()).filter((c) => c !== '');
  if (areas.length === 0) return undefined;
  const preferred = ctx.isPreferred('domicile');
  const vars = { regions: orList(areas.map(ctx.regionLabel), ctx.locale) };
  const ruleText = ctx.t(`domicile.${preferred ? 'preferred' : 'rule'}`, vars);

  const regency = profile.domicileRegency?.trim() || undefined;
  const province = regency?.split('.')[0] ?? (profile.domicileProvince?.trim() || undefined);
  if (!province) {
    return result(
      'domicile',
      undefined,
      preferred,
      { rule: ruleText, yours: ctx.t('domicile.yours.unknown'), vars },
      ['domicile'],
    );
  }
  const person = regency ?? province;
  // Show the person's place at the level the rule speaks of: a province against provinces.
  const shown = areas.every((a) => !a.includes('.')) ? province : person;
  const yours = ctx.t('domicile.yours.known', { region: ctx.regionLabel(shown) });
  if (areas.some((area) => regionWithin(person, area))) {
    return result('domicile', true, preferred, { rule: ruleText, yours, vars: { ...vars, region: shown } });
  }
  if (!regency && areas.some((area) => regionWithin(area, province))) {
    // The rule names a regency in the person's province: only their regency can decide.
    return result(
      'domicile',
      undefined,
      preferred,
      { rule: ruleText, yours: ctx.t('domicile.yours.need_regency'), vars },
      ['domicile'],
    );
  }
  return result('domicile', false, preferred, { rule: ruleText, yours, vars: { ...vars, region: shown } });
}
