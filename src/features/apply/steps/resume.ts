import { titleOf } from '../../discover/format';
import { progress } from '../form';
import { loadDraft } from '../snapshot';
import { applyData } from '../state';
import type { ApplyStep } from '../step';

/** A draft with answers, opened again: "terisi 3 dari 8 — Lanjutkan / Mulai ulang". */
export interface ResumeQuestion {
  slug: string;
  applicationId: string;
  title: string;
  done: number;
  total: number;
}

export const resumeStep: ApplyStep<'continue' | 'restart' | undefined, [ResumeQuestion]> = {
  id: 'resume',

  ask(ctx, _form, { slug, applicationId, title, done, total }) {
    ctx.state = { flow: 'apply', step: 'resume', data: { slug, applicationId }, misses: 0 };
    ctx.ask(ctx.t('applications:resume.ask', { title, done, total }), [
      { id: 'resume:continue', label: ctx.t('applications:resume.continue') },
      { id: 'resume:restart', label: ctx.t('applications:resume.restart') },
    ]);
  },

  parse(_ctx, input) {
    if (input.kind !== 'choice') return undefined;
    if (input.id === 'resume:continue') return 'continue';
    if (input.id === 'resume:restart') return 'restart';
    return undefined;
  },

  async next(ctx, form, answer) {
    const { slug } = applyData(ctx);
    if (answer) return form.open(ctx, { slug, resume: answer });
    ctx.say(ctx.t('fallback.pickOption'));
    const loaded = await loadDraft(ctx);
    if (!loaded || !slug) return form.open(ctx, { slug });
    const { done, total } = progress(loaded.app, loaded.docs, loaded.programme.record, loaded.profile);
    const title = titleOf(ctx, loaded.programme.record.title);
    return resumeStep.ask(ctx, form, { slug, applicationId: loaded.app.id, title, done, total });
  },
};
