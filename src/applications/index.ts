/** Applications inside the chat (issue #5): the form's services, seats, status lifecycle, privacy. */

export * from '../shared/application-statuses';
export { acceptDocument } from './documents';
export { formatReference, formatWhen, nextSteps, parseWhen, statusLabel } from './format';
export { recordInterest } from './interest';
export { parseNik } from './nik';
export { formatPhone, parsePhone } from './phone';
export {
  type AnonymiseResult,
  type ApplicationExport,
  anonymiseApplications,
  applicationsOf,
} from './privacy';
export { lockSeats, seatsLeft } from './seats';
export type { ApplicationServices } from './services';
export { type ChangeResult, changeStatus, StatusChangeError, submitApplication } from './status';
