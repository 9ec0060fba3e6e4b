import type { ChannelDescriptor } from '../../engine/channels';
import { isPnJid, jidUser } from './jid';
import { isPausedByPhone } from './pauses';

export const whatsappDescriptor: ChannelDescriptor = {
  id: 'whatsapp',
  label: 'WhatsApp',
  // Interactive buttons are limited (three, short titles, Cloud API only): numbered lines everywhere.
  audience: true,
  buttons: false,
  // Baileys on a real number; the Cloud API's 80/s comes from the configuration (src/runtime.ts).
  defaultRatePerSecond: 1,
  phoneFromAddress: (address) => (isPnJid(address) ? jidUser(address) : undefined),
  isPaused: isPausedByPhone,
};
