import type { DocumentStorage } from './index';
import { isSafeKey } from './keys';

/**
 * Documents as files under one folder. `node:fs` is imported when first used, so importing this module
 * costs nothing on runtimes without a filesystem (Workers use another implementation).
 */
export class LocalFolderStorage implements DocumentStorage {
  constructor(readonly root: string) {}

  private async path(key: string): Promise<string> {
    if (!isSafeKey(key)) throw new Error('unsafe storage key');
    const { resolve, join } = await import('node:path');
    return join(resolve(this.root), key);
  }

  async put(key: string, data: Uint8Array, _mimeType?: string): Promise<void> {
    const { mkdir, writeFile, rename } = await import('node:fs/promises');
    const { dirname } = await import('node:path');
    const path = await this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const temporary = `${path}.${process.pid}.${Date.now()}.part`;
    await writeFile(temporary, data, { mode: 0o600 });
    await rename(temporary, path);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const { readFile } = await import('node:fs/promises');
    try {
      return new Uint8Array(await readFile(await this.path(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const { rm } = await import('node:fs/promises');
    await rm(await this.path(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    const { rm } = await import('node:fs/promises');
    const folder = prefix.replace(/\/+$/, '');
    await rm(await this.path(folder), { recursive: true, force: true });
  }
}
