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
