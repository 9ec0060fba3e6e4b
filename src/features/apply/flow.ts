import type { ApplicationServices } from '../../applications/services';
import { formSnapshotPrefetch } from '../../applications/store';
import type { FlowContext } from '../../engine/context';
import type { Flow, FlowInput } from '../../engine/flow';
import { nextField } from './form';
import { openForm } from './open';
import { ApplyState, type ApplyStepId, stepOf } from './state';
import type { ApplyStep, Form } from './step';
import { cancelStep } from './steps/cancel';
import { fieldStep } from './steps/field';
import { resumeStep } from './steps/resume';
import { reviewStep } from './steps/review';

type Turn = (ctx: FlowContext, form: Form, input: FlowInput) => Promise<void>;

/** One answer in a step: read it, then act on it. */
const turnIn =
  <Answer, Shown extends unknown[]>(step: ApplyStep<Answer, Shown>): Turn =>
  (ctx, form, input) =>
    step.next(ctx, form, step.parse(ctx, input));

/** Where an answer goes, by the step the form waits in (the compiler checks every step has one). */
const TURNS: Record<ApplyStepId, Turn> = {
  resume: turnIn(resumeStep),
  ask: turnIn(fieldStep),
  review: turnIn(reviewStep),
  confirmCancel: turnIn(cancelStep),
};

/**
 * The application form (issue #5): eligibility first (through the profile and eligibility flows),
 * then only what is still missing — name, NIK, phone, email, address, major, the programme's documents
 * — each answer validated and saved to the draft at once, then a review where anything can be changed,
 * and "Kirim", which takes a seat or a place on the waitlist and gives a reference number.
 *
 * Opening is ./open.ts; each step the form waits in is a module of ./steps/ (the protocol: ./step.ts);
 * "Kirim" is ./submit.ts and "ganti nomor hp" ./correction.ts.
 */
export function createApplyFlow(services: ApplicationServices): Flow<'apply'> {
  const form: Form = {
    services,
    open: (ctx, params) => openForm(ctx, form, params),
    async proceed(ctx, loaded, first) {
      if (loaded.app.status !== 'draft') return ctx.go('applications', { open: loaded.app.id });
      const field = first ?? nextField(loaded.app, loaded.docs, loaded.programme.record, loaded.profile);
      if (!field) return form.review(ctx, loaded);
      return form.askField(ctx, field, loaded);
    },
    askField: (ctx, field, loaded) => fieldStep.ask(ctx, form, field, loaded),
    review: async (ctx, loaded) => reviewStep.ask(ctx, form, loaded),
  };
  return {
    id: 'apply',
    state: ApplyState,
    prefetch: ({ userId, data }) => formSnapshotPrefetch(userId, data),
    start: (ctx, params) => form.open(ctx, params ?? {}),
    handle: (ctx, input) => TURNS[stepOf(ctx.state.step)](ctx, form, input),
  };
}
