import type { ApplicationServices } from '../applications/services';
import { trackEligibilityChecks, withSubscriptionOffer } from '../broadcasts/engagement';
import { hasSubscription } from '../broadcasts/subscriptions';
import { hasConsent } from '../consent/service';
import { channelDescriptor } from '../engine/channels';
import type { FlowContext } from '../engine/context';
import { FlowRegistry } from '../engine/flow';
import type { GlobalCommand } from '../engine/keywords';
import type { RouteMeta, Router } from '../engine/router';
import { matchChoice, readCorrection, understand } from '../nlu';
import { readTone, type Tone } from '../nlu/tone';
import { parseOfficeHours } from '../shared/office-hours';
import { accommodationFlow } from './accommodation/flow';
import { cancelApplyForm, createApplicationFlows, defaultApplicationServices } from './apply';
import { campaignPayload, startFromCampaign } from './campaign/start';
import { discoverFlow } from './discover/flow';
import { statedOnly } from './discover/listen';
import { eligibilityFlow, matchFlow } from './eligibility/flow';
import { createHandoffFlow, type HandoffSettings, handoffIntercept, ratingFlow } from './handoff/flow';
import { hear } from './heard';
import { helpFlow } from './help/flow';
import { greeting, menuFlow, notUnderstood, openFeature, showMenu } from './menu/flow';
import { privacyFlow } from './privacy/flow';
import { isWithdrawalRequest, regretsConsent } from './privacy/keywords';
import { profileFlow } from './profile/flow';
import { createQuestionsFlow, QUESTIONS_FLOW, type QuestionsFlow } from './questions/flow';
import { quizFlow } from './quiz/flow';
import { languageFlow, settingsFlow } from './settings/flow';
import { isSubscribeRequest, subscribeFlow } from './subscribe/flow';
import { routeFreeText } from './text-router';

export interface FeatureSettings {
  handoff: HandoffSettings;
  /** The NIK cipher, document storage and platform downloads (src/runtime.ts builds them). */
  applications?: ApplicationServices;
}

export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = {
  handoff: { defaultOrganisation: 'jembatan', officeHours: parseOfficeHours('1-5 08:00-16:00') },
};

/** Every conversation feature, registered once; the menu opens them by id. */
export function createRegistry(settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS): FlowRegistry {
  return new FlowRegistry().register(
    createHandoffFlow(settings.handoff),
    ratingFlow,
    menuFlow,
    helpFlow,
    settingsFlow,
    languageFlow,
    profileFlow,
    // Issue #7: the subscription is offered under the first results; eligibility checks are counted.
    withSubscriptionOffer(discoverFlow),
    trackEligibilityChecks(eligibilityFlow),
    matchFlow,
    quizFlow,
    accommodationFlow,
    privacyFlow,
    subscribeFlow,
    createQuestionsFlow({ defaultOrganisation: settings.handoff.defaultOrganisation }),
    ...createApplicationFlows(settings.applications ?? defaultApplicationServices()),
  );
}

async function globals(ctx: FlowContext, command: GlobalCommand): Promise<void> {
  switch (command.command) {
    case 'start':
      // Organisations' links: r_<code> (referral, attributes a new person), b_<code> (a broadcast's card).
      if (command.payload && (await startFromCampaign(ctx, command.payload))) return;
      // t.me/<bot>?start=p_<slug> (a shared programme) opens its card after the greeting.
      if (command.payload?.startsWith('p_')) {
        if (ctx.state.flow === 'menu' && ctx.state.step === 'start') ctx.say(greeting(ctx));
        return ctx.go('discover', { slug: command.payload.slice(2) });
      }
      return ctx.go('menu', { greet: true });
    case 'menu':
      return ctx.go('menu');
    case 'help':
      return ctx.go('help');
    case 'cancel':
      // The application form asks first and keeps the draft (issue #5).
      if (ctx.state.flow === 'apply') return cancelApplyForm(ctx);
      if (ctx.state.flow !== 'menu') ctx.say(ctx.t('cancel.done'));
      return ctx.go('menu');
    case 'language':
      return ctx.go('language');
    case 'settings':
      return ctx.go('settings');
    case 'stop':
      ctx.patchUser({ broadcastsStopped: true });
      ctx.home();
      return showMenu(ctx, ctx.t('broadcasts.stopped'));
    case 'resume':
      ctx.patchUser({ broadcastsStopped: false });
      ctx.home();
      // Someone who never chose topics chooses them now (opted in = at least one subscription).
      if (!(await hasSubscription(ctx.tx, ctx.user.id))) {
        ctx.say(ctx.t('broadcasts.resumed'));
        return ctx.go('subscribe');
      }
      return showMenu(ctx, ctx.t('broadcasts.resumed'));
    case 'human':
      return openFeature(
        ctx,
        'handoff',
        typeof ctx.state.data.slug === 'string' ? { slug: ctx.state.data.slug } : {},
      );
    case 'my_data':
      return openFeature(ctx, 'privacy', { action: 'export' });
    case 'delete_data':
      return openFeature(ctx, 'privacy', { action: 'delete' });
  }
}

