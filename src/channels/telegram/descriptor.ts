import type { ChannelDescriptor } from '../../engine/channels';

export const telegramDescriptor: ChannelDescriptor = {
  id: 'telegram',
  label: 'Telegram',
  audience: true,
  buttons: true,
  // Bot API: about 30 messages a second overall (25 leaves room for the webhook's own replies) and
  // about one a second to one chat.
  defaultRatePerSecond: 25,
  perChatLimit: { ratePerSecond: 1, burst: 3 },
};
