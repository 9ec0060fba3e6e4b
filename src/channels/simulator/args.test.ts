import { describe, expect, it } from 'vitest';
import { ChatArgsError, DEFAULT_LOG_FILE, mediaOf, parseChatArgs, parseLine } from './args';
import { renderForTerminal } from './render';
import { SimulatorSender } from './sender';

describe('npm run chat options', () => {
  it('plays "local" by default, another person with --as or SIMULATOR_USER', () => {
    expect(parseChatArgs([])).toEqual({ person: 'local', logFile: DEFAULT_LOG_FILE });
    expect(parseChatArgs(['--as', 'rina']).person).toBe('rina');
    expect(parseChatArgs(['--as=budi']).person).toBe('budi');
    expect(parseChatArgs([], { SIMULATOR_USER: 'sari' }).person).toBe('sari');
    expect(parseChatArgs(['--as', 'rina'], { SIMULATOR_USER: 'sari' }).person).toBe('rina');
  });

  it('sends log lines to a file, or nowhere', () => {
    expect(parseChatArgs(['--log', 'x.log']).logFile).toBe('x.log');
    expect(parseChatArgs(['--log', 'off']).logFile).toBeUndefined();
    expect(parseChatArgs([], { CHAT_LOG_FILE: 'y.log' }).logFile).toBe('y.log');
  });

  it('refuses what it does not know, with the reason', () => {
    expect(() => parseChatArgs(['--as'])).toThrow(ChatArgsError);
    expect(() => parseChatArgs(['--as', 'a b'])).toThrow(/letters/);
    expect(() => parseChatArgs(['--verbose'])).toThrow(/unknown option --verbose/);
  });
});

describe('typed terminal commands', () => {
  it('reads switching, sending files, the command list and quitting; everything else is for the bot', () => {
    expect(parseLine('  ')).toEqual({ kind: 'empty' });
    expect(parseLine('/keluar')).toEqual({ kind: 'quit' });
    expect(parseLine('/quit')).toEqual({ kind: 'quit' });
    expect(parseLine('/perintah')).toEqual({ kind: 'commands' });
    expect(parseLine('/sebagai rina')).toEqual({ kind: 'as', name: 'rina' });
    expect(parseLine('/as budi')).toEqual({ kind: 'as', name: 'budi' });
    expect(parseLine('/sebagai')).toEqual({ kind: 'invalid', command: 'as' });
    expect(parseLine('/kirim ~/ijazah.pdf')).toEqual({ kind: 'send', path: '~/ijazah.pdf' });
    expect(parseLine('/send foto.jpg ini KTP saya')).toEqual({
      kind: 'send',
      path: 'foto.jpg',
      caption: 'ini KTP saya',
    });
    expect(parseLine('/kirim "/tmp/Ijazah saya.pdf" ijazah')).toEqual({
      kind: 'send',
      path: '/tmp/Ijazah saya.pdf',
      caption: 'ijazah',
    });
    expect(parseLine('/kirim')).toEqual({ kind: 'invalid', command: 'send' });
    expect(parseLine('/start')).toEqual({ kind: 'text', text: '/start' });
    expect(parseLine('ada magang ke jepang?')).toEqual({ kind: 'text', text: 'ada magang ke jepang?' });
  });

  it('sends pictures as photos and everything else as documents', () => {
    expect(mediaOf('/x/KTP.JPG')).toEqual({
      mediaKind: 'photo',
      mimeType: 'image/jpeg',
      fileName: 'KTP.JPG',
    });
    expect(mediaOf('a/ijazah.pdf')).toEqual({
      mediaKind: 'document',
      mimeType: 'application/pdf',
      fileName: 'ijazah.pdf',
    });
    expect(mediaOf('data.bin').mimeType).toBe('application/octet-stream');
  });
});

describe('the simulator sender and what the terminal shows', () => {
  it('hands every message to the printer with a message id', async () => {
    const printed: Array<[string, string]> = [];
    const sender = new SimulatorSender((address, m) => printed.push([address, m.type]));
    expect(await sender.send('rina', { type: 'text', text: 'Halo' })).toEqual({ platformMessageId: 'sim-1' });
    expect(await sender.send('budi', { type: 'text', text: 'Hai' })).toEqual({ platformMessageId: 'sim-2' });
    expect(printed).toEqual([
      ['rina', 'text'],
      ['budi', 'text'],
    ]);
  });

  it('labels staff replies as staff and messages for another person with their name', () => {
    const staff = { type: 'text', text: 'Halo, saya Dewi.', author: 'Dewi' } as never;
    expect(renderForTerminal('rina', staff, 'rina')).toEqual({ staff: 'Dewi', lines: ['Halo, saya Dewi.'] });
    expect(renderForTerminal('rina', { type: 'text', text: 'Menu' }, 'budi')).toEqual({
      to: 'rina',
      lines: ['Menu'],
    });
    expect(renderForTerminal('rina', { type: 'text', text: 'Menu' }, 'rina')).toEqual({ lines: ['Menu'] });
    const file = {
      type: 'file',
      media: 'document',
      key: 'k',
      fileName: 'jadwal.pdf',
      mimeType: 'application/pdf',
      size: 4096,
      caption: 'Jadwal tes',
      author: 'Dewi',
    } as never;
    expect(renderForTerminal('rina', file, 'rina')).toEqual({
      staff: 'Dewi',
      lines: ['📎 jadwal.pdf (application/pdf, 4 KB)', 'Jadwal tes'],
    });
  });
});
