import type { Message } from '../shared/profile';
import type { Field } from '../shared/vocabulary';
import type { RiasecType } from './items';

/**
 * Kejuruan that suit each interest type, most typical first. A judgement for Indonesian vocational
 * training (BLK/LPK fields), informed by where O*NET places similar occupations; review with counsellors.
 */
export const FIELDS_BY_TYPE: Record<RiasecType, readonly Field[]> = {
  R: [
    'las',
    'otomotif',
    'listrik',
    'konstruksi',
    'manufaktur',
    'refrigerasi',
    'elektronika',
    'pertanian',
    'perikanan',
  ],
  I: ['tik', 'elektronika', 'kesehatan', 'pertanian', 'perikanan'],
  A: ['menjahit', 'tata_rias', 'kerajinan', 'tata_boga', 'tik'],
  S: ['perawatan', 'kesehatan', 'perhotelan', 'pariwisata', 'bahasa'],
  E: ['kewirausahaan', 'pemasaran', 'pariwisata', 'perhotelan', 'bahasa'],
  C: ['administrasi', 'logistik', 'tik', 'manufaktur'],
};

export interface FieldRecommendation {
  field: Field;
  /** Which of the person's types the field suits. */
  types: RiasecType[];
  reason: Message;
}

/**
 * Fields for the person's strongest types (as `scoreQuiz().top` gives them): first those that suit
 * both, then the rest of the first type's, then the second's, each in its list's order.
 */
export function recommendFields(types: readonly RiasecType[], limit = 6): FieldRecommendation[] {
  const [first, second] = types;
  if (!first) return [];
  const firstFields = FIELDS_BY_TYPE[first];
  const secondFields = second && second !== first ? FIELDS_BY_TYPE[second] : [];
  const both = firstFields.filter((f) => secondFields.includes(f));
  const ordered: FieldRecommendation[] = [
    ...both.map((field) => ({
      field,
      types: [first, second!],
      reason: { key: 'profile:quiz.reason.both', vars: { a: first, b: second } },
    })),
    ...firstFields
      .filter((f) => !both.includes(f))
      .map((field) => ({
        field,
        types: [first],
        reason: { key: 'profile:quiz.reason.one', vars: { type: first } },
      })),
    ...secondFields
      .filter((f) => !both.includes(f))
      .map((field) => ({
        field,
        types: [second!],
        reason: { key: 'profile:quiz.reason.one', vars: { type: second } },
      })),
  ];
  return ordered.slice(0, limit);
}
