import type { FlowContext } from '../../../engine/context';
import { type Correction, readCorrection } from '../../../nlu';
import { titleOf } from '../../discover/format';
import { correctForm } from '../correction';
import { type ReviewItem, reviewItems } from '../review';
import { draftGone, loadDraft } from '../snapshot';
import { applyData } from '../state';
import type { ApplyStep, Form, Loaded } from '../step';
import { submitForm } from '../submit';

/** Every answer of the draft, as the review lists them (and its numbers pick them). */
function itemsOf(ctx: FlowContext, form: Form, loaded: Loaded): ReviewItem[] {
  const { app, docs, programme, profile } = loaded;
  return reviewItems(ctx, app, docs, programme.record, profile, form.services.cipher);
}

type ReviewAnswer =
  | { kind: 'submit' }
  | { kind: 'edit'; item: number }
  | { kind: 'correction'; correction: Correction }
  | { kind: 'other' };

/**
 * Every answer listed with a number to change it, and "Kirim" (step "review"). "ganti alamat" works
 * here as in the form; a number opens that answer's question (or the profile questions it comes from).
 */
export const reviewStep: ApplyStep<ReviewAnswer, [Loaded]> = {
  id: 'review',

  async ask(ctx, form, loaded) {
    const items = itemsOf(ctx, form, loaded);
    const lines = items.map((item, i) => `${i + 1}. ${item.label}: ${item.value}`);
    ctx.state = {
      flow: 'apply',
      step: 'review',
      data: { slug: applyData(ctx).slug, applicationId: loaded.app.id },
      misses: 0,
    };
    ctx.ask(
      ctx.t('applications:review.text', {
        title: titleOf(ctx, loaded.programme.record.title),
        lines: lines.join('\n'),
      }),
      [
        ...items.map((_, i) => ({ id: `edit:${i}`, label: String(i + 1), listed: true })),
        { id: 'submit', label: ctx.t('applications:review.submit') },
      ],
    );
  },

  parse(_ctx, input) {
    if (input.kind === 'choice' && input.id === 'submit') return { kind: 'submit' };
    if (input.kind === 'choice' && input.id.startsWith('edit:'))
      return { kind: 'edit', item: Number(input.id.slice(5)) };
    const correction = input.kind === 'text' ? readCorrection(input.text) : undefined;
    return correction ? { kind: 'correction', correction } : { kind: 'other' };
  },

  async next(ctx, form, answer) {
    const loaded = await loadDraft(ctx);
    if (!loaded) return draftGone(ctx);
    if (loaded.app.status !== 'draft') return ctx.go('applications', { open: loaded.app.id });
    if (answer.kind === 'submit') return submitForm(ctx, form, loaded);
    if (answer.kind === 'correction' && (await correctForm(ctx, form, answer.correction, undefined, loaded)))
      return;
    if (answer.kind === 'edit') {
      const item = itemsOf(ctx, form, loaded)[answer.item];
      if (item && 'form' in item.edit) {
        ctx.say(ctx.t('applications:review.editing', { label: item.label }));
        return form.askField(ctx, item.edit.form, loaded);
      }
      if (item && 'profile' in item.edit)
        return ctx.go('profile', {
          fields: item.edit.profile,
          questions: loaded.programme.record.eligibility?.questions ?? [],
          returnTo: {
            flow: 'apply',
            params: {
              slug: applyData(ctx).slug,
              returning: true,
              resume: 'continue',
              ...(item.edit.andAsk ? { ask: item.edit.andAsk } : {}),
            },
          },
        });
    }
    ctx.say(ctx.t('applications:review.pick'));
    return reviewStep.ask(ctx, form, loaded);
  },
};
