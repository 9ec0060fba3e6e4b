import { describe, expect, it } from 'vitest';
import { t, tPattern } from './i18n';

describe('the tests’ translation helpers', () => {
  it('fill in variables, in either language', () => {
    expect(t('applications:ack.phone', { phone: '+62 812' })).toBe('✓ Nomor HP: +62 812');
    expect(t('applications:ack.phone', { phone: '+62 812' }, 'en')).toContain('+62 812');
  });

  it('leave the variables open in a pattern, and match nothing else', () => {
    const resume = tPattern('applications:resume.ask');
    expect(t('applications:resume.ask', { title: 'Magang (Las)', done: 1, total: 8 })).toMatch(resume);
    expect('Mau lanjutkan atau mulai ulang?').not.toMatch(resume);
  });
});
