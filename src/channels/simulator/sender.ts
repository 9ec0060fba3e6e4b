import type { ChannelSender, SendOk } from '../../outbox/sender';
import type { Outbound } from '../../shared/conversation';

/** The local chat's "platform": hands each message to a printer (the terminal, or a test's array). */
export class SimulatorSender implements ChannelSender {
  readonly channel = 'simulator' as const;
  private counter = 0;

  constructor(private readonly print: (address: string, message: Outbound) => void) {}

  async send(address: string, message: Outbound): Promise<SendOk> {
    this.print(address, message);
    this.counter += 1;
    return { platformMessageId: `sim-${this.counter}` };
  }
}
