import { recordInterest } from '../../applications/interest';
import { deleteDraft, loadFormSnapshot, openDraft } from '../../applications/store';
import { evaluateFor, missingFields } from '../../eligibility/for-profile';
import type { FlowContext } from '../../engine/context';
import { profileHas } from '../../profile/has';
import { titleOf } from '../discover/format';
import { showMenu } from '../menu/flow';
import type { FieldId } from '../profile/fields';
import { DISABILITY_QUESTION_FLOW, shouldAskDisability } from './disability-question';
import { documentKinds, documentLabel, progress, REQUIRED_PROFILE } from './form';
import type { ApplyParams } from './params';
import type { Form } from './step';
import { resumeStep } from './steps/resume';

/**
 * Opening the form (`start` of the flow, and again after the profile questions or "Mulai ulang"): the
 * programme must take applications in the chat and be open; a draft with answers asks whether to go
 * on; the profile questions and the consent come first, then eligibility, then the optional
 * disability question; then the draft is opened and the first unanswered question asked.
 */
export async function openForm(ctx: FlowContext, form: Form, params: ApplyParams): Promise<void> {
  const slug = params.slug;
  const snapshot = !slug
    ? undefined
    : params.known?.programme.slug === slug
      ? params.known
      : await loadFormSnapshot(ctx.tx, ctx.user.id, { slug });
  if (!slug || !snapshot) {
    ctx.say(ctx.t('discovery:notFound'));
    return ctx.go('discover');
  }
  const { programme, profile } = snapshot;
  const p = programme.record;
  const title = titleOf(ctx, p.title);
  if (p.application?.mode !== 'in_chat') {
    await recordInterest(ctx.tx, ctx.user.id, programme.id, ctx.inbound.channel);
    if (p.application?.url) ctx.say(ctx.t('discovery:applyExternal', { title, url: p.application.url }));
    return ctx.go('discover', { slug });
  }
  let app = snapshot.app;
  if (app && app.status !== 'draft') {
    ctx.say(ctx.t('applications:apply.already', { title, reference: app.reference ?? '' }));
    return ctx.go('applications', { open: app.id });
  }
  if (programme.state !== 'open') {
    const key =
      programme.state === 'upcoming' ? 'applications:apply.notYetOpen' : 'applications:apply.closed';
    ctx.say(ctx.t(key, { title }));
    return ctx.go('discover', { slug });
  }
  let docs = snapshot.docs;
  if (app && params.resume === 'restart') {
    await deleteDraft(ctx.tx, form.services.storage, app.id);
    app = undefined;
    docs = [];
  }
  if (app && !params.resume && !params.returning) {
    const { done, total } = progress(app, docs, p, profile);
    if (done > 0) return resumeStep.ask(ctx, form, { slug, applicationId: app.id, title, done, total });
  }

  const evaluation = evaluateFor(p, profile, ctx.locale);
  const needed = [
    ...new Set<FieldId>([
      ...REQUIRED_PROFILE.filter((f) => !profileHas(profile, f)),
      ...missingFields(evaluation),
    ]),
  ];
  if (!params.returning && (needed.length || !snapshot.consent)) {
    if (needed.length) ctx.say(ctx.t('applications:apply.needProfile', { title, count: needed.length }));
    return ctx.go('profile', {
      fields: needed,
      questions: p.eligibility?.questions ?? [],
      returnTo: { flow: 'apply', params: { slug, returning: true, resume: 'continue' } },
      stopWhenIneligibleFor: slug,
      known: { profile, consent: snapshot.consent },
    });
  }
  if (!snapshot.consent) {
    ctx.home();
    return showMenu(ctx, ctx.t('applications:apply.noConsent'));
  }
  if (evaluation.outcome === 'ineligible' || evaluation.outcome === 'incomplete') {
    ctx.say(ctx.t('applications:apply.notEligible', { title }));
    return ctx.go('eligibility', { slug, returning: true, applying: true });
  }
  // Issue #20, point 12: the organisation's disability goal needs the optional question, asked once.
  if (!app && !params.disabilityAsked && (await shouldAskDisability(ctx.tx, ctx.user.id, p, profile)))
    return ctx.go(DISABILITY_QUESTION_FLOW, { slug });
  if (!app) {
    const row = await openDraft(ctx.tx, ctx.user.id, programme.id, ctx.inbound.channel);
    app = {
      id: row.id,
      status: row.status,
      reference: row.reference,
      fullName: row.fullName,
      nikCipher: row.nikCipher,
      phone: row.phone,
      email: row.email,
      emailSkipped: row.emailSkipped,
      address: row.address,
    };
    const kinds = documentKinds(p).map((k) => documentLabel(ctx, k));
    // The verdict first: after the eligibility questions a person should read that they qualify (and
    // what the organiser prefers) before being asked for a NIK, not infer it from the form appearing.
    const preferred = evaluation.checks
      .filter((c) => c.preferred && c.passed === false)
      .map((c) => `• ${ctx.t(c.explanation.key, c.explanation.vars)}`);
    const verdict = [ctx.t(`eligibility:flow.outcome.${evaluation.outcome}`, { title }), ...preferred].join(
      '\n',
    );
    ctx.say(
      `${verdict}\n\n${ctx.t('applications:apply.intro', {
        title,
        documents: kinds.length ? kinds.join(', ') : ctx.t('applications:apply.noDocuments'),
      })}`,
    );
  }
  ctx.state = { flow: 'apply', step: 'ask', data: { slug, applicationId: app.id }, misses: 0 };
  return form.proceed(ctx, { ...snapshot, app, docs }, params.ask);
}
