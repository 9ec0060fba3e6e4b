import { isSkip, parseAddress, parseEmail, parseFullName, parseMajor } from '../../applications/answers';
import { birthDateFromNik, parseNik } from '../../applications/nik';
import { formatPhone, parsePhone } from '../../applications/phone';
import type { DraftAnswers, DraftPatch, StoredDocument } from '../../applications/store';
import type { StoredProfile } from '../../db/schema';
import { jakartaDay } from '../../eligibility/dates';
import { channelDescriptor } from '../../engine/channels';
import type { FlowContext } from '../../engine/context';
import type { FlowInput } from '../../engine/flow';
import { understand } from '../../nlu';
import { parseYesNo } from '../../profile/parse';
import type { Choice } from '../../shared/conversation';
import { type FieldCipher, maskNik } from '../../shared/field-cipher';
import type { Message } from '../../shared/profile';
import type { Programme } from '../../shared/programme';
import type { FieldId } from '../profile/fields';

/** The form's typed questions, in the order it asks them; the documents come after. */
export const FORM_TEXT_FIELDS = ['fullName', 'nik', 'phone', 'email', 'address', 'major'] as const;
export type FormTextField = (typeof FORM_TEXT_FIELDS)[number];

/** The questions of the application form itself; the profile flow asks everything else. */
export type FormField = FormTextField | `doc:${string}`;

export function isFormField(value: unknown): value is FormField {
  return (
    typeof value === 'string' &&
    ((FORM_TEXT_FIELDS as readonly string[]).includes(value) || value.startsWith('doc:'))
  );
}

/** What every application needs from the profile (the NIK is checked against the first two). */
export const REQUIRED_PROFILE: FieldId[] = ['birthDate', 'gender', 'domicile', 'education', 'graduationYear'];

/** Below SMA there is no jurusan to ask about. */
export function needsMajor(profile: StoredProfile): boolean {
  const level = profile.education?.level;
  return !!level && level !== 'SD' && level !== 'SMP';
}

export function documentKinds(programme: Programme): string[] {
  return programme.application?.documents ?? [];
}

/** The first question still unanswered, in the order the form asks them; undefined: ready to review. */
export function nextField(
  app: DraftAnswers,
  docs: StoredDocument[],
  programme: Programme,
  profile: StoredProfile,
): FormField | undefined {
  if (!app.fullName) return 'fullName';
  if (!app.nikCipher) return 'nik';
  if (!app.phone) return 'phone';
  if (!app.email && !app.emailSkipped) return 'email';
  if (!app.address) return 'address';
  if (needsMajor(profile) && !profile.education?.major) return 'major';
  const have = new Set(docs.map((d) => d.kind));
  const missing = documentKinds(programme).find((kind) => !have.has(kind));
  return missing ? `doc:${missing}` : undefined;
}

/** How many of the form's questions are answered, for "terisi 5 dari 8". */
export function progress(
  app: DraftAnswers,
  docs: StoredDocument[],
  programme: Programme,
  profile: StoredProfile,
): { done: number; total: number } {
  const kinds = documentKinds(programme);
  const have = new Set(docs.map((d) => d.kind));
  const checks = [
    !!app.fullName,
    !!app.nikCipher,
    !!app.phone,
    !!app.email || app.emailSkipped,
    !!app.address,
    ...(needsMajor(profile) ? [!!profile.education?.major] : []),
    ...kinds.map((k) => have.has(k)),
  ];
  return { done: checks.filter(Boolean).length, total: checks.length };
}

export function documentLabel(ctx: FlowContext, kind: string): string {
  return ctx.t(`catalogue:document.${kind}`);
}

/** The person's own number when the chat itself is a phone number (WhatsApp). */
export function ownPhone(ctx: FlowContext): string | undefined {
  const address = ctx.inbound.user.address ?? ctx.inbound.user.externalId;
  const digits = channelDescriptor(ctx.inbound.channel).phoneFromAddress?.(address);
  if (!digits) return undefined;
  const parsed = parsePhone(`+${digits}`);
  return parsed.ok ? parsed.phone : undefined;
}

export interface Prompt {
  text: string;
  choices: Choice[];
  requestContact?: boolean;
}

export function promptFor(
  ctx: FlowContext,
  field: FormField,
  context: { profile: StoredProfile; programme: Programme; docs: StoredDocument[] },
): Prompt {
  switch (field) {
    case 'fullName':
      return { text: ctx.t('applications:ask.fullName'), choices: [] };
    case 'nik':
      return { text: ctx.t('applications:ask.nik'), choices: [] };
    case 'phone': {
      const own = ownPhone(ctx);
      if (own)
        return {
          text: ctx.t('applications:ask.phoneOwn', { phone: formatPhone(own) }),
          choices: [{ id: 'phone:own', label: ctx.t('applications:phone.useOwn') }],
        };
      return {
        text: ctx.t('applications:ask.phone'),
        choices: [{ id: 'phone:contact', label: ctx.t('applications:phone.shareButton') }],
        requestContact: true,
      };
    }
    case 'email':
      return {
        text: ctx.t('applications:ask.email'),
        choices: [{ id: 'email:skip', label: ctx.t('applications:email.skip') }],
      };
    case 'address':
      return { text: ctx.t('applications:ask.address'), choices: [] };
    case 'major':
      return {
        text: ctx.t('applications:ask.major', {
          level: ctx.t(`profile:value.education.${context.profile.education?.level ?? 'SMA'}`),
        }),
        choices: [],
      };
    default: {
      const kind = field.slice(4);
      const kinds = documentKinds(context.programme);
      return {
        text: ctx.t('applications:ask.document', {
          document: documentLabel(ctx, kind),
          n: Math.max(1, kinds.indexOf(kind) + 1),
          total: kinds.length,
          hint: ctx.t(`applications:documentHint.${kind}`, { defaultValue: '' }),
        }),
        choices: [],
      };
    }
  }
}

