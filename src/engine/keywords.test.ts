import { describe, expect, it } from 'vitest';
import { globalCommand } from './keywords';

describe('globalCommand', () => {
  it.each([
    ['/start', { command: 'start' }],
    ['/start ref_kopri', { command: 'start', payload: 'ref_kopri' }],
    ['/menu@JembatanBot', { command: 'menu' }],
    ['Menu', { command: 'menu' }],
    ['  batal!! ', { command: 'cancel' }],
    ['/berhenti', { command: 'stop' }],
    ['jangan kirim lagi', { command: 'stop' }],
    ['/data_saya', { command: 'my_data' }],
    ['/hapus_data', { command: 'delete_data' }],
  ])('%s', (text, expected) => {
    expect(globalCommand(text)).toEqual(expected);
  });

  it.each(['menu magang jepang', 'saya mau batal daftar magang?', '/unknown', 'halo'])(
    'leaves "%s" to the flows',
    (text) => {
      expect(globalCommand(text)).toBeUndefined();
    },
  );
});

describe('globalCommand in other words', () => {
  it.each([
    ['balik ke menu dong', 'menu'],
    ['kembali ke menu utama', 'menu'],
    ['menu utama kak', 'menu'],
    ['gajadi deh', 'cancel'],
    ['ga jadi', 'cancel'],
    ['batalin aja', 'cancel'],
    ['udahan', 'cancel'],
    ['mau ngomong sama petugas', 'human'],
    ['admin', 'human'],
    ['minta tolong cs', 'human'],
    ['bicara dengan admin dong', 'human'],
  ])('%s → %s', (text, command) => {
    expect(globalCommand(text)).toEqual({ command });
  });

  it.each(['ga jadi daftar magang jepang', 'petugas blk bilang apa?', 'kembali', 'orang'])(
    'leaves "%s" to the flows',
    (text) => {
      expect(globalCommand(text)).toBeUndefined();
    },
  );
});
