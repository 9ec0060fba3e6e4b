import { channelDescriptor } from '../../engine/channels';
import type { Locale, T } from '../../i18n';
import { choiceTitle, type ProgrammeChoice } from '../../organisations/programme-choices';
import { getProvince, regionLabel } from '../../regions';
import type { AudienceFilter } from '../../shared/audience';
import { educationLabel } from './options';

/*
 * A broadcast's audience in words ("Provinsi: Jawa Timur; Usia: 18–25 …"), for the confirm step and
 * the broadcast's page, so staff see exactly which filters apply.
 */

export function audienceLines(
  t: T,
  locale: Locale,
  audience: AudienceFilter,
  programmes: readonly ProgrammeChoice[],
): Array<[string, string]> {
  const k = (key: string, params: Record<string, unknown> = {}) =>
    t(`dashboard:broadcasts.summary.${key}`, params);
  const title = (slug: string) => {
    const found = programmes.find((p) => p.slug === slug);
    return found ? choiceTitle(found, locale) : slug;
  };
  const lines: Array<[string, string]> = [];
  if (audience.provinces?.length)
    lines.push([k('provinces'), audience.provinces.map((c) => getProvince(c)?.shortName ?? c).join(', ')]);
  if (audience.regencies?.length)
    lines.push([k('regencies'), audience.regencies.map((c) => regionLabel(c) ?? c).join('; ')]);
  if (audience.gender) lines.push([k('gender'), t(`dashboard:broadcasts.gender.${audience.gender}`)]);
  if (audience.age) {
    const { min, max } = audience.age;
    lines.push([
      k('age'),
      min !== undefined && max !== undefined
        ? k('between', { min, max })
        : min !== undefined
          ? k('atLeast', { min })
          : k('atMost', { max }),
    ]);
  }
  if (audience.education) {
    const { min, max } = audience.education;
    lines.push([
      k('education'),
      min && max
        ? k('between', { min: educationLabel(min), max: educationLabel(max) })
        : min
          ? k('atLeast', { min: educationLabel(min) })
          : k('atMost', { max: educationLabel(max ?? '') }),
    ]);
  }
  if (audience.interests?.length)
    lines.push([k('fields'), audience.interests.map((f) => t(`catalogue:field.${f}`)).join(', ')]);
  if (audience.channels?.length)
    lines.push([k('channels'), audience.channels.map((c) => channelDescriptor(c).label).join(', ')]);
  if (audience.eligible_for)
    lines.push([
      k('eligibleFor'),
      audience.include_incomplete
        ? k('eligibleIncomplete', { title: title(audience.eligible_for) })
        : title(audience.eligible_for),
    ]);
  return lines;
}

export function AudienceSummary(props: {
  t: T;
  locale: Locale;
  audience: AudienceFilter;
  programmes: readonly ProgrammeChoice[];
}) {
  const lines = audienceLines(props.t, props.locale, props.audience, props.programmes);
  if (lines.length === 0) return <p>{props.t('dashboard:broadcasts.summary.everyone')}</p>;
  return (
    <dl class="bc-summary">
      {lines.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}
