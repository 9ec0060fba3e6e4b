import { describe, expect, it } from 'vitest';
import { linkify } from '../../src/admin/inbox/linkify';
import { maskedNumber } from '../../src/admin/inbox/queue-view';

const html = (text: string) => linkify(text).map(String).join('');

describe('inbox row and message helpers', () => {
  it('masks a WhatsApp number to tell namesakes apart without showing it whole', () => {
    expect(maskedNumber('6281234567890@s.whatsapp.net')).toBe('+62 812 •••• 7890');
    expect(maskedNumber('6285712345678')).toBe('+62 857 •••• 5678');
    // A LID or anything else is not a number to show.
    expect(maskedNumber('12345678901234567@lid')).toBeNull();
    expect(maskedNumber(null)).toBeNull();
  });

  it('links web addresses and Indonesian numbers, and nothing else', () => {
    expect(html('cek www.kemnaker.go.id, ya')).toBe(
      'cek <a href="https://www.kemnaker.go.id" target="_blank" rel="noopener noreferrer nofollow">www.kemnaker.go.id</a>, ya',
    );
    expect(html('wa +62 812 3456 7890')).toBe('wa <a href="tel:+6281234567890">+62 812 3456 7890</a>');
    // Any other scheme stays text (JSX escapes it when the page is rendered).
    expect(linkify('javascript:alert(1) <b>x</b>')).toEqual(['javascript:alert(1) <b>x</b>']);
    expect(html('NIK 3578014507990001 bukan nomor hp')).toBe('NIK 3578014507990001 bukan nomor hp');
  });
});
