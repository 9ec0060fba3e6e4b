import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSafeKey } from './keys';
import { LocalFolderStorage } from './local';

const root = mkdtempSync(join(tmpdir(), 'jembatan-storage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('LocalFolderStorage', () => {
  it('puts, gets, deletes, and deletes a folder', async () => {
    const storage = new LocalFolderStorage(root);
    await storage.put('app-1/ktp.jpg', new Uint8Array([1, 2, 3]), 'image/jpeg');
    await storage.put('app-1/ijazah.pdf', new Uint8Array([4]), 'application/pdf');
    expect(await storage.get('app-1/ktp.jpg')).toEqual(new Uint8Array([1, 2, 3]));
    await storage.delete('app-1/ktp.jpg');
    expect(await storage.get('app-1/ktp.jpg')).toBeUndefined();
    await storage.deletePrefix('app-1');
    expect(await storage.get('app-1/ijazah.pdf')).toBeUndefined();
  });

  it('refuses keys that could leave the folder', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../b', '', 'a//b', '.hidden'])
      expect(isSafeKey(key)).toBe(false);
    await expect(new LocalFolderStorage(root).put('../x', new Uint8Array(), 'x')).rejects.toThrow();
  });
});
