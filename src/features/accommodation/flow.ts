import { hasConsent, recordConsent } from '../../consent/service';
import type { FlowContext } from '../../engine/context';
import type { Flow, FlowInput } from '../../engine/flow';
import { parseYesNo } from '../../profile/parse';
import { loadProfile, saveProfile } from '../../profile/store';

/** The longest description of needs we keep; enough for "juru bahasa isyarat, akses kursi roda". */
const MAX_NEEDS = 300;

/**
 * Disability and accommodation needs: optional, behind their own consent (UU PDP: specific personal
 * data), used only so organisers can arrange accommodation — never an eligibility rule. Reached from
 * "Profil saya"; can be removed at any time.
 */
export const accommodationFlow: Flow<'accommodation'> = {
  id: 'accommodation',
  async start(ctx) {
    const profile = await loadProfile(ctx.tx, ctx.user.id);
    if (profile.disability) {
      ctx.state = { ...ctx.state, step: 'manage' };
      return ctx.ask(
        ctx.t('profile:accommodation.current', {
          needs: profile.disability.declared
            ? (profile.disability.needs ?? ctx.t('profile:accommodation.noDetails'))
            : ctx.t('profile:accommodation.none'),
        }),
        [
          { id: 'acc:change', label: ctx.t('profile:accommodation.change') },
          { id: 'acc:remove', label: ctx.t('profile:accommodation.remove') },
          { id: 'acc:back', label: ctx.t('profile:accommodation.back') },
        ],
      );
    }
    if (!(await hasConsent(ctx.tx, ctx.user.id, 'personal_data'))) {
      // The general notice comes first; this one is only about the specific data.
      return ctx.go('profile', { fields: [], returnTo: { flow: 'accommodation' } });
    }
    return askConsent(ctx);
  },
  async handle(ctx, input) {
    switch (ctx.state.step) {
      case 'consent':
        return onConsent(ctx, input);
      case 'declared':
        return onDeclared(ctx, input);
      case 'needs':
        return onNeeds(ctx, input);
      default:
        return onManage(ctx, input);
    }
  },
};

async function askConsent(ctx: FlowContext): Promise<void> {
  ctx.state = { ...ctx.state, step: 'consent' };
  ctx.ask(ctx.t('profile:accommodation.notice'), [
    { id: 'acc:yes', label: ctx.t('profile:consent.agree') },
    { id: 'acc:no', label: ctx.t('profile:accommodation.skip') },
  ]);
}

function yes(input: FlowInput): boolean | undefined {
  if (input.kind === 'choice')
    return input.id === 'acc:yes' ? true : input.id === 'acc:no' ? false : undefined;
  if (input.kind === 'text') {
    const parsed = parseYesNo(input.text);
    return parsed.ok ? parsed.value : undefined;
  }
  return undefined;
}

async function onConsent(ctx: FlowContext, input: FlowInput): Promise<void> {
  const answer = yes(input);
  if (answer === undefined) return askConsent(ctx);
  await recordConsent(ctx.tx, ctx.user.id, 'specific_data', answer, ctx.inbound.channel);
  if (!answer) return backToProfile(ctx, ctx.t('profile:accommodation.skipped'));
  return askDeclared(ctx);
}

async function askDeclared(ctx: FlowContext): Promise<void> {
  ctx.state = { ...ctx.state, step: 'declared' };
  ctx.ask(ctx.t('profile:accommodation.ask'), [
    { id: 'acc:yes', label: ctx.t('profile:flow.yes') },
    { id: 'acc:no', label: ctx.t('profile:flow.no') },
  ]);
}

async function onDeclared(ctx: FlowContext, input: FlowInput): Promise<void> {
  const answer = yes(input);
  if (answer === undefined) {
    ctx.say(ctx.t('profile:parse.yesNo.unknown'));
    return askDeclared(ctx);
  }
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  if (!answer) {
    await saveProfile(ctx.tx, ctx.user.id, { ...profile, disability: { declared: false } });
    return backToProfile(ctx, ctx.t('profile:accommodation.saved'));
  }
  ctx.state = { ...ctx.state, step: 'needs' };
  ctx.ask(ctx.t('profile:accommodation.askNeeds'), [
    { id: 'acc:skipNeeds', label: ctx.t('profile:flow.skip') },
  ]);
}

async function onNeeds(ctx: FlowContext, input: FlowInput): Promise<void> {
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  const needs = input.kind === 'text' ? input.text.trim().slice(0, MAX_NEEDS) : undefined;
  await saveProfile(ctx.tx, ctx.user.id, {
    ...profile,
    disability: { declared: true, ...(needs ? { needs } : {}) },
  });
  return backToProfile(ctx, ctx.t('profile:accommodation.saved'));
}

async function onManage(ctx: FlowContext, input: FlowInput): Promise<void> {
  if (input.kind === 'choice' && input.id === 'acc:change') return askDeclared(ctx);
  if (input.kind === 'choice' && input.id === 'acc:remove') {
    const { disability: _removed, ...rest } = await loadProfile(ctx.tx, ctx.user.id);
    await saveProfile(ctx.tx, ctx.user.id, rest);
    await recordConsent(ctx.tx, ctx.user.id, 'specific_data', false, ctx.inbound.channel);
    return backToProfile(ctx, ctx.t('profile:accommodation.removed'));
  }
  return backToProfile(ctx);
}

async function backToProfile(ctx: FlowContext, message?: string): Promise<void> {
  if (message) ctx.say(message);
  return ctx.go('profile', { mode: 'review' });
}
