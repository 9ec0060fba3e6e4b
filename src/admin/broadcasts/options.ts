import { channelDescriptor } from '../../engine/channels';
import type { T } from '../../i18n';
import { listProvinces, listRegencies } from '../../regions';
import { regionDisplayName } from '../../regions/gazetteer';
import { CHANNELS } from '../../shared/conversation';
import { EDUCATION_LEVELS, FIELDS, GENDERS } from '../../shared/vocabulary';

/*
 * The choices of the audience filters, labelled for the page. Codes go in the form (never names), so the
 * values the browser sends are exactly what the audience service filters on.
 */

/** SMA stands for SMA = SMK = MA, S1 for S1 = D4 (src/shared/vocabulary.ts). */
const EDUCATION_LABELS: Record<string, string> = { SMA: 'SMA/SMK/MA', S1: 'S1/D4' };

export const educationOptions = () =>
  EDUCATION_LEVELS.map((level) => ({ value: level, label: EDUCATION_LABELS[level] ?? level }));

export const genderOptions = (t: T) =>
  GENDERS.map((g) => ({ value: g, label: t(`dashboard:broadcasts.gender.${g}`) }));

export const fieldOptions = (t: T) =>
  FIELDS.map((f) => ({ value: f, label: t(`catalogue:field.${f}`) })).sort((a, b) =>
    a.label.localeCompare(b.label, 'id'),
  );

/** The channels people use (the terminal simulator is a developer's tool, not an audience). */
export const channelOptions = () =>
  CHANNELS.map(channelDescriptor)
    .filter((d) => d.audience)
    .map((d) => ({ value: d.id, label: d.label }));

export const provinceOptions = () =>
  listProvinces()
    .map((p) => ({ value: p.code, label: p.shortName }))
    .sort((a, b) => a.label.localeCompare(b.label, 'id'));

/** Regencies grouped under their province, for an optgroup per province. */
export const regencyGroups = () =>
  provinceOptions().map((province) => ({
    label: province.label,
    options: listRegencies(province.value)
      .map((r) => ({ value: r.code, label: regionDisplayName(r) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'id')),
  }));

export const educationLabel = (level: string) => EDUCATION_LABELS[level] ?? level;
