import { acceptDocument } from '../../../applications/documents';
import { updateDraft } from '../../../applications/store';
import type { FlowContext } from '../../../engine/context';
import type { FlowInput } from '../../../engine/flow';
import { type Correction, readCorrection } from '../../../nlu';
import { saveProfile } from '../../../profile/store';
import { maskNik } from '../../../shared/field-cipher';
import { escapeFromForm } from '../../form-escape';
import { correctForm } from '../correction';
import { acceptFormAnswer, documentLabel, type FormField, progress, promptFor } from '../form';
import { draftGone, loadDraft } from '../snapshot';
import { applyData } from '../state';
import type { ApplyStep, Form, Loaded } from '../step';
import { cancelApplyForm } from './cancel';

type DocumentField = Extract<FormField, `doc:${string}`>;
type TextField = Exclude<FormField, DocumentField>;
type Media = Extract<FlowInput, { kind: 'media' }>;

/** What was given to the question being asked. */
type FieldAnswer =
  | { kind: 'unasked'; input: FlowInput }
  | { kind: 'file'; field: DocumentField; document: string; media: Media }
  | { kind: 'notFile'; field: DocumentField; document: string; input: FlowInput }
  | { kind: 'answer'; field: TextField; input: FlowInput; correction: Correction | undefined };

/**
 * One question of the form (step "ask"): name, NIK, phone, email, address, major, each document. An
 * answer is validated and saved to the draft at once; "ganti nomor hp" changes another answer; a
 * wrong answer is explained and asked again.
 */
export const fieldStep: ApplyStep<FieldAnswer, [FormField, Loaded]> = {
  id: 'ask',

  ask(ctx, _form, field, loaded) {
    const prompt = promptFor(ctx, field, {
      profile: loaded.profile,
      programme: loaded.programme.record,
      docs: loaded.docs,
    });
    const misses = ctx.state.misses ?? 0;
    ctx.state = { ...ctx.state, flow: 'apply', step: 'ask', data: { ...applyData(ctx), field }, misses };
    ctx.ask(prompt.text, prompt.choices, prompt.requestContact ? { requestContact: true } : {});
  },

  parse(ctx, input) {
    const field = applyData(ctx).field;
    if (!field) return { kind: 'unasked', input };
    if (isDocument(field)) {
      const document = field.slice(4);
      return input.kind === 'media'
        ? { kind: 'file', field, document, media: input }
        : { kind: 'notFile', field, document, input };
    }
    const correction = input.kind === 'text' ? readCorrection(input.text) : undefined;
    return { kind: 'answer', field, input, correction };
  },

  async next(ctx, form, answer) {
    const loaded = await loadDraft(ctx);
    if (!loaded) return draftGone(ctx);
    if (answer.kind === 'unasked') return form.proceed(ctx, loaded);
    if (loaded.app.status !== 'draft') return ctx.go('applications', { open: loaded.app.id });
    if (answer.kind === 'notFile') {
      const key =
        answer.input.kind === 'text'
          ? 'applications:documents.error.text'
          : 'applications:documents.error.notFile';
      const error = ctx.t(key, { document: documentLabel(ctx, answer.document) });
      return miss(ctx, form, error, answer.field, loaded, answer.input);
    }
    if (answer.kind === 'file') return saveDocument(ctx, form, answer, loaded);

    const { field, input } = answer;
    if (answer.correction && (await correctForm(ctx, form, answer.correction, field, loaded))) return;
    if (field === 'nik') redactNikInLog(ctx);
    const outcome = acceptFormAnswer(ctx, field, input, loaded.profile, form.services.cipher);
    if (!outcome.ok) return miss(ctx, form, outcome.error, field, loaded, input);
    // Saved without waiting: they go to Postgres with the turn's own write (a round trip less per step).
    if (Object.keys(outcome.patch).length) ctx.writeBehind(updateDraft(ctx.tx, loaded.app.id, outcome.patch));
    if (outcome.profile) ctx.writeBehind(saveProfile(ctx.tx, ctx.user.id, outcome.profile));
    if (outcome.ack) ctx.say(outcome.ack);
    ctx.state = { ...ctx.state, misses: 0 };
    return form.proceed(ctx, {
      ...loaded,
      app: { ...loaded.app, ...outcome.patch },
      profile: outcome.profile ?? loaded.profile,
    });
  },
};

function isDocument(field: FormField): field is DocumentField {
  return field.startsWith('doc:');
}

async function saveDocument(
  ctx: FlowContext,
  form: Form,
  { field, document, media }: Extract<FieldAnswer, { kind: 'file' }>,
  loaded: Loaded,
): Promise<void> {
  const result = await acceptDocument(ctx.tx, form.services, {
    channel: ctx.inbound.channel,
    applicationId: loaded.app.id,
    kind: document,
    media,
  });
  if (!result.ok) return miss(ctx, form, ctx.t(result.error.key, result.error.vars), field, loaded);
  ctx.say(
    ctx.t(result.mimeType === 'application/pdf' ? 'applications:ack.pdf' : 'applications:ack.photo', {
      document: documentLabel(ctx, document),
    }),
  );
  ctx.state = { ...ctx.state, misses: 0 };
  const docs = [
    ...loaded.docs.filter((doc) => doc.kind !== document),
    { kind: document, storageKey: '', mimeType: result.mimeType, size: result.size, createdAt: ctx.now() },
  ];
  return form.proceed(ctx, { ...loaded, docs });
}

/**
 * A wrong answer: say why, ask again; from the second miss on, point to a person. Unless the words
 * were not an answer at all ("eh gajadi", "status lamaranku", "lanjut" the next day).
 */
async function miss(
  ctx: FlowContext,
  form: Form,
  error: string,
  field: FormField,
  loaded: Loaded,
  input?: FlowInput,
): Promise<void> {
  const { done, total } = progress(loaded.app, loaded.docs, loaded.programme.record, loaded.profile);
  const detour = input
    ? await escapeFromForm(ctx, input, {
        slug: applyData(ctx).slug,
        remaining: total - done,
        ...(isDocument(field) ? { document: documentLabel(ctx, field.slice(4)) } : {}),
      })
    : undefined;
  if (detour === 'left') return;
  if (detour === 'cancel') return cancelApplyForm(ctx);
  if (detour === 'repeat') {
    ctx.say(ctx.t('form.welcomeBack'));
    return form.askField(ctx, field, loaded);
  }
  if (detour === 'aside') return form.askField(ctx, field, loaded);
  const misses = (ctx.state.misses ?? 0) + 1;
  ctx.say(misses >= 2 ? `${error}\n\n${ctx.t('applications:needHelp')}` : error);
  ctx.state = { ...ctx.state, misses };
  form.askField(ctx, field, loaded);
}

/**
 * The message log keeps what people write, but never a NIK in clear (it is stored encrypted and shown
 * masked): whatever is typed at the NIK question is logged as its mask. The engine writes the inbound
 * payload after the flow has run, so rewriting it here is what reaches the log.
 */
function redactNikInLog(ctx: FlowContext): void {
  const payload = ctx.inbound.payload;
  if (payload.type !== 'text') return;
  (payload as { text: string }).text = `[NIK ${maskNik(payload.text.replace(/\D+/g, ''))}]`;
}
