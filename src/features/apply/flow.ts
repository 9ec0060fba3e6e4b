import { z } from 'zod';
import { acceptDocument } from '../../applications/documents';
import { recordInterest } from '../../applications/interest';
import { parseNik } from '../../applications/nik';
import type { ApplicationServices } from '../../applications/services';
import { submitApplication } from '../../applications/status';
import {
  type DraftAnswers,
  deleteDraft,
  type FormSnapshot,
  loadFormSnapshot,
  openDraft,
  updateDraft,
} from '../../applications/store';
import { completedYears, jakartaDay, parseIsoDate } from '../../eligibility';
import { evaluateFor, missingFields } from '../../eligibility/for-profile';
import type { FlowContext } from '../../engine/context';
import type { Flow, FlowInput } from '../../engine/flow';
import { type Correction, type CorrectionField, readCorrection } from '../../nlu';
import { profileHas } from '../../profile/has';
import { saveProfile } from '../../profile/store';
import { maskNik } from '../../shared/field-cipher';
import { isHeightQuestion } from '../../shared/profile';
import { titleOf } from '../discover/format';
import { escapeFromForm } from '../form-escape';
import { showMenu } from '../menu/flow';
import type { FieldId } from '../profile/fields';
import { DISABILITY_QUESTION_FLOW, shouldAskDisability } from './disability-question';
import {
  acceptFormAnswer,
  documentKinds,
  documentLabel,
  type FormField,
  nextField,
  progress,
  promptFor,
  REQUIRED_PROFILE,
} from './form';
import { reviewItems } from './review';

/** The form's own answers, by the name a correction gives them. */
const FORM_FIELDS: Partial<Record<CorrectionField, Exclude<FormField, `doc:${string}`>>> = {
  fullName: 'fullName',
  nik: 'nik',
  phone: 'phone',
  email: 'email',
  address: 'address',
  major: 'major',
};
const PROFILE_FIELDS: ReadonlySet<CorrectionField> = new Set<CorrectionField>([
  'birthDate',
  'gender',
  'domicile',
  'education',
  'graduationYear',
  'activity',
  'height',
]);

function labelFor(ctx: FlowContext, field: CorrectionField): string {
  return ctx.t(`form.field.${field}`);
}

function titleCase(text: string): string {
  return text.replace(/\p{L}+/gu, (w) => w[0]!.toUpperCase() + w.slice(1));
}

/** The programme's height question, as a profile question id. */
function heightField(loaded: FormSnapshot): FieldId | undefined {
  const q = loaded.programme.record.eligibility?.questions?.find(isHeightQuestion);
  return q ? (`question:${q.id}` as FieldId) : undefined;
}

export interface ApplyParams {
  slug?: string;
  /** "Lanjutkan" or "Mulai ulang" already chosen. */
  resume?: 'continue' | 'restart';
  /** Back from the profile questions: do not ask them again. */
  returning?: boolean;
  /** Ask this question first (an answer being changed from the review screen). */
  ask?: FormField;
  /** Back from the optional disability question (./disability-question.ts): do not ask it again. */
  disabilityAsked?: boolean;
}

interface ApplyData extends Record<string, unknown> {
  slug: string;
  applicationId: string;
  field?: FormField;
  /** Where "lanjut mengisi" goes back to from the cancel question. */
  back?: { step: string; field?: FormField };
}

/** The saved data's shape, checked when a turn starts (a value of an older shape is dropped). */
const ApplyState = z.looseObject({
  slug: z.string().optional().catch(undefined),
  applicationId: z.string().optional().catch(undefined),
  field: z.string().optional().catch(undefined),
  back: z.looseObject({ step: z.string() }).optional().catch(undefined),
});

function data(ctx: FlowContext): ApplyData {
  return ctx.state.data as ApplyData;
}

/**
 * The application form (issue #5): eligibility first (through the profile and eligibility flows),
 * then only what is still missing — name, NIK, phone, email, address, major, the programme's documents
 * — each answer validated and saved to the draft at once, then a review where anything can be changed,
 * and "Kirim", which takes a seat or a place on the waitlist and gives a reference number.
 */
