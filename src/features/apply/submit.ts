import { parseNik } from '../../applications/nik';
import { submitApplication } from '../../applications/status';
import { completedYears, jakartaDay, parseIsoDate } from '../../eligibility';
import { evaluateFor } from '../../eligibility/for-profile';
import type { FlowContext } from '../../engine/context';
import { titleOf } from '../discover/format';
import { showMenu } from '../menu/flow';
import { nextField } from './form';
import { applyData } from './state';
import type { Form, Loaded } from './step';

/**
 * "Kirim" on the review: everything is checked again (anything may have changed since it was
 * answered: the rules, the profile, a document kind added), then the application takes a seat or a
 * place on the waitlist and the person gets its reference number.
 */
export async function submitForm(ctx: FlowContext, form: Form, loaded: Loaded): Promise<void> {
  const { app, programme, profile } = loaded;
  const p = programme.record;
  const title = titleOf(ctx, p.title);
  if (programme.state !== 'open') {
    ctx.say(ctx.t('applications:apply.closed', { title }));
    ctx.home();
    return showMenu(ctx);
  }
  const evaluation = evaluateFor(p, profile, ctx.locale);
  if (evaluation.outcome === 'ineligible' || evaluation.outcome === 'incomplete') {
    ctx.say(ctx.t('applications:apply.notEligible', { title }));
    return ctx.go('eligibility', { slug: applyData(ctx).slug, returning: true, applying: true });
  }
  const missing = nextField(app, loaded.docs, p, profile);
  if (missing) return form.askField(ctx, missing, loaded);
  if (app.nikCipher) {
    const check = parseNik(form.services.cipher.decrypt(app.nikCipher), profile);
    if (!check.ok) {
      ctx.say(ctx.t(check.error.key, check.error.vars));
      return form.askField(ctx, 'nik', loaded);
    }
  }
  const birth = parseIsoDate(profile.birthDate);
  const result = await submitApplication(ctx.tx, {
    applicationId: app.id,
    programmeId: programme.id,
    applicant: {
      ...(profile.birthDate ? { birthDate: profile.birthDate } : {}),
      ...(profile.birthDateApproximate ? { birthDateApproximate: true } : {}),
      ...(profile.gender ? { gender: profile.gender } : {}),
      ...(profile.domicileProvince ? { domicileProvince: profile.domicileProvince } : {}),
      ...(profile.domicileRegency ? { domicileRegency: profile.domicileRegency } : {}),
      ...(profile.education ? { education: profile.education } : {}),
      ...(profile.answers ? { answers: profile.answers } : {}),
    },
    stats: {
      ...(profile.gender ? { gender: profile.gender } : {}),
      ...(profile.education ? { educationLevel: profile.education.level } : {}),
      ...(profile.domicileProvince ? { province: profile.domicileProvince } : {}),
      ...(birth ? { age: completedYears(birth, jakartaDay()) } : {}),
    },
  });
  const lines = [
    result.status === 'cadangan'
      ? ctx.t('applications:submitted.waitlist', {
          title,
          reference: result.reference,
          position: result.position ?? 1,
        })
      : ctx.t('applications:submitted.ok', { title, reference: result.reference }),
  ];
  if (result.seat === 'women') lines.push(ctx.t('applications:submitted.womenSeat'));
  lines.push('', ctx.t('applications:submitted.next'));
  ctx.say(lines.join('\n'));
  ctx.home();
  return showMenu(ctx, ctx.t('applications:submitted.more'));
}
