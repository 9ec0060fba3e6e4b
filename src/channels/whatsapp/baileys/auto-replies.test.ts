import type { WAMessage } from 'baileys';
import { describe, expect, it } from 'vitest';
import { cameRightAfter, hasAutomationMarker, phoneText } from './auto-replies';

const msg = (message: WAMessage['message'], extra: Partial<WAMessage> = {}) =>
  ({ key: { remoteJid: '6281@s.whatsapp.net', fromMe: true, id: 'X' }, message, ...extra }) as WAMessage;

describe('automated replies of the WhatsApp Business app', () => {
  it('come right after the person’s message; staff who read and type take longer', () => {
    const t = 1_800_000_000_000;
    const ctx = { lastBotSendAt: undefined, windowMs: 10_000 };
    expect(cameRightAfter({ ...ctx, sentAt: t + 1_000, lastInboundAt: t })).toBe(true);
    expect(cameRightAfter({ ...ctx, sentAt: t, lastInboundAt: t + 1_000 })).toBe(true); // whole seconds
    expect(cameRightAfter({ ...ctx, sentAt: t + 45_000, lastInboundAt: t })).toBe(false);
    expect(cameRightAfter({ ...ctx, sentAt: t + 1_000, lastInboundAt: undefined })).toBe(false);
    expect(cameRightAfter({ ...ctx, sentAt: t + 1_000, lastInboundAt: t, windowMs: 0 })).toBe(false);
  });

  it('right after the bot’s message only when the bot wrote into a quiet chat', () => {
    const t = 1_800_000_000_000;
    const base = { sentAt: t + 2_000, lastBotSendAt: t, windowMs: 10_000 };
    expect(cameRightAfter({ ...base, lastInboundAt: undefined })).toBe(true);
    expect(cameRightAfter({ ...base, lastInboundAt: t - 3 * 3_600_000 })).toBe(true);
    // In a lively conversation someone stepping in after the bot's message is a takeover.
    expect(cameRightAfter({ ...base, lastInboundAt: t - 30_000 })).toBe(false);
  });

  it('are recognised by the flags WhatsApp sets on some of them', () => {
    expect(hasAutomationMarker(msg({ conversation: 'Halo' }))).toBe(false);
    expect(
      hasAutomationMarker(
        msg({
          extendedTextMessage: {
            text: 'Halo',
            contextInfo: { externalAdReply: { containsAutoReply: true } },
          },
        }),
      ),
    ).toBe(true);
    expect(
      hasAutomationMarker(
        msg({ extendedTextMessage: { text: 'Promo', contextInfo: { smbClientCampaignId: 'c1' } } }),
      ),
    ).toBe(true);
    expect(
      hasAutomationMarker(msg({ conversation: 'x' }, { is1PBizBotMessage: true } as Partial<WAMessage>)),
    ).toBe(true);
  });

  it('compare texts without case and spacing', () => {
    expect(phoneText(msg({ conversation: '  Terima kasih telah\n menghubungi  BLK!' }))).toBe(
      'terima kasih telah menghubungi blk!',
    );
    expect(phoneText(msg({ imageMessage: { caption: 'Brosur' } }))).toBe('brosur');
    expect(phoneText(msg({ stickerMessage: {} }))).toBeUndefined();
  });
});
