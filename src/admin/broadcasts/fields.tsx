import type { T } from '../../i18n';

/*
 * Form pieces shared by the composer and the target form: a message under a field (tied to it by
 * aria-describedby) and a summary of every problem at the top, each linking to its field.
 */

export interface FormError {
  key: string;
  params?: Record<string, string | number> | undefined;
}

/** The message of an error; `prefix` is its section's key space, e.g. `dashboard:broadcasts.errors`. */
export const errorText = (t: T, prefix: string, error: FormError) =>
  t(`${prefix}.${error.key}`, error.params ?? {});

/** Attributes of an input with (or without) an error: aria-invalid and the id of its message. */
export function invalid(id: string, error: FormError | undefined, hint?: string) {
  const described = [hint, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    ...(error ? { 'aria-invalid': 'true' as const } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
  };
}

export function FieldMessage(props: { id: string; t: T; prefix: string; error?: FormError | undefined }) {
  if (!props.error) return null;
  return (
    <p class="bc-field-error" id={`${props.id}-error`}>
      {errorText(props.t, props.prefix, props.error)}
    </p>
  );
}

/** Every problem of the form, first on the page (role=alert), each a link to the field. */
export function ErrorSummary(props: {
  t: T;
  prefix: string;
  heading: string;
  errors: Array<[fieldId: string, error: FormError]>;
}) {
  if (props.errors.length === 0) return null;
  return (
    <div class="notice error" role="alert">
      <p>
        <strong>{props.heading}</strong>
      </p>
      <ul>
        {props.errors.map(([id, error]) => (
          <li>
            <a href={`#${id}`}>{errorText(props.t, props.prefix, error)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