export type AnswerOutcome =
  | { ok: true; patch: DraftPatch; profile?: StoredProfile; ack?: string }
  | { ok: false; error: string };

const message = (ctx: FlowContext, m: Message) => ctx.t(m.key, m.vars);

/** Validates a typed (or shared) answer to one of the form's text questions. */
export function acceptFormAnswer(
  ctx: FlowContext,
  field: Exclude<FormField, `doc:${string}`>,
  input: FlowInput,
  profile: StoredProfile,
  cipher: FieldCipher,
): AnswerOutcome {
  if (field === 'phone') {
    let raw: string | undefined;
    if (input.kind === 'contact') {
      if (!input.isOwn) return { ok: false, error: ctx.t('applications:phone.notOwn') };
      raw = input.phone;
    } else if (input.kind === 'choice' && input.id === 'phone:own') raw = ownPhone(ctx);
    else if (input.kind === 'choice' && input.id === 'phone:contact')
      return { ok: false, error: ctx.t('applications:phone.typeIt') };
    else if (input.kind === 'text') raw = input.text;
    if (raw === undefined) return { ok: false, error: nonText(ctx, input) };
    const parsed = parsePhone(raw);
    if (!parsed.ok) return { ok: false, error: message(ctx, parsed.error) };
    return {
      ok: true,
      patch: { phone: parsed.phone },
      ack: ctx.t('applications:ack.phone', { phone: formatPhone(parsed.phone) }),
    };
  }
  if (field === 'email' && input.kind === 'choice' && input.id === 'email:skip')
    return { ok: true, patch: { email: null, emailSkipped: true } };
  if (input.kind !== 'text') return { ok: false, error: nonText(ctx, input) };
  const text = input.text;
  switch (field) {
    case 'fullName': {
      // "ya", "ok", "lanjut": a reply to the bot, not a name (the parser only checks the letters).
      if (notAName(text)) return { ok: false, error: ctx.t('applications:parse.name.notAName') };
      const parsed = parseFullName(text);
      return parsed.ok
        ? { ok: true, patch: { fullName: parsed.value } }
        : { ok: false, error: message(ctx, parsed.error) };
    }
    case 'nik': {
      const parsed = parseNik(text, profile);
      if (!parsed.ok) return { ok: false, error: message(ctx, parsed.error) };
      const ack = ctx.t('applications:ack.nik', { nik: maskNik(parsed.nik) });
      // Only an age was said ("umurku 23"): the NIK says the very day, which the organiser needs.
      const born =
        !profile.birthDate || profile.birthDateApproximate
          ? birthDateFromNik(
              parsed.nik,
              jakartaDay().year,
              profile.birthDate ? Number(String(profile.birthDate).slice(0, 4)) : undefined,
            )
          : undefined;
      if (!born) return { ok: true, patch: { nikCipher: cipher.encrypt(parsed.nik) }, ack };
      const [y, m, d] = born.split('-');
      return {
        ok: true,
        patch: { nikCipher: cipher.encrypt(parsed.nik) },
        profile: { ...profile, birthDate: born, birthDateApproximate: false },
        ack: `${ack}\n${ctx.t('applications:ack.birthFromNik', { date: `${d}-${m}-${y}` })}`,
      };
    }
    case 'email': {
      if (isSkip(text)) return { ok: true, patch: { email: null, emailSkipped: true } };
      const parsed = parseEmail(text);
      return parsed.ok
        ? { ok: true, patch: { email: parsed.value, emailSkipped: false } }
        : { ok: false, error: message(ctx, parsed.error) };
    }
    case 'address': {
      const parsed = parseAddress(text);
      return parsed.ok
        ? { ok: true, patch: { address: parsed.value } }
        : { ok: false, error: message(ctx, parsed.error) };
    }
    case 'major': {
      const parsed = parseMajor(text);
      if (!parsed.ok) return { ok: false, error: message(ctx, parsed.error) };
      const level = profile.education?.level ?? 'SMA';
      return {
        ok: true,
        patch: {},
        profile: { ...profile, education: { ...profile.education, level, major: parsed.value } },
      };
    }
  }
}

/**
 * "ya", "iya kak", "lanjut", "halo": an answer to something else, not a name. Every word must be such a
 * reply word: a real name may hold one ("Peserta Ya", "Muhammad Y. Putra", "Andi S. N.", "Ayu Ada").
 */
export function notAName(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 4) return false;
  // A single letter is a reply ("y", "n") only on its own; in a name it is an initial.
  const replyWord = (w: string) =>
    REPLY_FILLERS.has(w) || ((w.length > 1 || words.length === 1) && parseYesNo(w).ok);
  if (words.every(replyWord)) return true;
  return words.length <= 3 && NOT_A_NAME.has(understand(text).intent);
}
const REPLY_FILLERS: ReadonlySet<string> = new Set(
  'kak ka kk deh dong sih aja saja nih min bang mas mba mbak bu pak ya yah lah dulu'.split(' '),
);
const NOT_A_NAME: ReadonlySet<string> = new Set(['greeting', 'thanks', 'next', 'back', 'help', 'yes', 'no']);

/** A photo, sticker, voice note… where a typed answer was expected. */
export function nonText(ctx: FlowContext, input: FlowInput): string {
  if (input.kind === 'media' && input.mediaKind === 'sticker') return ctx.t('applications:nonText.sticker');
  if (input.kind === 'media') return ctx.t('applications:nonText.media');
  if (input.kind === 'contact') return ctx.t('applications:nonText.contact');
  return ctx.t('applications:nonText.other');
}
