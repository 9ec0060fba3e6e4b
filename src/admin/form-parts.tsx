import type { Child } from 'hono/jsx';
import { ErrorSummary, FieldMessage, type FormError, invalid } from './broadcasts/fields';
import type { AdminContext } from './context';
import { Csrf } from './layout';

/*
 * The blocks every dashboard form repeats, in one place (the knowledge base's entry form and the
 * integrations' endpoint forms used to spell them out each): a labelled field with its hint and its
 * message, a form with its problem summary on top and its button below, and a single-button action
 * that asks before it acts.
 */

/** The attributes a field's control gets: its id and name, and its hint and message tied to it. */
export interface FieldAria {
  id: string;
  name?: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

/** A label, an optional hint, the control (given its aria attributes) and the field's message. */
export function Field(props: {
  c: AdminContext;
  id: string;
  label: string;
  hint?: string | undefined;
  /** Where the field's messages are in the locales, e.g. `knowledge:admin.problem`. */
  prefix: string;
  error?: FormError | undefined;
  control: (aria: FieldAria) => Child;
}) {
  const hint = props.hint ? `${props.id}-hint` : undefined;
  return (
    <>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="muted bc-hint" id={hint}>
          {props.hint}
        </p>
      ) : null}
      {props.control({ id: props.id, ...invalid(props.id, props.error, hint) })}
      <FieldMessage id={props.id} t={props.c.var.t} prefix={props.prefix} error={props.error} />
    </>
  );
}

/** A posted form: the CSRF token, every problem listed first (each a link to its field), the button last. */
export function FormShell(props: {
  c: AdminContext;
  action: string;
  submit: string;
  prefix: string;
  summary: string;
  errors: Array<[fieldId: string, error: FormError]>;
  class?: string;
  labelledBy?: string;
  children?: Child;
}) {
  return (
    <form method="post" action={props.action} class={props.class} aria-labelledby={props.labelledBy}>
      <Csrf c={props.c} />
      <ErrorSummary t={props.c.var.t} prefix={props.prefix} heading={props.summary} errors={props.errors} />
      {props.children}
      <div class="actions">
        <button type="submit">{props.submit}</button>
      </div>
    </form>
  );
}

/** One button that changes something for good, under its heading and what it does; asks first. */
export function ConfirmAction(props: {
  c: AdminContext;
  action: string;
  heading: string;
  hint: string;
  confirm: string;
  submit: string;
  tone: 'secondary' | 'danger';
}) {
  return (
    <>
      <h2>{props.heading}</h2>
      <form method="post" action={props.action} data-confirm={props.confirm}>
        <Csrf c={props.c} />
        <p class="muted">{props.hint}</p>
        <div class="actions">
          <button type="submit" class={props.tone}>
            {props.submit}
          </button>
        </div>
      </form>
    </>
  );
}
