import { deleteDraft } from '../../../applications/store';
import type { FlowContext } from '../../../engine/context';
import { showMenu } from '../../menu/flow';
import { draftGone, loadDraft } from '../snapshot';
import { applyData, stepOf } from '../state';
import type { ApplyStep } from '../step';

type CancelAnswer = 'back' | 'keep' | 'discard' | undefined;

/**
 * "batal" in the form: go back to where it was, leave and keep the draft, or delete it. Asked by
 * `cancelApplyForm` (the router's global words), which has no form at hand: its `ask` needs none.
 */
export const cancelStep: ApplyStep<CancelAnswer, []> = {
  id: 'confirmCancel',

  ask: (ctx) => askCancel(ctx),

  parse(_ctx, input) {
    if (input.kind !== 'choice') return undefined;
    if (input.id === 'cancel:back') return 'back';
    if (input.id === 'cancel:keep') return 'keep';
    if (input.id === 'cancel:discard') return 'discard';
    return undefined;
  },

  async next(ctx, form, answer) {
    const d = applyData(ctx);
    if (answer === 'discard') {
      if (d.applicationId) await deleteDraft(ctx.tx, form.services.storage, d.applicationId);
      ctx.home();
      return showMenu(ctx, ctx.t('applications:cancel.discarded'));
    }
    if (answer === 'keep') return leaveKeepingDraft(ctx);
    if (answer === 'back') {
      const { back, ...rest } = d;
      ctx.state = { ...ctx.state, step: back?.step ?? 'ask', data: rest, misses: 0 };
      if (back?.step === 'resume') return form.open(ctx, { slug: d.slug });
      const loaded = await loadDraft(ctx);
      if (!loaded) return draftGone(ctx);
      return form.proceed(ctx, loaded, back?.step === 'review' ? undefined : back?.field);
    }
    ctx.say(ctx.t('fallback.pickOption'));
    return askCancel(ctx);
  },
};

function askCancel(ctx: FlowContext): void {
  ctx.state = { ...ctx.state, step: 'confirmCancel' };
  ctx.ask(ctx.t('applications:cancel.ask'), [
    { id: 'cancel:back', label: ctx.t('applications:cancel.back') },
    { id: 'cancel:keep', label: ctx.t('applications:cancel.keep') },
    { id: 'cancel:discard', label: ctx.t('applications:cancel.discard') },
  ]);
}

function leaveKeepingDraft(ctx: FlowContext): Promise<void> {
  ctx.home();
  return showMenu(ctx, ctx.t('applications:cancel.kept'));
}

/**
 * "batal" while the form is open (the router's global words call this): asks before anything is
 * thrown away. The draft is kept unless the person chooses to delete it; "batal" again on the question
 * itself leaves and keeps the draft, so nothing loops.
 */
export async function cancelApplyForm(ctx: FlowContext): Promise<void> {
  const d = applyData(ctx);
  if (ctx.state.step === 'confirmCancel' || !d.applicationId) return leaveKeepingDraft(ctx);
  ctx.state = {
    ...ctx.state,
    data: { ...d, back: { step: stepOf(ctx.state.step), ...(d.field ? { field: d.field } : {}) } },
  };
  askCancel(ctx);
}
