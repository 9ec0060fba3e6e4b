import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('runs with nothing set: embedded database, port 3000, Indonesian', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PGLITE_DIR).toBe('./data/pglite');
    expect(config.PORT).toBe(3000);
    expect(config.DEFAULT_LOCALE).toBe('id');
  });

  it('reports one line per wrong variable and never echoes a value', () => {
    try {
      loadConfig({
        PORT: 'abc',
        TELEGRAM_BOT_TOKEN: 'not-a-token-SECRETVALUE',
        DATABASE_URL: 'mysql://x',
        DEFAULT_LOCALE: 'fr',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems, message } = error as ConfigError;
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'DATABASE_URL',
        'DEFAULT_LOCALE',
        'PORT',
        'TELEGRAM_BOT_TOKEN',
        'TELEGRAM_WEBHOOK_SECRET',
      ]);
      expect(message).not.toContain('SECRETVALUE');
    }
  });

  it('requires a webhook secret of Telegram-allowed characters with a token', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc', TELEGRAM_WEBHOOK_SECRET: 'has spaces!' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET/,
    );
    expect(
      loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc', TELEGRAM_WEBHOOK_SECRET: 'ok_Secret-1' })
        .TELEGRAM_WEBHOOK_SECRET,
    ).toBe('ok_Secret-1');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', TELEGRAM_BOT_TOKEN: '' }).DATABASE_URL).toBeUndefined();
  });
});
