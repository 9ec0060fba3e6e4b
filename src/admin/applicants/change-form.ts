import { parseWhen } from '../../applications/format';
import type { T } from '../../i18n';
import type { ApplicationStatus, StatusDetails } from '../../shared/application-statuses';
import { jakartaDate } from '../programmes/format';
import { MIN_REASON_LENGTH, REASON_REQUIRED } from './decisions';

/** What staff wrote in a status form (one application's or the list's bulk change). */
export interface ChangeValues {
  status: string;
  date: string;
  place: string;
  reason: string;
}

/**
 * Checks a status form against the statuses allowed: an interview needs a date (not past) and a place,
 * a "no" a kind reason of a sentence. One set of rules for a single change and a bulk one, so a slip
 * cannot pass in bulk that would be stopped alone.
 */
export function checkChange(
  t: T,
  values: ChangeValues,
  allowed: readonly ApplicationStatus[],
  today = jakartaDate(new Date()),
): { status?: ApplicationStatus; details: StatusDetails; errors: Record<string, string> } {
  const k = (key: string, vars?: Record<string, unknown>) =>
    t(`dashboard:applicants.change.error.${key}`, vars ?? {});
  const errors: Record<string, string> = {};
  const status = allowed.find((s) => s === values.status);
  if (!status) errors.status = values.status ? k('notAllowed') : k('statusRequired');
  const details: StatusDetails = {};
  if (status === 'wawancara') {
    const when = values.date.trim() ? parseWhen(values.date) : undefined;
    if (!values.date.trim()) errors.date = k('dateRequired');
    else if (!when) errors.date = k('dateFormat');
    else if ((when.length === 10 ? when : jakartaDate(new Date(when))) < today) errors.date = k('datePast');
    else details.date = when;
    if (!values.place.trim()) errors.place = k('placeRequired');
    else if (values.place.trim().length > 300) errors.place = k('tooLong', { max: 300 });
    else details.place = values.place.trim();
  }
  if (values.reason.trim().length > 500) errors.reason = k('tooLong', { max: 500 });
  else if (status && REASON_REQUIRED.has(status) && values.reason.trim().length < MIN_REASON_LENGTH)
    errors.reason = k('reasonRequired', {
      status: t(`applications:status.${status}.label`),
      min: MIN_REASON_LENGTH,
    });
  else if (values.reason.trim()) details.reason = values.reason.trim();
  return { ...(status ? { status } : {}), details, errors };
}
