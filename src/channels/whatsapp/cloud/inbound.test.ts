import { describe, expect, it } from 'vitest';
import { type CloudWebhookBody, cloudEvents, cloudPayload } from './inbound';

const body = (value: Record<string, unknown>): CloudWebhookBody => ({
  object: 'whatsapp_business_account',
  entry: [{ changes: [{ field: 'messages', value: { metadata: { phone_number_id: 'P1' }, ...value } }] }],
});

describe('Cloud API webhook parsing', () => {
  it('reads messages with the sender’s name and statuses, skipping "sent"', () => {
    const events = cloudEvents(
      body({
        contacts: [{ wa_id: '6281234567890', profile: { name: 'Budi' } }],
        messages: [
          {
            from: '6281234567890',
            id: 'wamid.1',
            timestamp: '1763900000',
            type: 'text',
            text: { body: 'halo' },
          },
        ],
        statuses: [
          { id: 'wamid.9', status: 'sent', recipient_id: '6281234567890' },
          { id: 'wamid.9', status: 'read', recipient_id: '6281234567890' },
          {
            id: 'wamid.8',
            status: 'failed',
            recipient_id: '6281234567890',
            errors: [{ code: 131047, title: 'Re-engagement message' }],
          },
        ],
      }),
      'P1',
    );
    expect(events.messages).toEqual([
      {
        id: 'wamid.1',
        waId: '6281234567890',
        name: 'Budi',
        timestampMs: 1_763_900_000_000,
        payload: { type: 'text', text: 'halo' },
      },
    ]);
    expect(events.statuses).toEqual([
      { messageId: 'wamid.9', recipient: '6281234567890', status: 'read' },
      {
        messageId: 'wamid.8',
        recipient: '6281234567890',
        status: 'failed',
        error: '131047: Re-engagement message',
      },
    ]);
  });

  it('ignores other numbers, other objects and malformed bodies without throwing', () => {
    const message = { from: '628123', id: 'w', type: 'text', text: { body: 'x' } };
    expect(cloudEvents(body({ messages: [message] }), 'P2').messages).toEqual([]);
    for (const junk of [
      {},
      { object: 'page' },
      { object: 'whatsapp_business_account', entry: 'x' },
      { object: 'whatsapp_business_account', entry: [null, { changes: [null, {}] }] },
    ])
      expect(cloudEvents(junk as CloudWebhookBody, 'P1')).toEqual({ messages: [], statuses: [] });
    expect(cloudEvents(body({ messages: [{ ...message, from: 'not-a-number' }] }), 'P1').messages).toEqual(
      [],
    );
  });

  it('maps interactive replies to choices, and other types to payloads', () => {
    expect(
      cloudPayload({
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: 'aB3_x-:2', title: 'Ya' } },
      }),
    ).toEqual({ type: 'choice', token: 'aB3_x-', index: 2 });
    expect(
      cloudPayload({
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'free-form', title: 'Bahasa' } },
      }),
    ).toEqual({ type: 'text', text: 'Bahasa' });
    expect(cloudPayload({ type: 'button', button: { text: 'Lanjut', payload: 'x' } })).toEqual({
      type: 'text',
      text: 'Lanjut',
    });
    expect(cloudPayload({ type: 'audio', audio: { id: 'm1', mime_type: 'audio/ogg; codecs=opus' } })).toEqual(
      { type: 'media', mediaKind: 'audio', fileRef: 'cloud:m1', mimeType: 'audio/ogg; codecs=opus' },
    );
    expect(
      cloudPayload({ type: 'contacts', from: '6281', contacts: [{ phones: [{ phone: '0812 3456 789' }] }] }),
    ).toEqual({ type: 'contact', phone: '08123456789', isOwn: false });
    expect(cloudPayload({ type: 'reaction' })).toBeUndefined();
    expect(cloudPayload({ type: 'order' })).toEqual({ type: 'unsupported', what: 'order' });
    expect(cloudPayload({ type: 'text', text: { body: 'a\u0000b' } })).toEqual({ type: 'text', text: 'ab' });
  });
});
