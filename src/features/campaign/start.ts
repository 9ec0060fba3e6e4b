import { recordEngagement } from '../../broadcasts/engagement';
import { broadcastByCode } from '../../broadcasts/service';
import { hasSubscription } from '../../broadcasts/subscriptions';
import type { FlowContext } from '../../engine/context';
import { arriveThroughReferral } from '../../organisations/referrals';
import { greeting, showMenu } from '../menu/flow';

/*
 * Start payloads of organisations' links: `r_<code>` (a referral link: attributes a new person, then
 * opens the link's programme card or offers the subscription) and `b_<code>` (a broadcast's card link:
 * counts the open, then shows the card). On WhatsApp the same code arrives as the message text
 * (`wa.me/<number>?text=r_<code>`).
 */

const CAMPAIGN = /^([rb])_([a-z0-9]+(?:-[a-z0-9]+)*)$/i;
const TYPED_PAYLOAD = /^[rbp]_[a-z0-9]+(?:-[a-z0-9]+)*$/i;

/**
 * A message that is only a start payload (`r_…`, `b_…` or a shared card's `p_<slug>`), as a wa.me link
 * pre-fills it: handled like Telegram's `/start <payload>`.
 */
export function campaignPayload(text: string): string | undefined {
  const trimmed = text.trim();
  return TYPED_PAYLOAD.test(trimmed) && trimmed.length <= 64 ? trimmed : undefined;
}

/** Handles `r_…` / `b_…`; false when the payload is not one (or the code is unknown). */
export async function startFromCampaign(ctx: FlowContext, payload: string): Promise<boolean> {
  const match = CAMPAIGN.exec(payload.trim());
  if (!match) return false;
  const [, kind, code] = match as unknown as [string, string, string];
  const fresh = ctx.state.flow === 'menu' && ctx.state.step === 'start';
  if (kind.toLowerCase() === 'r') {
    const arrival = await arriveThroughReferral(ctx.tx, ctx.user.id, code, ctx.inbound.channel);
    if (!arrival) return false;
    if (fresh) ctx.say(greeting(ctx));
    if (arrival.link.programmeSlug) {
      await ctx.go('discover', { slug: arrival.link.programmeSlug });
      return true;
    }
    if (!(await hasSubscription(ctx.tx, ctx.user.id))) {
      await ctx.go('subscribe', { organisation: arrival.organisationName });
      return true;
    }
    ctx.home();
    await showMenu(ctx);
    return true;
  }
  const broadcast = await broadcastByCode(ctx.tx, code);
  if (!broadcast) return false;
  await recordEngagement(ctx.tx, {
    userId: ctx.user.id,
    kind: 'card_opened',
    programmeSlug: broadcast.programmeSlug,
    broadcastId: broadcast.id,
  });
  if (fresh) ctx.say(greeting(ctx));
  if (broadcast.programmeSlug) await ctx.go('discover', { slug: broadcast.programmeSlug });
  else await ctx.go('menu');
  return true;
}
