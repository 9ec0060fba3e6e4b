import { z } from 'zod';
import { addSubscriptions, type Topic } from '../../broadcasts/subscriptions';
import { recordConsent } from '../../consent/service';
import type { FlowContext } from '../../engine/context';
import type { Flow } from '../../engine/flow';
import { understand } from '../../nlu';
import { loadProfile } from '../../profile/store';
import { regionLabel } from '../../regions';
import type { Choice } from '../../shared/conversation';
import { FIELDS, type Field, PROGRAMME_KINDS } from '../../shared/vocabulary';
import { showMenu } from '../menu/flow';

/*
 * "Langganan": a person opts in to news of openings, per topic — kind, field, region (each may be
 * "any"). Three short questions; typed answers work too ("las", "Jawa Timur"). Saving records the
 * consent (UU PDP: evidence of the opt-in) and lifts a previous /berhenti.
 */

/** The saved data: what was chosen so far (null: "any"); a value of an older shape is dropped. */
const SubscribeState = z.looseObject({
  kind: z.string().nullable().optional().catch(undefined),
  fields: z.array(z.string()).nullable().optional().catch(undefined),
});
type SubscribeData = z.infer<typeof SubscribeState>;

const POPULAR_FIELDS: Field[] = ['tik', 'menjahit', 'las', 'tata_boga', 'perhotelan', 'otomotif'];

/** Typed words that open this flow from anywhere. */
export function isSubscribeRequest(text: string): boolean {
  return /^\s*\/?(langganan|berlangganan|subscribe|mau langganan)\s*$/i.test(text);
}

/** "semua", "apa saja", "bebas", "any": no preference. */
function isAny(text: string): boolean {
  return /^\s*(semua\b.*|apa (aja|saja)|bebas|terserah|di ?mana (aja|saja)|mana (aja|saja)|all|any(thing|where)?)\s*$/i.test(
    text,
  );
}

function data(ctx: FlowContext): SubscribeData {
  return ctx.state.data as SubscribeData;
}

async function askKind(ctx: FlowContext): Promise<void> {
  ctx.setStep('kind', {});
  ctx.ask(ctx.t('organisations:subscribe.askKind'), [
    ...PROGRAMME_KINDS.map((kind) => ({ id: `kind:${kind}`, label: ctx.t(`discovery:kindButton.${kind}`) })),
    { id: 'kind:any', label: ctx.t('organisations:subscribe.anyKind') },
    { id: 'no', label: ctx.t('organisations:subscribe.no') },
  ]);
}

async function askField(ctx: FlowContext): Promise<void> {
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  const recommended = (profile.interests?.fieldsRecommended ?? []).filter((f): f is Field =>
    (FIELDS as readonly string[]).includes(f),
  );
  const fields = [...new Set([...recommended, ...POPULAR_FIELDS])].slice(0, 6);
  ctx.setStep('field', data(ctx));
  ctx.ask(ctx.t('organisations:subscribe.askField'), [
    ...fields.map((f) => ({ id: `field:${f}`, label: ctx.t(`catalogue:field.${f}`) })),
    { id: 'field:any', label: ctx.t('organisations:subscribe.anyField') },
  ]);
}

async function askRegion(ctx: FlowContext): Promise<void> {
  const profile = await loadProfile(ctx.tx, ctx.user.id);
  const choices: Choice[] = [];
  if (profile.domicileProvince) {
    const place = regionLabel(profile.domicileProvince) ?? profile.domicileProvince;
    choices.push({
      id: `region:${profile.domicileProvince}`,
      label: ctx.t('organisations:subscribe.nearHome', { place }),
    });
  }
  choices.push({ id: 'region:any', label: ctx.t('organisations:subscribe.anyRegion') });
  ctx.setStep('region', data(ctx));
  ctx.ask(
    `${ctx.t('organisations:subscribe.askRegion')} ${ctx.t('organisations:subscribe.regionHint')}`,
    choices,
  );
}

async function save(ctx: FlowContext, province: string | null): Promise<void> {
  const d = data(ctx);
  const fields = d.fields?.length ? d.fields : [null];
  const topics: Topic[] = fields.map((field) => ({ kind: d.kind ?? null, field, province }));
  await addSubscriptions(ctx.tx, ctx.user.id, topics);
  await recordConsent(ctx.tx, ctx.user.id, 'broadcasts', true, ctx.inbound.channel);
  ctx.patchUser({ broadcastsStopped: false });
  const parts: string[] = [];
  if (d.kind) parts.push(ctx.t(`catalogue:kind.${d.kind}`).toLowerCase());
  if (d.fields?.length) parts.push(d.fields.map((f) => ctx.t(`catalogue:field.${f}`)).join(', '));
  if (province)
    parts.push(ctx.t('organisations:subscribe.topicIn', { place: regionLabel(province) ?? province }));
  const topic = parts.length ? parts.join(' · ') : ctx.t('organisations:subscribe.topicAll');
  ctx.home();
  await showMenu(ctx, ctx.t('organisations:subscribe.saved', { topic }));
}

async function again(ctx: FlowContext, ask: (ctx: FlowContext) => Promise<void>): Promise<void> {
  ctx.say(ctx.t('organisations:subscribe.notUnderstood'));
  await ask(ctx);
}

export interface SubscribeParams {
  /** Opened from an organisation's link: said before the questions. */
  organisation?: string;
}

export const subscribeFlow: Flow<'subscribe'> = {
  id: 'subscribe',
  state: SubscribeState,
  async start(ctx, params) {
    if (typeof params?.organisation === 'string')
      ctx.say(ctx.t('organisations:subscribe.fromOrganisation', { organisation: params.organisation }));
    await askKind(ctx);
  },
  async handle(ctx, input) {
    const step = ctx.state.step;
    if (input.kind === 'choice' && input.id === 'no') {
      ctx.home();
      return showMenu(ctx, ctx.t('organisations:subscribe.declined'));
    }
    const [action, arg = ''] = input.kind === 'choice' ? input.id.split(':') : ['text', ''];
    const typed = input.kind === 'text' ? understand(input.text) : undefined;
    const any = input.kind === 'text' && isAny(input.text);
    if (step === 'kind') {
      const kind = action === 'kind' ? (arg === 'any' ? null : arg) : any ? null : typed?.slots.kind;
      if (kind === undefined) return again(ctx, askKind);
      ctx.patchData({ kind });
      // "magang las di Jatim" answers everything at once.
      if (typed?.slots.fields?.length) ctx.patchData({ fields: typed.slots.fields.slice(0, 3) });
      if (typed?.slots.fields?.length && typed.slots.province) return save(ctx, typed.slots.province);
      return typed?.slots.fields?.length ? askRegion(ctx) : askField(ctx);
    }
    if (step === 'field') {
      const fields =
        action === 'field' ? (arg === 'any' ? null : [arg]) : any ? null : typed?.slots.fields?.slice(0, 3);
      if (fields === undefined || (fields !== null && fields.length === 0)) return again(ctx, askField);
      ctx.patchData({ fields });
      return askRegion(ctx);
    }
    if (step === 'region') {
      const province =
        action === 'region'
          ? arg === 'any'
            ? null
            : arg
          : any
            ? null
            : (typed?.slots.province ?? undefined);
      if (province === undefined) return again(ctx, askRegion);
      return save(ctx, province);
    }
    return askKind(ctx);
  },
};
