import { describe, expect, it } from 'vitest';
import { tFor } from '../../../i18n';
import { parseOfficeHours } from '../../../shared/office-hours';
import { groupCommand, postFor, shortRef, summaryText, topicName } from './render';
import { parseGroupChatId, StaffGroupSettingError } from './settings';

const t = tFor('id', 'staffgroup');
const common = tFor('id');
const ID = '3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f';

describe('what the staff group reads', () => {
  it('names a topic for the person and channel, never more than Telegram allows', () => {
    expect(topicName(t, { displayName: 'Siti Nurhaliza', channel: 'whatsapp', handoffId: ID })).toBe(
      'Siti Nurhaliza · WhatsApp · #3F2A9C',
    );
    expect(topicName(t, { displayName: '  ', channel: null, handoffId: ID })).toBe(
      'Peserta · Telegram · #3F2A9C',
    );
    const long = topicName(t, { displayName: 'A'.repeat(300), channel: 'telegram', handoffId: ID });
    expect(long.length).toBeLessThanOrEqual(128);
    expect(shortRef(ID)).toBe('3F2A9C');
  });

  it('summarises channel, programme, reason, office hours, recent texts and the dashboard link', () => {
    const text = summaryText(t, common, {
      displayName: 'Agus',
      channel: 'whatsapp',
      programmeTitle: 'Magang Kaigo ke Jepang',
      reason: 'misses',
      officeHours: parseOfficeHours('1-5 08:00-16:00'),
      now: new Date('2026-11-28T03:00:00Z'), // Saturday: closed
      inboxUrl: `https://bot.example.org/admin/inbox/${ID}`,
      recent: ['gmn cara daftar kaigo', 'kak??'],
    });
    expect(text).toContain('Peserta: Agus (WhatsApp)');
    expect(text).toContain('Program: Magang Kaigo ke Jepang');
    expect(text).toContain('bot dua kali tidak memahami');
    expect(text).toContain('Senin–Jumat 08.00–16.00 WIB. Saat ini di luar jam layanan');
    expect(text).toContain('• gmn cara daftar kaigo\n• kak??');
    expect(text).toContain(`https://bot.example.org/admin/inbox/${ID}`);
  });

  it('turns logged messages into posts: text, Telegram files by file_id, labels for the rest', () => {
    const inbound = (channel: 'telegram' | 'whatsapp', body: Record<string, unknown>) =>
      postFor(t, { direction: 'in', origin: 'bot', channel, body }, 'Rina');
    expect(inbound('telegram', { type: 'text', text: 'kak, jadwalnya kapan?' })).toEqual({
      kind: 'text',
      text: 'Rina: kak, jadwalnya kapan?',
    });
    expect(
      inbound('telegram', { type: 'media', mediaKind: 'document', fileRef: 'BQAD1', fileName: 'ijazah.pdf' }),
    ).toMatchObject({
      kind: 'document',
      fileId: 'BQAD1',
      caption: 'Rina: [dokumen]',
      fallback: 'Rina: [dokumen]',
    });
    expect(
      inbound('whatsapp', { type: 'media', mediaKind: 'photo', fileRef: 'wa-1', caption: 'ktp' }),
    ).toEqual({
      kind: 'text',
      text: 'Rina: [foto] ktp (berkas ada di dasbor)',
    });
    expect(inbound('telegram', { type: 'contact', phone: '+6281234567890', isOwn: true })).toEqual({
      kind: 'text',
      text: 'Rina: [membagikan nomor kontak]',
    });
    expect(inbound('telegram', { type: 'choice', token: 'ab12', index: 0 })).toBeUndefined();
    const staff = (body: Record<string, unknown>) =>
      postFor(t, { direction: 'out', origin: 'staff', channel: 'telegram', body }, 'Rina');
    expect(staff({ type: 'text', text: 'Bisa, Kak.', author: 'Budi' })).toEqual({
      kind: 'text',
      text: '💬 Budi (dasbor): Bisa, Kak.',
    });
    expect(staff({ type: 'text', text: 'Bisa, Kak.' })?.kind).toBe('text');
    expect(staff({ type: 'text', text: 'dari grup', via: 'staff-group' })).toBeUndefined();
    expect(
      postFor(
        t,
        { direction: 'out', origin: 'bot', channel: 'telegram', body: { type: 'text', text: 'x' } },
        'R',
      ),
    ).toBeUndefined();
  });

  it('reads /tutup, with or without this bot’s name, and leaves other bots’ commands alone', () => {
    expect(groupCommand('/tutup', 'jembatan_bot')).toEqual({ kind: 'close' });
    expect(groupCommand('/TUTUP@Jembatan_Bot terima kasih', 'jembatan_bot')).toEqual({ kind: 'close' });
    expect(groupCommand('/tutup@lain_bot', 'jembatan_bot')).toEqual({ kind: 'elsewhere' });
    expect(groupCommand('/start', 'jembatan_bot')).toEqual({ kind: 'unknown' });
    expect(groupCommand('/tutupan', 'jembatan_bot')).toEqual({ kind: 'unknown' });
    expect(groupCommand('tutup ya', 'jembatan_bot')).toBeUndefined();
    expect(groupCommand('/ jam 3', 'jembatan_bot')).toBeUndefined();
  });

  it('accepts only supergroup ids for the setting', () => {
    expect(parseGroupChatId(' -1001234567890 ')).toBe('-1001234567890');
    expect(() => parseGroupChatId('-4012345678')).toThrow(/basic group/);
    expect(() => parseGroupChatId('@petugas_jembatan')).toThrow(StaffGroupSettingError);
  });
});