/**
 * Runs before any flow: while a person at the organisation answers a WhatsApp chat from the phone
 * itself, the bot stays silent there (the message is still logged). Staff handoff joins here later.
 */
async function intercept(ctx: FlowContext, meta: RouteMeta): Promise<boolean> {
  if (await handoffIntercept(ctx, meta.handoffId)) return true;
  const isPaused = channelDescriptor(ctx.inbound.channel).isPaused;
  if (isPaused && (await isPaused(ctx.tx, ctx.user.id))) return true;
  // "tarik persetujuan" works from anywhere, like the privacy commands (UU PDP: withdrawal at any time).
  const payload = ctx.inbound.payload;
  if (
    payload.type === 'text' &&
    (isWithdrawalRequest(payload.text) ||
      (regretsConsent(payload.text) && (await hasConsent(ctx.tx, ctx.user.id, 'personal_data'))))
  ) {
    await openFeature(ctx, 'privacy', { action: 'withdraw' });
    return true;
  }
  // "langganan" opens the subscription from anywhere; a wa.me link's pre-filled code is a start payload.
  if (payload.type === 'text' && isSubscribeRequest(payload.text)) {
    await ctx.go('subscribe');
    return true;
  }
  const code = payload.type === 'text' ? campaignPayload(payload.text) : undefined;
  if (code) {
    await globals(ctx, { command: 'start', payload: code });
    return true;
  }
  return false;
}

/** Feelings a greeting would jar with: crying, anger, an insult. */
const UPSET: ReadonlySet<Tone> = new Set<Tone>(['crisis', 'distress', 'insult', 'frustration']);

export function createRouter(): Router {
  return {
    globals,
    intercept,
    matchChoice,
    homeFlow: 'menu',
    // A first message that already asks something gets the greeting and then its answer.
    welcome: async (ctx) => {
      const payload = ctx.inbound.payload;
      if (payload.type === 'text') {
        const u = understand(payload.text);
        // "halo kak, aku 24 thn": said once, kept for the conversation.
        hear(ctx, u);
        // "ubah profil", "ganti nomor hp" as a first message: a correction, whatever the intent reads.
        // "tinggi aku seratus enam puluh lima": a fact about themselves, said back and kept.
        // "udah 3 minggu ga ada kabar!!! kalian niat gak sih": an upset person gets no cheerful "Halo".
        const upset = UPSET.has(readTone(payload.text)?.tone ?? 'greeting');
        if (
          (u.intent !== 'greeting' && u.intent !== 'unknown') ||
          readCorrection(payload.text) ||
          (u.intent === 'unknown' && statedOnly(payload.text, u))
        ) {
          if (!upset) ctx.say(greeting(ctx));
          return routeFreeText(ctx, payload.text, u);
        }
        // "eps topik itu apa", "😡": a question or a feeling the knowledge feature answers, after the greeting.
        if (u.intent === 'unknown' && ctx.hasFlow(QUESTIONS_FLOW)) {
          if (!upset) ctx.say(greeting(ctx));
          if (await (ctx.flow(QUESTIONS_FLOW) as QuestionsFlow).respond(ctx, payload.text, u)) return;
          return showMenu(ctx);
        }
      }
      // A photo or a voice note as the very first message: the greeting, then what became of it.
      if (payload.type === 'media') {
        ctx.say(greeting(ctx));
        return notUnderstood(ctx);
      }
      return ctx.go('menu', { greet: true });
    },
  };
}