export function createApplyFlow(services: ApplicationServices): Flow<'apply'> {
  const flow: Flow<'apply'> = {
    id: 'apply',
    state: ApplyState,
    start: (ctx, params) => start(ctx, params ?? {}),
    async handle(ctx, input) {
      switch (ctx.state.step) {
        case 'resume':
          return onResume(ctx, input);
        case 'review':
          return onReview(ctx, input);
        case 'confirmCancel':
          return onCancelAnswer(ctx, input);
        default:
          return onAnswer(ctx, input);
      }
    },
  };

  async function start(ctx: FlowContext, params: ApplyParams): Promise<void> {
    const slug = params.slug;
    const snapshot = slug ? await loadFormSnapshot(ctx.tx, ctx.user.id, { slug }) : undefined;
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
      ctx.say(
        ctx.t(
          programme.state === 'upcoming' ? 'applications:apply.notYetOpen' : 'applications:apply.closed',
          {
            title,
          },
        ),
      );
      return ctx.go('discover', { slug });
    }
    let docs = snapshot.docs;
    if (app && params.resume === 'restart') {
      await deleteDraft(ctx.tx, services.storage, app.id);
      app = undefined;
      docs = [];
    }
    if (app && !params.resume && !params.returning) {
      const { done, total } = progress(app, docs, p, profile);
      if (done > 0) return askResume(ctx, slug, app.id, title, done, total);
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
      ctx.say(
        ctx.t('applications:apply.intro', {
          title,
          documents: kinds.length ? kinds.join(', ') : ctx.t('applications:apply.noDocuments'),
        }),
      );
    }
    ctx.state = { flow: 'apply', step: 'ask', data: { slug, applicationId: app.id }, misses: 0 };
    return next(ctx, { ...snapshot, app, docs }, params.ask);
  }

  async function askResume(
    ctx: FlowContext,
    slug: string,
    applicationId: string,
    title: string,
    done: number,
    total: number,
  ): Promise<void> {
    ctx.state = { flow: 'apply', step: 'resume', data: { slug, applicationId }, misses: 0 };
    ctx.ask(ctx.t('applications:resume.ask', { title, done, total }), [
      { id: 'resume:continue', label: ctx.t('applications:resume.continue') },
      { id: 'resume:restart', label: ctx.t('applications:resume.restart') },
    ]);
  }

  async function onResume(ctx: FlowContext, input: FlowInput): Promise<void> {
    const d = data(ctx);
    if (input.kind === 'choice' && (input.id === 'resume:continue' || input.id === 'resume:restart'))
      return start(ctx, { slug: d.slug, resume: input.id === 'resume:continue' ? 'continue' : 'restart' });
    ctx.say(ctx.t('fallback.pickOption'));
    const loaded = await load(ctx);
    if (!loaded) return start(ctx, { slug: d.slug });
    const { done, total } = progress(loaded.app, loaded.docs, loaded.programme.record, loaded.profile);
    return askResume(ctx, d.slug, loaded.app.id, titleOf(ctx, loaded.programme.record.title), done, total);
  }

  /** The snapshot of a turn whose draft exists. */
  type Loaded = FormSnapshot & { app: DraftAnswers };

  /** The draft, its programme, the profile and the documents (one statement); undefined when gone. */
  async function load(ctx: FlowContext): Promise<Loaded | undefined> {
    const d = data(ctx);
    if (!d.applicationId) return undefined;
    const snapshot = await loadFormSnapshot(ctx.tx, ctx.user.id, { applicationId: d.applicationId });
    return snapshot?.app ? { ...snapshot, app: snapshot.app } : undefined;
  }

  /** Asks the next unanswered question, or shows the review. */
  async function next(ctx: FlowContext, loaded: Loaded, first?: FormField): Promise<void> {
    if (loaded.app.status !== 'draft') return ctx.go('applications', { open: loaded.app.id });
    const field = first ?? nextField(loaded.app, loaded.docs, loaded.programme.record, loaded.profile);
    if (!field) return review(ctx, loaded);
    return ask(ctx, field, loaded);
  }

  async function gone(ctx: FlowContext): Promise<void> {
    ctx.home();
    return showMenu(ctx, ctx.t('applications:apply.gone'));
  }

  function ask(ctx: FlowContext, field: FormField, loaded: Loaded): void {
    const prompt = promptFor(ctx, field, {
      profile: loaded.profile,
      programme: loaded.programme.record,
      docs: loaded.docs,
    });
    const misses = ctx.state.misses ?? 0;
    ctx.state = { ...ctx.state, flow: 'apply', step: 'ask', data: { ...data(ctx), field }, misses };
    ctx.ask(prompt.text, prompt.choices, prompt.requestContact ? { requestContact: true } : {});
  }

  /**
   * A wrong answer: say why, ask again; from the second miss on, point to a person. Unless the words
   * were not an answer at all ("eh gajadi", "status lamaranku", "lanjut" the next day).
   */
  async function miss(
    ctx: FlowContext,
    error: string,
    field: FormField,
    loaded: Loaded,
    input?: FlowInput,
  ): Promise<void> {
    const { done, total } = progress(loaded.app, loaded.docs, loaded.programme.record, loaded.profile);
    const detour = input
      ? await escapeFromForm(ctx, input, { slug: data(ctx).slug, remaining: total - done })
      : undefined;
    if (detour === 'left') return;
    if (detour === 'cancel') return cancelApplyForm(ctx);
    if (detour === 'repeat') {
      ctx.say(ctx.t('form.welcomeBack'));
      return ask(ctx, field, loaded);
    }
    if (detour === 'aside') return ask(ctx, field, loaded);
    const misses = (ctx.state.misses ?? 0) + 1;
    ctx.say(misses >= 2 ? `${error}\n\n${ctx.t('applications:needHelp')}` : error);
    ctx.state = { ...ctx.state, misses };
    ask(ctx, field, loaded);
  }

  async function onAnswer(ctx: FlowContext, input: FlowInput): Promise<void> {
    const d = data(ctx);
    const loaded = await load(ctx);
    if (!loaded) return gone(ctx);
    const field = d.field;
    if (!field) return next(ctx, loaded);
    if (loaded.app.status !== 'draft') return ctx.go('applications', { open: loaded.app.id });

    if (field.startsWith('doc:')) {
      const kind = field.slice(4);
      if (input.kind !== 'media') {
        const key =
          input.kind === 'text'
            ? 'applications:documents.error.text'
            : 'applications:documents.error.notFile';
        return miss(ctx, ctx.t(key, { document: documentLabel(ctx, kind) }), field, loaded, input);
      }
      const result = await acceptDocument(ctx.tx, services, {
        channel: ctx.inbound.channel,
        applicationId: loaded.app.id,
        kind,
        media: input,
      });
      if (!result.ok) return miss(ctx, ctx.t(result.error.key, result.error.vars), field, loaded);
      ctx.say(
        ctx.t(result.mimeType === 'application/pdf' ? 'applications:ack.pdf' : 'applications:ack.photo', {
          document: documentLabel(ctx, kind),
        }),
      );
      ctx.state = { ...ctx.state, misses: 0 };
      const docs = [
        ...loaded.docs.filter((doc) => doc.kind !== kind),
        { kind, storageKey: '', mimeType: result.mimeType, size: result.size, createdAt: new Date() },
      ];
      return next(ctx, { ...loaded, docs });
    }

    const correction = input.kind === 'text' ? readCorrection(input.text) : undefined;
    if (correction && (await correctForm(ctx, correction, field, loaded))) return;
    if (field === 'nik') redactNikInLog(ctx);
    const outcome = acceptFormAnswer(
      ctx,
      field as Exclude<FormField, `doc:${string}`>,
      input,
      loaded.profile,
      services.cipher,
    );
    if (!outcome.ok) return miss(ctx, outcome.error, field, loaded, input);
    // Saved without waiting: they go to Postgres with the turn's own write (a round trip less per step).
    if (Object.keys(outcome.patch).length) ctx.writeBehind(updateDraft(ctx.tx, loaded.app.id, outcome.patch));
    if (outcome.profile) ctx.writeBehind(saveProfile(ctx.tx, ctx.user.id, outcome.profile));
    if (outcome.ack) ctx.say(outcome.ack);
    ctx.state = { ...ctx.state, misses: 0 };
    return next(ctx, {
      ...loaded,
      app: { ...loaded.app, ...outcome.patch },
      profile: outcome.profile ?? loaded.profile,
    });
  }

  /**
   * "ganti nomor hp", "ubah alamat", "nama aku salah tulis, harusnya Siti Rahmawati", in the form or the
   * review: the named answer is changed (with the new value when it was given, else asked again), then
   * the form goes on from where it was. Profile answers go back through the profile questions.
   */
  async function correctForm(
    ctx: FlowContext,
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
        returnTo: { flow: 'apply', params: { slug: data(ctx).slug, returning: true, resume: 'continue' } },
      });
      return true;
    }
    const field = FORM_FIELDS[named];
    if (!field) return false;
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
        services.cipher,
      );
      if (outcome.ok) {
        if (Object.keys(outcome.patch).length) await updateDraft(ctx.tx, loaded.app.id, outcome.patch);
        if (outcome.profile) await saveProfile(ctx.tx, ctx.user.id, outcome.profile);
        ctx.say(ctx.t('form.corrected', { line: `• ${labelFor(ctx, named)}: ${value}` }));
        const changed = { ...loaded.app, ...outcome.patch };
        await next(ctx, { ...loaded, app: changed, profile: outcome.profile ?? loaded.profile });
        return true;
      }
    }
    if (!answered && field !== current) {
      // Not asked yet: it will be, in its turn.
      ctx.say(ctx.t('form.askedLater', { label: labelFor(ctx, named) }));
      if (current) ask(ctx, current, loaded);
      else await review(ctx, loaded);
      return true;
    }
    ctx.say(ctx.t('form.correctThis', { label: labelFor(ctx, named) }));
    ask(ctx, field, loaded);
    return true;
  }

  async function review(ctx: FlowContext, loaded: Loaded): Promise<void> {
    const items = reviewItems(
      ctx,
      loaded.app,
      loaded.docs,
      loaded.programme.record,
      loaded.profile,
      services.cipher,
    );
    const lines = items.map((item, i) => `${i + 1}. ${item.label}: ${item.value}`);
    ctx.state = {
      flow: 'apply',
      step: 'review',
      data: { slug: data(ctx).slug, applicationId: loaded.app.id },
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
  }

  async function onReview(ctx: FlowContext, input: FlowInput): Promise<void> {
    const loaded = await load(ctx);
    if (!loaded) return gone(ctx);
    if (loaded.app.status !== 'draft') return ctx.go('applications', { open: loaded.app.id });
    if (input.kind === 'choice' && input.id === 'submit') return submit(ctx, loaded);
    const correction = input.kind === 'text' ? readCorrection(input.text) : undefined;
    if (correction && (await correctForm(ctx, correction, undefined, loaded))) return;
    if (input.kind === 'choice' && input.id.startsWith('edit:')) {
      const items = reviewItems(
        ctx,
        loaded.app,
        loaded.docs,
        loaded.programme.record,
        loaded.profile,
        services.cipher,
      );
      const item = items[Number(input.id.slice(5))];
      if (item && 'form' in item.edit) {
        ctx.say(ctx.t('applications:review.editing', { label: item.label }));
        return ask(ctx, item.edit.form, loaded);
      }
      if (item && 'profile' in item.edit)
        return ctx.go('profile', {
          fields: item.edit.profile,
          questions: loaded.programme.record.eligibility?.questions ?? [],
          returnTo: {
            flow: 'apply',
            params: {
              slug: data(ctx).slug,
              returning: true,
              resume: 'continue',
              ...(item.edit.andAsk ? { ask: item.edit.andAsk } : {}),
            },
          },
        });
    }
    ctx.say(ctx.t('applications:review.pick'));
    return review(ctx, loaded);
  }

  async function submit(ctx: FlowContext, loaded: Loaded): Promise<void> {
    const { app, programme, profile } = loaded;
    const p = programme.record;
    const title = titleOf(ctx, p.title);
    if (programme.state !== 'open') {
      ctx.say(ctx.t('applications:apply.closed', { title }));
      ctx.home();
      return showMenu(ctx);
    }
    // Anything may have changed since it was answered: the rules, the profile, a document kind added.
    const evaluation = evaluateFor(p, profile, ctx.locale);
    if (evaluation.outcome === 'ineligible' || evaluation.outcome === 'incomplete') {
      ctx.say(ctx.t('applications:apply.notEligible', { title }));
      return ctx.go('eligibility', { slug: data(ctx).slug, returning: true, applying: true });
    }
    const missing = nextField(app, loaded.docs, p, profile);
    if (missing) return ask(ctx, missing, loaded);
    if (app.nikCipher) {
      const check = parseNik(services.cipher.decrypt(app.nikCipher), profile);
      if (!check.ok) {
        ctx.say(ctx.t(check.error.key, check.error.vars));
        return ask(ctx, 'nik', loaded);
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

  async function onCancelAnswer(ctx: FlowContext, input: FlowInput): Promise<void> {
    const d = data(ctx);
    const choice = input.kind === 'choice' ? input.id : undefined;
    if (choice === 'cancel:discard') {
      await deleteDraft(ctx.tx, services.storage, d.applicationId);
      ctx.home();
      return showMenu(ctx, ctx.t('applications:cancel.discarded'));
    }
    if (choice === 'cancel:keep') return leaveKeepingDraft(ctx);
    if (choice === 'cancel:back') {
      const back = d.back;
      const { back: _drop, ...rest } = d;
      ctx.state = { ...ctx.state, step: back?.step ?? 'ask', data: rest, misses: 0 };
      if (back?.step === 'resume') return start(ctx, { slug: d.slug });
      const loaded = await load(ctx);
      if (!loaded) return gone(ctx);
      return next(ctx, loaded, back?.step === 'review' ? undefined : back?.field);
    }
    ctx.say(ctx.t('fallback.pickOption'));
    return askCancel(ctx);
  }

  return flow;
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

function leaveKeepingDraft(ctx: FlowContext): Promise<void> {
  ctx.home();
  return showMenu(ctx, ctx.t('applications:cancel.kept'));
}

function askCancel(ctx: FlowContext): void {
  ctx.state = { ...ctx.state, step: 'confirmCancel' };
  ctx.ask(ctx.t('applications:cancel.ask'), [
    { id: 'cancel:back', label: ctx.t('applications:cancel.back') },
    { id: 'cancel:keep', label: ctx.t('applications:cancel.keep') },
    { id: 'cancel:discard', label: ctx.t('applications:cancel.discard') },
  ]);
}

/**
 * "batal" while the form is open (the router's global words call this): asks before anything is
 * thrown away. The draft is kept unless the person chooses to delete it; "batal" again on the question
 * itself leaves and keeps the draft, so nothing loops.
 */
export async function cancelApplyForm(ctx: FlowContext): Promise<void> {
  const d = ctx.state.data as Partial<ApplyData>;
  if (ctx.state.step === 'confirmCancel' || !d.applicationId) return leaveKeepingDraft(ctx);
  ctx.state = {
    ...ctx.state,
    data: { ...d, back: { step: ctx.state.step, ...(d.field ? { field: d.field } : {}) } },
  };
  askCancel(ctx);
}
