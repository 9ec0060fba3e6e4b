import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './signature';

describe('X-Hub-Signature-256', () => {
  const secret = 'app-secret';
  const raw = new TextEncoder().encode('{"object":"whatsapp_business_account","x":"Halo 🙏"}');

  it('is sha256= and the hex HMAC of the raw bytes', () => {
    const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    expect(signBody(raw, secret)).toBe(expected);
    expect(verifySignature(raw, expected, secret)).toBe(true);
  });

  it('rejects anything else', () => {
    const good = signBody(raw, secret);
    for (const header of [
      undefined,
      null,
      '',
      'sha256=',
      good.toUpperCase(),
      good.replace('256', '1'),
      signBody(raw, 'other'),
    ])
      expect(verifySignature(raw, header, secret)).toBe(false);
    expect(verifySignature(new TextEncoder().encode('{"object":"x"}'), good, secret)).toBe(false);
  });
});
