import { loadRegions, onRegionsReloaded } from '../../regions/data';
import type { RegionGroup } from './views/edit';

/*
 * Provinces and their regencies for the new-programme form's place list (a plain select with a group
 * per province: it works without scripts, and nobody needs to know Kemendagri codes).
 */

let groups: RegionGroup[] | undefined;
onRegionsReloaded(() => {
  groups = undefined;
});

export function regionGroups(): readonly RegionGroup[] {
  groups ??= (() => {
    const { provinces, regencies } = loadRegions();
    return [...provinces]
      .sort((a, b) => a.shortName.localeCompare(b.shortName, 'id'))
      .map((p) => ({
        code: p.code,
        name: p.shortName,
        regencies: regencies
          .filter((r) => r.provinceCode === p.code)
          .map((r) => ({ code: r.code, name: r.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'id')),
      }));
  })();
  return groups;
}
