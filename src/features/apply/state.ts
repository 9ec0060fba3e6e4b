import { z } from 'zod';
import type { FlowContext } from '../../engine/context';
import { type FormField, isFormField } from './form';

/** The steps the form waits in for an answer (the state's `step`); see ./steps/. */
export const APPLY_STEPS = ['resume', 'ask', 'review', 'confirmCancel'] as const;
export type ApplyStepId = (typeof APPLY_STEPS)[number];

/** The step an answer is read in: a step no release knows any more reads as a form question. */
export function stepOf(step: string): ApplyStepId {
  return (APPLY_STEPS as readonly string[]).includes(step) ? (step as ApplyStepId) : 'ask';
}

/**
 * The form's saved data, parsed by the engine when a turn starts. Every field survives an older or
 * damaged value: it reads as missing, and the step then does what it does without it (a question
 * no release asks any more is followed by the next unanswered one).
 */
export const ApplyState = z.looseObject({
  slug: z.string().optional().catch(undefined),
  applicationId: z.string().optional().catch(undefined),
  /** The question being asked (step "ask"). */
  field: z.custom<FormField>(isFormField).optional().catch(undefined),
  /** Where "lanjut mengisi" goes back to from the cancel question. */
  back: z
    .looseObject({
      step: z.enum(APPLY_STEPS).catch('ask'),
      field: z.custom<FormField>(isFormField).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});
export type ApplyData = z.infer<typeof ApplyState>;

/** The form's data in this turn: parsed with `ApplyState` when the turn started, written only below. */
export function applyData(ctx: FlowContext): ApplyData {
  return ctx.state.data as ApplyData;
}
