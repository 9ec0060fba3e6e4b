/** Parsers for profile answers: each returns the value or an Indonesian message saying what to write. */
export { parseActivity } from './activity';
export { type BirthDateAnswer, MAX_AGE, MIN_AGE, parseBirthDate } from './birth-date';
export { type ChoiceAnswer, parseChoice } from './choice';
export { type EducationAnswer, parseEducation } from './education';
export { parseGender } from './gender';
export { type GraduationYearOptions, parseGraduationYear } from './graduation-year';
export { type NumberOptions, type NumberUnit, parseNumber } from './number';
export { fail, ok, type ParseResult } from './result';
export { parseYesNo, parseYesNoTo } from './yes-no';
