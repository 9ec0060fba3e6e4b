import type { Channel, Outbound } from '../shared/conversation';

export interface SendOk {
  platformMessageId?: string;
}

/** Why a send failed, in the terms the outbox acts on. */
export type SendFailure =
  /**
   * Too many requests. `scope: 'recipient'`: only this recipient is limited (WhatsApp's pair rate
   * limit): the row waits, the channel goes on.
   */
  | { kind: 'rate_limited'; retryAfterMs: number; scope?: 'channel' | 'recipient' }
  /**
   * Not a failure of the message: this process cannot send it now but another can (WhatsApp through
   * Baileys, whose socket another process holds). Back to the queue, the attempt not counted, nothing
   * paused.
   */
  | { kind: 'deferred'; retryAfterMs: number }
  | { kind: 'blocked' } // the person blocked the bot / number gone: stop sending on this channel
  | { kind: 'transient' } // definitely not delivered (refused connection, 5xx …): retry with backoff
  | { kind: 'permanent' } // malformed request etc.: record and give up
  /**
   * The request went out but no answer came back (timed out, connection dropped mid-way): the platform
   * may well have delivered it. Never retried — a retry is how one reply reached a person six times —
   * recorded as `unknown` and counted on its own in /metrics.
   */
  | { kind: 'unknown' };

export class SendError extends Error {
  constructor(
    readonly failure: SendFailure,
    message: string,
  ) {
    super(message);
  }
}

/** What the outbox knows about a message beyond its content. */
export interface SendContext {
  /** Part of a broadcast (not a reply, notice or staff message). */
  broadcast?: boolean;
}

/** One per channel: renders an `Outbound` for the platform and sends it. */
export interface ChannelSender {
  channel: Channel;
  send(address: string, message: Outbound, signal?: AbortSignal, context?: SendContext): Promise<SendOk>;
  /**
   * Whether this process can send on the channel now. The dispatcher claims no rows for a channel
   * whose sender says no (Baileys: another process holds the socket, or it is reconnecting), so they
   * wait for the process that can. Absent: always.
   */
  available?(): boolean;
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

/**
 * The failure a send ended with. A "transient" failure after our own hard cap on the send aborted it is
 * really unknown: the request was out, and only the answer was missing.
 */
export function failureOf(error: unknown, cap?: AbortSignal): SendFailure {
  const failure = error instanceof SendError ? error.failure : ({ kind: 'transient' } as const);
  if (failure.kind === 'transient' && cap?.aborted) return { kind: 'unknown' };
  return failure;
}
