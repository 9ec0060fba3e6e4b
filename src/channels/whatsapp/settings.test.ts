import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config';
import { DEFAULT_WARMUP, whatsappSettings } from './settings';

describe('WhatsApp settings', () => {
  it('has safe defaults', () => {
    expect(whatsappSettings({})).toMatchObject({
      WHATSAPP_DAILY_CAP: 1000,
      WHATSAPP_MIN_GAP_MS: 1200,
      WHATSAPP_MAX_GAP_MS: 3500,
      WA_CLOUD_TEMPLATE_LANGUAGE: 'id',
    });
    expect(whatsappSettings({})).toMatchObject({
      WHATSAPP_WARMUP: DEFAULT_WARMUP,
      WHATSAPP_TYPING_MAX_MS: 3000,
      WHATSAPP_READ_RECEIPTS: true,
      WHATSAPP_BAILEYS_BROADCASTS: false,
      WHATSAPP_WA_VERSION_FETCH: true,
      WHATSAPP_NOT_READY_MINUTES: 5,
      WHATSAPP_AUTO_REPLY_SECONDS: 10,
    });
    expect(whatsappSettings({}).WHATSAPP_WA_VERSION).toBeUndefined();
    expect(whatsappSettings({ WHATSAPP_WA_VERSION: '2.3000.1023456789' }).WHATSAPP_WA_VERSION).toEqual([
      2, 3000, 1023456789,
    ]);
    expect(whatsappSettings({ WHATSAPP_WARMUP: 'off' }).WHATSAPP_WARMUP).toEqual([]);
    expect(whatsappSettings({ WHATSAPP_WARMUP: '20, 40,80' }).WHATSAPP_WARMUP).toEqual([20, 40, 80]);
    expect(whatsappSettings({ WHATSAPP_BAILEYS_BROADCASTS: '1' }).WHATSAPP_BAILEYS_BROADCASTS).toBe(true);
    expect(whatsappSettings({}).WA_CLOUD_TEMPLATE).toBeUndefined();
    expect(whatsappSettings({ WA_CLOUD_TEMPLATE: '' }).WA_CLOUD_TEMPLATE).toBeUndefined();
    expect(whatsappSettings({ WA_CLOUD_TEMPLATE: 'jembatan_lanjut' }).WA_CLOUD_TEMPLATE).toBe(
      'jembatan_lanjut',
    );
  });

  it('reports wrong values by name, never echoing them', () => {
    try {
      whatsappSettings({ WHATSAPP_DAILY_CAP: 'banyak', WA_CLOUD_TEMPLATE: 'Bad Name!' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'WA_CLOUD_TEMPLATE',
        'WHATSAPP_DAILY_CAP',
      ]);
      expect(problems.join('\n')).not.toContain('banyak');
    }
    expect(() => whatsappSettings({ WHATSAPP_MIN_GAP_MS: '5000', WHATSAPP_MAX_GAP_MS: '1000' })).toThrow(
      ConfigError,
    );
    for (const bad of [
      { WHATSAPP_WARMUP: '40,lots' },
      { WHATSAPP_WA_VERSION: '2.3000' },
      { WHATSAPP_WARMUP_START: 'kemarin' },
      { WHATSAPP_BAILEYS_BROADCASTS: 'yes' },
    ])
      expect(() => whatsappSettings(bad), JSON.stringify(bad)).toThrow(ConfigError);
  });
});
