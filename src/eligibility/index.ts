export type * from '../shared/profile';
export { completedYears, formatDateId, jakartaDay, parseIsoDate, toIsoDate } from './dates';
export { canonicalEducationLevel, educationRank } from './education';
export { type EvaluateOptions, evaluate } from './evaluate';
export { renderMessage } from './message';
export { type SeatSituation, type Seats, type SeatsTaken, seatSituation } from './seats';
