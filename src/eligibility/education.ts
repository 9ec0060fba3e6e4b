import type { EducationLevelInput } from '../shared/profile';
import { EDUCATION_LEVELS, type EducationLevel } from '../shared/vocabulary';

/** SMK and MA are SMA-equivalent, D4 is S1-equivalent (catalogue-format.md). */
const EQUIVALENT: Record<string, EducationLevel> = { SMK: 'SMA', MA: 'SMA', D4: 'S1' };

/** A level as written in a catalogue or profile → the canonical level, or undefined if unknown. */
export function canonicalEducationLevel(level: EducationLevelInput | string): EducationLevel | undefined {
  const upper = level.trim().toUpperCase();
  const equivalent = EQUIVALENT[upper];
  if (equivalent) return equivalent;
  return (EDUCATION_LEVELS as readonly string[]).includes(upper) ? (upper as EducationLevel) : undefined;
}

/** Position in SD < SMP < SMA < D1 < D2 < D3 < S1 < S2 < S3. */
export function educationRank(level: EducationLevel): number {
  return EDUCATION_LEVELS.indexOf(level);
}
