import type { Channel, Outbound } from '../engine/types';

export interface SendOk {
  platformMessageId?: string;
}

/** Why a send failed, in the terms the outbox acts on. */
export type SendFailure =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'blocked' } // the person blocked the bot / number gone: stop sending on this channel
  | { kind: 'transient' } // network, 5xx, timeout: retry with backoff
  | { kind: 'permanent' }; // malformed request etc.: record and give up

export class SendError extends Error {
  constructor(
    readonly failure: SendFailure,
    message: string,
  ) {
    super(message);
  }
}

/** One per channel: renders an `Outbound` for the platform and sends it. */
export interface ChannelSender {
  channel: Channel;
  send(address: string, message: Outbound, signal?: AbortSignal): Promise<SendOk>;
}

export class SenderRegistry {
  private readonly senders = new Map<Channel, ChannelSender>();

  add(sender: ChannelSender): this {
    this.senders.set(sender.channel, sender);
    return this;
  }

  get(channel: Channel): ChannelSender | undefined {
    return this.senders.get(channel);
  }
}
