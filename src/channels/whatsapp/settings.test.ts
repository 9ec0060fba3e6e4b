import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config';
import { whatsappSettings } from './settings';

describe('WhatsApp settings', () => {
  it('has safe defaults', () => {
    expect(whatsappSettings({})).toMatchObject({
      WHATSAPP_DAILY_CAP: 1000,
      WHATSAPP_MIN_GAP_MS: 1200,
      WHATSAPP_MAX_GAP_MS: 3500,
      WA_CLOUD_TEMPLATE_LANGUAGE: 'id',
    });
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
  });
});
