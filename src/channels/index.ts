// Every channel, registered once on import (src/runtime.ts imports this): a new channel adds its
// descriptor here and its id to CHANNELS in src/shared/conversation.ts.
import { registerChannel } from '../engine/channels';
import { registerPersonalDataSource } from '../privacy/registry';
import { simulatorDescriptor } from './simulator/descriptor';
import { telegramDescriptor } from './telegram/descriptor';
import { whatsappDescriptor } from './whatsapp/descriptor';
import { whatsappSource } from './whatsapp/privacy-source';

for (const descriptor of [telegramDescriptor, whatsappDescriptor, simulatorDescriptor])
  registerChannel(descriptor);
// What a channel keeps about a person outside the person's own rows (erased before the account).
registerPersonalDataSource(whatsappSource);
