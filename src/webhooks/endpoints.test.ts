import { describe, expect, it } from 'vitest';
import { defaultBackoff } from './deliver';
import { checkUrl } from './endpoints';

const production = { production: true };
const development = { production: false };

describe('endpoint URLs', () => {
  it('takes https anywhere public, http only outside production', () => {
    expect(checkUrl(' https://crm.lpk.or.id/hooks/jembatan ', production)).toEqual({
      url: 'https://crm.lpk.or.id/hooks/jembatan',
    });
    expect(checkUrl('http://crm.lpk.or.id/hook', production)).toEqual({ problem: 'https' });
    expect(checkUrl('http://127.0.0.1:8080/hook', development)).toEqual({
      url: 'http://127.0.0.1:8080/hook',
    });
  });

  it('refuses what is not a web address, or carries credentials', () => {
    expect(checkUrl('crm kami', production)).toEqual({ problem: 'invalid' });
    expect(checkUrl('', development)).toEqual({ problem: 'invalid' });
    expect(checkUrl('ftp://files.lpk.or.id/x', development)).toEqual({ problem: 'scheme' });
    expect(checkUrl('javascript:alert(1)', development)).toEqual({ problem: 'scheme' });
    expect(checkUrl('https://user:pass@crm.lpk.or.id/', production)).toEqual({ problem: 'credentials' });
    expect(checkUrl(`https://x.org/${'a'.repeat(2100)}`, production)).toEqual({ problem: 'invalid' });
  });

  it('in production refuses private, loopback and link-local addresses (the server would post into its own network)', () => {
    for (const host of [
      'localhost',
      'api.localhost',
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.9',
      '172.31.255.1',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '[::1]',
      '[fd00::1]',
      '[fe80::1]',
      '[::ffff:127.0.0.1]',
      'metadata.internal',
    ])
      expect(checkUrl(`https://${host}/hook`, production), host).toEqual({ problem: 'private' });
    for (const host of ['172.15.0.1', '172.32.0.1', '8.8.8.8', '[2001:db8::1]', 'hooks.zapier.com'])
      expect(checkUrl(`https://${host}/hook`, production), host).toHaveProperty('url');
  });
});

describe('backoff', () => {
  it('starts at about 5 s, doubles, and stays at about an hour', () => {
    const around = (ms: number, base: number) => ms >= base * 0.8 && ms <= base * 1.2;
    expect(around(defaultBackoff(1), 5_000)).toBe(true);
    expect(around(defaultBackoff(2), 10_000)).toBe(true);
    expect(around(defaultBackoff(5), 80_000)).toBe(true);
    expect(around(defaultBackoff(12), 3_600_000)).toBe(true);
    expect(around(defaultBackoff(40), 3_600_000)).toBe(true);
    // A day of failures is about 30 attempts: enough to ride out a night's outage, not a flood.
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 24 * 3_600_000) elapsed += defaultBackoff(++attempts);
    expect(attempts).toBeGreaterThan(20);
    expect(attempts).toBeLessThan(45);
  });
});
