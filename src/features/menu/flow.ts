import type { FlowContext } from '../../engine/context';
import type { Flow, FlowId, FlowParams } from '../../engine/flow';
import { routeFreeText } from '../text-router';

/** Main-menu entries and the flow each opens once its feature exists. */
export const MENU_ENTRIES = [
  { id: 'menu:discover', flow: 'discover', label: 'menu.discover' },
  { id: 'menu:eligibility', flow: 'eligibility', label: 'menu.eligibility' },
  { id: 'menu:applications', flow: 'applications', label: 'menu.applications' },
  { id: 'menu:human', flow: 'handoff', label: 'menu.human' },
  { id: 'menu:settings', flow: 'settings', label: 'menu.settings' },
] as const;

export async function showMenu(ctx: FlowContext, prompt?: string): Promise<void> {
  ctx.ask(
    prompt ?? ctx.t('menu.prompt'),
    MENU_ENTRIES.map((e) => ({ id: e.id, label: ctx.t(e.label) })),
    { nav: false },
  );
}

/** Says honestly that a feature is still being built, then offers the menu again. */
export async function comingSoon(ctx: FlowContext, feature: string): Promise<void> {
  ctx.say(ctx.t('comingSoon', { feature: ctx.t(`feature.${feature}`) }));
  ctx.home();
  await showMenu(ctx);
}

/** Opens a flow by id, or says it is coming when that feature is not built yet. */
export async function openFeature<K extends FlowId>(
  ctx: FlowContext,
  flowId: K,
  params?: FlowParams[K],
): Promise<void> {
  if (ctx.hasFlow(flowId)) return ctx.go(flowId, params);
  return comingSoon(ctx, flowId);
}

/** "Halo, Rina!" and what the bot does, in two lines. */
export function greeting(ctx: FlowContext): string {
  const name = ctx.user.displayName?.split(' ')[0];
  const hello = name ? ctx.t('welcome.named', { name }) : ctx.t('welcome.anonymous');
  return `${salam(ctx)}${hello}`;
}

const SALAM = /\b(as+alamu?\s*'?\s*alaikum|assalam|ass?alamualaikum|mikum|samlekom)\b/i;

/** "Assalamualaikum" is answered in kind before anything else: "Waalaikumsalam 🙏". */
export function salam(ctx: FlowContext): string {
  const p = ctx.inbound.payload;
  return p.type === 'text' && SALAM.test(p.text) ? `${ctx.t('smalltalk.salam')}\n` : '';
}

export interface MenuParams {
  /** Greet first ("Halo, Rina!"): a new conversation, /start. */
  greet?: boolean;
}

export const menuFlow: Flow<'menu'> = {
  id: 'menu',
  async start(ctx, params) {
    if (params?.greet) ctx.say(greeting(ctx));
    await showMenu(ctx);
  },
  async handle(ctx, input) {
    if (input.kind === 'choice') {
      const entry = MENU_ENTRIES.find((e) => e.id === input.id);
      if (entry) return openFeature(ctx, entry.flow);
    }
    if (input.kind === 'text') return routeFreeText(ctx, input.text);
    await notUnderstood(ctx);
  },
};

/** The answer to anything no flow understood: never silence, always the way forward. */
export async function notUnderstood(ctx: FlowContext): Promise<void> {
  const input = ctx.inbound.payload;
  const misses = (ctx.state.misses ?? 0) + 1;
  const key =
    input.type === 'media'
      ? nonTextKey(input.mediaKind)
      : input.type === 'unsupported' || input.type === 'location' || input.type === 'contact'
        ? 'fallback.nonText'
        : misses >= 2
          ? 'fallback.offerHuman'
          : 'fallback.notUnderstood';
  ctx.say(ctx.t(key));
  ctx.home();
  ctx.state = { ...ctx.state, misses };
  await showMenu(ctx);
  ctx.state = { ...ctx.state, misses };
}

/**
 * A voice note, a sticker or a photo gets an answer that shows it was seen, not a generic "text only";
 * a photo or a file outside a form is most often a document sent too early ("kirim foto ijazah bisa
 * lewat sini?"), so the answer says where documents go.
 */
export function nonTextKey(mediaKind: string): string {
  if (mediaKind === 'audio') return 'fallback.voice';
  if (mediaKind === 'sticker') return 'fallback.sticker';
  if (mediaKind === 'photo' || mediaKind === 'document' || mediaKind === 'video') return 'fallback.file';
  return 'fallback.nonText';
}
