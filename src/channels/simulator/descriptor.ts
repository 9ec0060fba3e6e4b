import type { ChannelDescriptor } from '../../engine/channels';

export const simulatorDescriptor: ChannelDescriptor = {
  id: 'simulator',
  label: 'simulator',
  audience: false,
  buttons: false,
  defaultRatePerSecond: 1000,
};
