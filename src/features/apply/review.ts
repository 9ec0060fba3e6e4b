import { formatPhone } from '../../applications/phone';
import type { DraftAnswers, StoredDocument } from '../../applications/store';
import type { StoredProfile } from '../../db/schema';
import { completedYears, jakartaDay, parseIsoDate } from '../../eligibility';
import type { FlowContext } from '../../engine/context';
import { regionLabel } from '../../regions';
import { type FieldCipher, maskNik } from '../../shared/field-cipher';
import type { Programme } from '../../shared/programme';
import type { FieldId } from '../profile/fields';
import { documentKinds, documentLabel, type FormField, needsMajor } from './form';

/** One line of the summary and how to change it: a form question, or profile questions. */
export interface ReviewItem {
  label: string;
  value: string;
  edit: { form: FormField } | { profile: FieldId[]; andAsk?: FormField };
}

function safeMask(cipher: FieldCipher, stored: string | null): string {
  if (!stored) return '—';
  try {
    return maskNik(cipher.decrypt(stored));
  } catch {
    return maskNik('');
  }
}

/** Every answer of the application, in the order the organisers read them; the NIK masked. */
export function reviewItems(
  ctx: FlowContext,
  app: DraftAnswers,
  docs: StoredDocument[],
  programme: Programme,
  profile: StoredProfile,
  cipher: FieldCipher,
): ReviewItem[] {
  const label = (key: string) => ctx.t(`applications:review.label.${key}`);
  const items: ReviewItem[] = [
    { label: label('fullName'), value: app.fullName ?? '—', edit: { form: 'fullName' } },
    { label: label('nik'), value: safeMask(cipher, app.nikCipher), edit: { form: 'nik' } },
    { label: label('phone'), value: app.phone ? formatPhone(app.phone) : '—', edit: { form: 'phone' } },
    {
      label: label('email'),
      value: app.email ?? (app.emailSkipped ? ctx.t('applications:review.skipped') : '—'),
      edit: { form: 'email' },
    },
    { label: label('address'), value: app.address ?? '—', edit: { form: 'address' } },
  ];
  if (profile.birthDate) {
    const birth = parseIsoDate(profile.birthDate);
    items.push({
      label: label('birthDate'),
      value:
        profile.birthDateApproximate && birth
          ? ctx.t('profile:value.approximateAge', { age: completedYears(birth, jakartaDay()) })
          : profile.birthDate.split('-').reverse().join('-'),
      edit: { profile: ['birthDate'] },
    });
  }
  if (profile.gender)
    items.push({
      label: label('gender'),
      value: ctx.t(`profile:value.gender.${profile.gender}`),
      edit: { profile: ['gender'] },
    });
  const place = profile.domicileRegency ?? profile.domicileProvince;
  if (place)
    items.push({
      label: label('domicile'),
      value: regionLabel(place) ?? place,
      edit: { profile: ['domicile'] },
    });
  if (profile.education) {
    const e = profile.education;
    const parts = [ctx.t(`profile:value.education.${e.level}`)];
    if (e.major) parts.push(ctx.t('applications:review.major', { major: e.major }));
    if (e.graduationYear) parts.push(ctx.t('applications:review.graduated', { year: e.graduationYear }));
    items.push({
      label: label('education'),
      value: parts.join(', '),
      edit: {
        profile: ['education', 'graduationYear'],
        ...(needsMajor(profile) ? { andAsk: 'major' as const } : {}),
      },
    });
  }
  for (const question of programme.eligibility?.questions ?? []) {
    const answer = profile.answers?.[question.id];
    if (answer === undefined) continue;
    const shown =
      typeof answer === 'boolean' ? ctx.t(answer ? 'profile:flow.yes' : 'profile:flow.no') : String(answer);
    items.push({
      label: ctx.locale === 'en' && question.ask.en ? question.ask.en : question.ask.id,
      value: shown,
      edit: { profile: [`question:${question.id}`] },
    });
  }
  const have = new Map(docs.map((d) => [d.kind, d]));
  for (const kind of documentKinds(programme)) {
    const doc = have.get(kind);
    items.push({
      label: documentLabel(ctx, kind),
      value: doc
        ? ctx.t(doc.mimeType === 'application/pdf' ? 'applications:review.pdf' : 'applications:review.photo')
        : '—',
      edit: { form: `doc:${kind}` },
    });
  }
  return items;
}
