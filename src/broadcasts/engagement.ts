import type { Queryable } from '../db/client';
import { engagementEvents } from '../db/schema';
import type { FlowContext } from '../engine/context';
import type { Flow } from '../engine/flow';
import { offerOnce } from './subscriptions';

/*
 * The steps after a broadcast or a referral link that organisations want counted: the card opened,
 * the eligibility check started (applications are counted from the applications table). Recorded by
 * wrapping the existing flows, so they do not need to know about broadcasts.
 */

export async function recordEngagement(
  db: Queryable,
  event: {
    userId: string;
    kind: 'card_opened' | 'eligibility_checked';
    programmeSlug?: string | null;
    broadcastId?: string | null;
    referralLinkId?: string | null;
  },
): Promise<void> {
  await db.insert(engagementEvents).values({
    userId: event.userId,
    kind: event.kind,
    programmeSlug: event.programmeSlug ?? null,
    broadcastId: event.broadcastId ?? null,
    referralLinkId: event.referralLinkId ?? null,
  });
}

/** The eligibility flow, recording "checked eligibility for programme X" when started for one. */
export function trackEligibilityChecks(flow: Flow<'eligibility'>): Flow<'eligibility'> {
  return {
    ...flow,
    async start(ctx, params) {
      const slug = params?.slug;
      if (slug && params?.returning !== true)
        await recordEngagement(ctx.tx, {
          userId: ctx.user.id,
          kind: 'eligibility_checked',
          programmeSlug: slug,
        });
      return flow.start(ctx, params);
    },
  };
}

/**
 * The discovery flow, offering the subscription once: a line under the first results a person sees
 * (in the same message, so the results and their buttons stay one screen).
 */
export function withSubscriptionOffer(flow: Flow<'discover'>): Flow<'discover'> {
  const offer = async (ctx: FlowContext) => {
    if (ctx.state.flow !== 'discover' || ctx.state.step !== 'results') return;
    const results = ctx.replies.at(-1);
    if (results?.type !== 'text' || !(await offerOnce(ctx.tx, ctx.user.id))) return;
    results.text = `${results.text}\n\n${ctx.t('organisations:subscribe.offer')}`;
  };
  return {
    ...flow,
    async start(ctx, params) {
      await flow.start(ctx, params);
      await offer(ctx);
    },
    async handle(ctx, input) {
      await flow.handle(ctx, input);
      await offer(ctx);
    },
  };
}
