/** What a programme search asks for: the searcher's facts, exclusions and the query (stored with saved searches and alerts). */
import type { ActivityStatus, Benefit, EducationLevel, Field, Gender, ProgrammeKind } from './vocabulary';

/** What a person said about themselves, used for one search and never stored with an alert. */
export interface PersonFacts {
  gender?: Gender;
  /** Completed years now. */
  age?: number;
  birthYear?: number;
  /** The year school was finished: against `graduated_within_years`. */
  graduationYear?: number;
  /** Highest level completed. */
  education?: EducationLevel;
  /** `regencies`: one of these (a city and a regency of one name), when the very regency is not known. */
  domicile?: { province: string; regency?: string; regencies?: string[] };
  /** What they do now. */
  activity?: ActivityStatus;
  /** Height in cm, for programmes that ask it (isHeightQuestion). */
  height?: number;
  /** Has a tattoo (true) or none (false), for programmes that ask about tattoos. */
  tattoo?: boolean;
  /** What the programmes' own yes/no questions ask, said of oneself (`sim`: false, `buta_warna`: true). */
  traits?: Record<string, boolean>;
}

export interface ProgrammeExclusions {
  fields?: Field[];
  /** Words a title must not say. */
  words?: string[];
  kinds?: ProgrammeKind[];
  countries?: string[];
  /** Province or regency codes. */
  places?: string[];
  online?: boolean;
}

export interface ProgrammeQuery {
  kinds?: ProgrammeKind[];
  fields?: Field[];
  /** Kemendagri province code (`35`): programmes anywhere in the province, and online ones. */
  province?: string;
  /** Regency/city code (`35.78`): programmes in that regency, and online ones. Wins over `province`. */
  regency?: string;
  /** Several regions at once (province or regency codes): programmes in any of them, and online ones. Wins over both. */
  places?: string[];
  /** Places to rank by without filtering: programmes there (then in their provinces) come first. */
  near?: string[];
  /** ISO alpha-2 destination (`JP`). */
  country?: string;
  /** Several destinations: any of them. Wins over `country`. */
  countries?: string[];
  /** With a country: a course at home whose title names it ("Kursus Bahasa Jerman") counts too. */
  countryCourses?: boolean;
  /** Kinds to list first without ruling out the others ("mau belajar …" prefers training). */
  preferKinds?: ProgrammeKind[];
  /**
   * Subjects named, each as the words that say it ("kopi", "barista", "coffee"): a programme outside
   * `fields` whose title says one is found too, and programmes saying more of them come first.
   */
  topics?: string[][];
  /** Words that named a whole field ("komputer"): a programme of another field whose title says one is found too. */
  fieldWords?: string[];
  /** Fields to list first without ruling out the others (what the person studied). */
  rankFields?: Field[];
  /** Subjects that only rank, each as words that say it ("tuli", "bahasa isyarat"): never empty a search. */
  rankBy?: string[][];
  /** When classes are held: a programme must say one of these words (title, summary, schedule note). */
  schedule?: string[][];
  /** No fee. */
  free?: boolean;
  /** Pays a stipend (uang saku). */
  stipend?: boolean;
  /** Gives each of these (the record's `benefits`): "yg ada asrama", "ada bpjs". */
  benefits?: Benefit[];
  /** Highest stipend first. */
  sortByStipend?: boolean;
  /** For women: women-only programmes and those with a women's quota; 'only': women-only ones alone. */
  womenOnly?: boolean | 'only';
  disabilityFriendly?: boolean;
  /** Fully online (daring). */
  online?: boolean;
  /** With `online`: part-online (campuran) counts too — offered when nothing fully online fits. */
  hybrid?: boolean;
  /** Partly online, partly in person (campuran) only. */
  blended?: boolean;
  /** Leftover words: they rank (programmes saying more of them first), never filter. */
  text?: string;
  /** What the person does not want. */
  exclude?: ProgrammeExclusions;
  /** Only programmes this person can join, by what they said; the others are counted as hidden. */
  person?: PersonFacts;
  /** Every programme the filters allow, not only those that say the most of the topics and words. */
  everything?: boolean;
  /** Also programmes whose registration has closed. */
  includeClosed?: boolean;
}
