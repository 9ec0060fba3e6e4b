import { describe, expect, it } from 'vitest';
import { isWithdrawalRequest, regretsConsent } from './keywords';

describe('consent taken back in words', () => {
  it.each([
    'eh tadi saya salah pencet, saya belum mau kasih data',
    'ga jadi setuju deh',
    'jangan simpan data aku',
    "I don't want to give my data",
  ])('%j regrets the consent', (text) => {
    expect(regretsConsent(text)).toBe(true);
  });

  it.each(['ga jadi daftar', 'belum mau kasih nomor hp', 'data aku aman ga?'])('%j does not', (text) => {
    expect(regretsConsent(text)).toBe(false);
  });

  it('the command itself is still a withdrawal', () => {
    expect(isWithdrawalRequest('tarik persetujuan')).toBe(true);
  });
});
