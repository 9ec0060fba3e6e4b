import type { ApplicationServices } from '../../applications/services';
import type { DraftAnswers, FormSnapshot } from '../../applications/store';
import type { FlowContext } from '../../engine/context';
import type { FlowInput } from '../../engine/flow';
import type { FormField } from './form';
import type { ApplyParams } from './params';
import type { ApplyStepId } from './state';

/** The snapshot of a turn whose draft exists: the draft, its programme, the profile, the documents. */
export type Loaded = FormSnapshot & { app: DraftAnswers };

/**
 * One step of the application form, in the order a turn meets it: `ask` shows its question and saves
 * the state the answer will be read in; `parse` reads the answer (no database, no reply); `next` acts
 * on what was read and moves on — to another step's `ask`, another flow, or the menu.
 *
 * @typeParam Answer what `parse` makes of an input, for `next`
 * @typeParam Shown what `ask` needs besides the form
 */
export interface ApplyStep<Answer, Shown extends unknown[]> {
  readonly id: ApplyStepId;
  ask(ctx: FlowContext, form: Form, ...shown: Shown): void | Promise<void>;
  parse(ctx: FlowContext, input: FlowInput): Answer;
  next(ctx: FlowContext, form: Form, answer: Answer): Promise<void>;
}

/**
 * What every step may call besides its own functions: the form's services and the moves shared by
 * all steps. Handed in by the flow (./flow.ts), so the steps import none of each other.
 */
export interface Form {
  readonly services: ApplicationServices;
  /** Opens the form from the beginning (./open.ts): every check again, then where it stands. */
  open(ctx: FlowContext, params: ApplyParams): Promise<void>;
  /** Asks `first`, else the next unanswered question, else shows the review. */
  proceed(ctx: FlowContext, loaded: Loaded, first?: FormField): Promise<void>;
  /** Asks one question of the form (step "ask"). */
  askField(ctx: FlowContext, field: FormField, loaded: Loaded): void;
  /** Shows every answer with a way to change it, and "Kirim" (step "review"). */
  review(ctx: FlowContext, loaded: Loaded): Promise<void>;
}
