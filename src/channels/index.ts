// Every channel, registered once on import (src/runtime.ts imports this): a new channel adds its
// descriptor here and its id to CHANNELS in src/shared/conversation.ts.
import { registerChannel } from '../engine/channels';
import { simulatorDescriptor } from './simulator/descriptor';
import { telegramDescriptor } from './telegram/descriptor';
import { whatsappDescriptor } from './whatsapp/descriptor';

for (const descriptor of [telegramDescriptor, whatsappDescriptor, simulatorDescriptor])
  registerChannel(descriptor);
