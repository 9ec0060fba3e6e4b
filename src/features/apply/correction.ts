import { updateDraft } from '../../applications/store';
import type { FlowContext } from '../../engine/context';
import type { Correction, CorrectionField } from '../../nlu';
import { saveProfile } from '../../profile/store';
import { isHeightQuestion, PROFILE_QUESTIONS } from '../../shared/profile';
import type { FieldId } from '../profile/fields';
import { acceptFormAnswer, FORM_TEXT_FIELDS, type FormField, type FormTextField } from './form';
import { applyData } from './state';
import type { Form, Loaded } from './step';

/** The form's own answers: a correction names them as the form does. */
const FORM_FIELDS: ReadonlySet<string> = new Set(FORM_TEXT_FIELDS);
const isFormTextField = (named: CorrectionField): named is CorrectionField & FormTextField =>
  FORM_FIELDS.has(named);
/** The profile's answers (and the programme's height question), changed through the profile flow. */
const PROFILE_FIELDS: ReadonlySet<CorrectionField> = new Set<CorrectionField>([
  ...PROFILE_QUESTIONS,
  'height',
]);

function labelFor(ctx: FlowContext, field: CorrectionField): string {
  return ctx.t(`form.field.${field}`);
}

function titleCase(text: string): string {
  return text.replace(/\p{L}+/gu, (w) => w[0]!.toUpperCase() + w.slice(1));
}

/** The programme's height question, as a profile question id. */
function heightField(loaded: Loaded): FieldId | undefined {
  const q = loaded.programme.record.eligibility?.questions?.find(isHeightQuestion);
  return q ? (`question:${q.id}` as FieldId) : undefined;
}

/**
 * "ganti nomor hp", "ubah alamat", "nama aku salah tulis, harusnya Siti Rahmawati", in the form or the
 * review: the named answer is changed (with the new value when it was given, else asked again), then
 * the form goes on from where it was. Profile answers go back through the profile questions. False:
 * the words named nothing the form can change, and the step reads them as it would otherwise.
 */
export async function correctForm(
  ctx: FlowContext,
  form: Form,
  c: Correction,
  current: FormField | undefined,
  loaded: Loaded,
): Promise<boolean> {
  const named = c.field;
  if (!named) return false;
  if (named === 'profile' || PROFILE_FIELDS.has(named)) {
    const fields: FieldId[] =
      named === 'profile'
        ? []
        : [named === 'height' ? heightField(loaded) : (named as FieldId)].filter((f): f is FieldId =>
            Boolean(f),
          );
    if (named !== 'profile' && !fields.length) return false;
    if (named === 'profile') {
      await ctx.go('profile', { mode: 'review' });
      return true;
    }
    ctx.say(ctx.t('form.correctThis', { label: labelFor(ctx, named) }));
    await ctx.go('profile', {
      fields,
      questions: loaded.programme.record.eligibility?.questions ?? [],
      returnTo: { flow: 'apply', params: { slug: applyData(ctx).slug, returning: true, resume: 'continue' } },
    });
    return true;
  }
  if (!isFormTextField(named)) return false;
  const field: FormTextField = named;
  const app = loaded.app;
  const answered = {
    fullName: !!app.fullName,
    nik: !!app.nikCipher,
    phone: !!app.phone,
    email: !!app.email || app.emailSkipped,
    address: !!app.address,
    major: !!loaded.profile.education?.major,
  }[field];
  if (c.value && field !== 'nik') {
    const value = field === 'fullName' ? titleCase(c.value) : c.value;
    const outcome = acceptFormAnswer(
      ctx,
      field,
      { kind: 'text', text: value },
      loaded.profile,
      form.services.cipher,
    );
    if (outcome.ok) {
      if (Object.keys(outcome.patch).length) await updateDraft(ctx.tx, loaded.app.id, outcome.patch);
      if (outcome.profile) await saveProfile(ctx.tx, ctx.user.id, outcome.profile);
      ctx.say(ctx.t('form.corrected', { line: `• ${labelFor(ctx, named)}: ${value}` }));
      const changed = { ...loaded.app, ...outcome.patch };
      await form.proceed(ctx, { ...loaded, app: changed, profile: outcome.profile ?? loaded.profile });
      return true;
    }
  }
  if (!answered && field !== current) {
    // Not asked yet: it will be, in its turn.
    ctx.say(ctx.t('form.askedLater', { label: labelFor(ctx, named) }));
    if (current) form.askField(ctx, current, loaded);
    else await form.review(ctx, loaded);
    return true;
  }
  ctx.say(ctx.t('form.correctThis', { label: labelFor(ctx, named) }));
  form.askField(ctx, field, loaded);
  return true;
}
