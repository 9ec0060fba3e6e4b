import type { ApplicationStatus } from '../../../shared/application-statuses';
import type { AdminContext } from '../../context';
import { Csrf } from '../../layout';
import { UNDO_SECONDS } from '../decisions';
import type { StatusForm } from './detail';

/**
 * The step between choosing a decision and saving it: what will change, the message exactly as the
 * person will read it (in their language), and when it goes. Saving or going back to edit.
 */
export function ConfirmDecision(props: {
  c: AdminContext;
  id: string;
  name: string;
  status: ApplicationStatus;
  values: StatusForm['values'];
  preview: { text: string; locale: string } | undefined;
}) {
  const { c, values } = props;
  const t = c.var.t;
  const k = (key: string, vars?: Record<string, unknown>) =>
    t(`dashboard:applicants.confirm.${key}`, vars ?? {});
  return (
    <>
      <p class="back">
        <a href={`/admin/applicants/${props.id}`}>{k('back')}</a>
      </p>
      <p>{k('lead', { name: props.name, status: t(`applications:status.${props.status}.label`) })}</p>
      {props.preview ? (
        <>
          <h2>{k('previewHeading')}</h2>
          <blockquote class="bc-preview" lang={props.preview.locale}>
            {props.preview.text}
          </blockquote>
          <p class="muted">{k('held', { minutes: Math.round(UNDO_SECONDS / 60) })}</p>
        </>
      ) : (
        <p class="notice">{k('unreachable')}</p>
      )}
      <form method="post" action={`/admin/applicants/${props.id}/status`} class="actions">
        <Csrf c={c} />
        <input type="hidden" name="status" value={props.status} />
        <input type="hidden" name="date" value={values.date} />
        <input type="hidden" name="place" value={values.place} />
        <input type="hidden" name="reason" value={values.reason} />
        <button type="submit" name="confirm" value="1">
          {k('submit')}
        </button>{' '}
        <button type="submit" name="edit" value="1" class="secondary">
          {k('edit')}
        </button>
      </form>
    </>
  );
}
