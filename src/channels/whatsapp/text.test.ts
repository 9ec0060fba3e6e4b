import { describe, expect, it } from 'vitest';
import { jidUser, languageFromPhone, normalizeUserJid } from './jid';
import { contactPayload } from './text';

describe('WhatsApp contact cards', () => {
  it('prefers the WhatsApp id on the TEL line', () => {
    const vcard =
      'BEGIN:VCARD\nVERSION:3.0\nFN:Ibu\nitem1.TEL;waid=6281298765432:+62 812-9876-5432\nEND:VCARD';
    expect(contactPayload(vcard)).toEqual({ type: 'contact', phone: '+6281298765432', isOwn: false });
    expect(contactPayload(vcard, '6281298765432')).toMatchObject({ isOwn: true });
  });

  it('keeps a locally written number as written, and an international one with +', () => {
    expect(contactPayload('BEGIN:VCARD\r\nTEL;type=CELL:0812-3456-789\r\nEND:VCARD')).toEqual({
      type: 'contact',
      phone: '08123456789',
      isOwn: false,
    });
    expect(contactPayload('BEGIN:VCARD\nTEL:+60 12-345 6789\nEND:VCARD')).toMatchObject({
      phone: '+60123456789',
    });
  });

  it('gives nothing for a card without a usable number', () => {
    expect(contactPayload('BEGIN:VCARD\nFN:Tanpa nomor\nEND:VCARD')).toBeUndefined();
    expect(contactPayload('BEGIN:VCARD\nTEL:12\nEND:VCARD')).toBeUndefined();
  });
});

describe('WhatsApp JIDs', () => {
  it('drops the device part and guesses Indonesian only for +62', () => {
    expect(normalizeUserJid('6281234567890:12@s.whatsapp.net')).toBe('6281234567890@s.whatsapp.net');
    expect(jidUser('123456789012345:3@lid')).toBe('123456789012345');
    expect(languageFromPhone('6281234567890')).toBe('id');
    expect(languageFromPhone('818012345678')).toBeUndefined();
  });
});

describe('cleanText', () => {
  it('drops NUL, mends lone surrogates (also where the clip cut an emoji) and clips', async () => {
    const { cleanText } = await import('./text');
    expect(cleanText('a\u0000b')).toBe('ab');
    expect(cleanText('x\uD83D')).toBe('x\uFFFD');
    expect(cleanText('\uDE4Fx')).toBe('\uFFFDx');
    expect(cleanText('halo 🙏')).toBe('halo 🙏');
    expect(cleanText(`${'a'.repeat(4095)}🙏`)).toBe(`${'a'.repeat(4095)}\uFFFD`);
  });
});
