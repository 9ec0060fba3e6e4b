/**
 * Shapes the eligibility engine works on. `EligibilityRules` mirrors the `eligibility` block of the
 * catalogue format (../shared/catalogue-format.md) structurally, so a parsed catalogue record can be
 * passed in as is.
 */
import type { ActivityStatus, EducationLevel, Gender } from './vocabulary';

/** A user-facing message: an i18next key (with its namespace, e.g. `eligibility:age.rule.max_on`) and its values. */
export interface Message {
  key: string;
  vars?: Record<string, unknown>;
}

/** Text written by a programme's organisers; `en` is optional everywhere in the catalogue. */
export interface LocalizedText {
  id: string;
  en?: string;
}

/** ISO date `YYYY-MM-DD` (a calendar day in Indonesia; no time, no zone). */
export type IsoDate = string;

export type AgeReference = 'registration_closes' | 'starts' | 'today' | IsoDate;

export interface AgeRule {
  min?: number;
  max?: number;
  /** The day on which completed years are counted; default `registration_closes` (see evaluate.ts). */
  at?: AgeReference;
}

/** Catalogue authors write what is on the poster: SMK, MA and D4 are accepted as SMA and S1. */
export type EducationLevelInput = EducationLevel | 'SMK' | 'MA' | 'D4';

export interface EducationRule {
  min?: EducationLevelInput;
  max?: EducationLevelInput;
}

export type QuestionType = 'yes_no' | 'number' | 'choice' | 'text';

/**
 * What a programme question accepts: a boolean (the yes/no answer that qualifies), a numeric range, or a
 * list of qualifying options. Absent: the answer is collected for the organisers and never disqualifies.
 * A `text` question (free words for the organisers, e.g. an email) never disqualifies: `require: true`
 * only means it cannot be skipped.
 */
export type QuestionRequirement = boolean | { min?: number; max?: number } | { in: string[] };

export interface ProgrammeQuestion {
  id: string;
  ask: LocalizedText;
  type: QuestionType;
  /** For `choice`. */
  options?: string[];
  require?: QuestionRequirement;
  /** The organisers' own words for the requirement, shown when explaining the check. */
  explain?: LocalizedText;
}

/**
 * The wording of a height question, whatever its id (`tinggi_cm`, `tinggi`): a regular expression read
 * alike by JavaScript and by the search's SQL (jsonpath `like_regex`), so the chat and the search agree.
 */
export const HEIGHT_QUESTION_PATTERN = 'tinggi|height';

/** A programme's height question: organisers ask it in their own words ("Tinggi badan (cm)?"), answered in cm. */
export function isHeightQuestion(question: ProgrammeQuestion): boolean {
  return new RegExp(HEIGHT_QUESTION_PATTERN, 'i').test(question.ask.id);
}

export type ProfileRuleName =
  | 'age'
  | 'education'
  | 'gender'
  | 'domicile'
  | 'status'
  | 'graduated_within_years';
export type RuleName = ProfileRuleName | `question:${string}`;

export interface EligibilityRules {
  age?: AgeRule;
  education?: EducationRule;
  /** Only for single-gender programmes. */
  gender?: Gender;
  /** Province ("35") or regency ("35.78") codes of idn-area-data; absent or empty: nationwide. */
  domicile?: string[];
  /** Any of these activities qualifies. */
  status?: ActivityStatus[];
  graduated_within_years?: number;
  /**
   * Rules that are "diutamakan" (preferred): a miss is explained but does not disqualify. Rule names as
   * in `RuleName`; a programme question may be named `question:ID` or just `ID`.
   */
  preferred?: string[];
  /** Asked in this order after the profile. */
  questions?: ProgrammeQuestion[];
}

export type Answer = string | number | boolean;

/**
 * What we know about a person. Every field is optional because the profile is filled in over a
 * conversation; `evaluate` reports what is still missing.
 */
export interface Profile {
  /**
   * ISO birth date. When the person gave only an age ("umur 22"), it is the day they said it minus that
   * many years and `birthDateApproximate` is true: the stated age holds for a year from that day.
   */
  birthDate?: IsoDate;
  birthDateApproximate?: boolean;
  gender?: Gender;
  /** Province code, e.g. "35". Implied by `domicileRegency` when absent. */
  domicileProvince?: string;
  /** Regency/city code, e.g. "35.78". */
  domicileRegency?: string;
  education?: {
    /** Highest level completed (SMA stands for SMA/SMK/MA, S1 for S1/D4). */
    level: EducationLevel;
    major?: string;
    /** Year that level was (or, for final-year students, will be) completed. */
    graduationYear?: number;
  };
  activity?: ActivityStatus;
  /**
   * Optional and used only to arrange accommodation (UU 27/2022: specific data, separate consent).
   * Never an input to any rule: `evaluate` does not read it.
   */
  disability?: { declared: boolean; needs?: string };
  /** Answers to programme questions, by question id, as the parsers in src/profile return them. */
  answers?: Record<string, Answer>;
}

/** The `dates` block of a catalogue record. */
export interface ProgrammeDates {
  registration_opens?: IsoDate;
  registration_closes?: IsoDate;
  starts?: IsoDate;
  ends?: IsoDate;
}

/**
 * The profile's own questions, in the order they are asked (the programme's questions come after):
 * the one list the eligibility rules, the profile flow and the corrections ("ganti tanggal lahir") read.
 */
export const PROFILE_QUESTIONS = [
  'birthDate',
  'gender',
  'domicile',
  'education',
  'graduationYear',
  'activity',
] as const satisfies readonly ProfileField[];

/** What the conversation must still ask, in the order it should ask it. */
export type ProfileField =
  | 'birthDate'
  | 'gender'
  | 'domicile'
  | 'education'
  | 'graduationYear'
  | 'activity'
  | `question:${string}`;

export interface Check {
  rule: RuleName;
  /** `undefined`: not known yet (the profile lacks what the rule needs). */
  passed: boolean | undefined;
  preferred: boolean;
  explanation: Message;
}

export type Outcome = 'eligible' | 'eligible_not_preferred' | 'ineligible' | 'incomplete';

export interface Evaluation {
  outcome: Outcome;
  checks: Check[];
  missing: ProfileField[];
}

/** A profile field the conversation asks for: a rule's field, or the regency after a province. */
export type FieldId = ProfileField | 'domicileRegency';
