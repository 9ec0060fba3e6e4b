import type { Queryable } from '../db/client';
import type { Channel } from '../shared/conversation';

/**
 * What the rest of the system needs to know about a channel, registered by its adapter
 * (`src/channels/<name>/descriptor.ts`, all of them listed in `src/channels/index.ts`), so that adding a
 * channel touches its own folder and that list. Nothing below the channels imports an adapter: they
 * ask `channelDescriptor(id)`.
 */
export interface ChannelDescriptor {
  id: Channel;
  /** The channel's name for staff ("WhatsApp"). */
  label: string;
  /** Offered as a broadcast audience in the dashboard (the terminal simulator is a developer's tool). */
  audience: boolean;
  /** Choices as buttons; without them choices are numbered lines (design.md §1). */
  buttons: boolean;
  /** The outbox's pace when the configuration names none (messages per second). */
  defaultRatePerSecond: number;
  /** Messages to one chat the platform tolerates (Telegram: about one a second). */
  perChatLimit?: { ratePerSecond: number; burst: number };
  /** The person's phone number when the chat address is one (WhatsApp), as `+62…`-less digits. */
  phoneFromAddress?(address: string): string | undefined;
  /** Whether the bot keeps quiet in this person's chat (someone answers from the phone itself). */
  isPaused?(q: Queryable, userId: string): Promise<boolean>;
}

const registry = new Map<Channel, ChannelDescriptor>();

export function registerChannel(descriptor: ChannelDescriptor): void {
  registry.set(descriptor.id, descriptor);
}

/**
 * The registered descriptor; a channel nobody registered (a unit test's engine without adapters) gets
 * the safe defaults: numbered choices, a slow pace, no hooks.
 */
export function channelDescriptor(id: Channel): ChannelDescriptor {
  return registry.get(id) ?? { id, label: id, audience: false, buttons: false, defaultRatePerSecond: 1 };
}
