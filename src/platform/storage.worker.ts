import type { DocumentStorage } from '../storage';
import { isSafeKey } from '../storage/keys';
import type { R2Bucket } from './workers';

/** Application documents in an R2 bucket (binding `UPLOADS`): the Workers twin of LocalFolderStorage. */
export class R2Storage implements DocumentStorage {
  constructor(private readonly bucket: R2Bucket) {}

  private key(key: string): string {
    if (!isSafeKey(key)) throw new Error('unsafe storage key');
    return key;
  }

  async put(key: string, data: Uint8Array, mimeType: string): Promise<void> {
    await this.bucket.put(this.key(key), data, { httpMetadata: { contentType: mimeType } });
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const object = await this.bucket.get(this.key(key));
    return object ? new Uint8Array(await object.arrayBuffer()) : undefined;
  }

  async delete(key: string): Promise<void> {
    await this.bucket.delete(this.key(key));
  }

  /** Lists from the start each round: what was listed is deleted, so no cursor is needed. */
  async deletePrefix(prefix: string): Promise<void> {
    for (;;) {
      const page = await this.bucket.list({ prefix });
      if (page.objects.length) await this.bucket.delete(page.objects.map((o) => o.key));
      if (!page.truncated || page.objects.length === 0) return;
    }
  }
}

/** Without a bucket, storing a document fails (the flow apologises); nothing is written anywhere. */
export class NoStorage implements DocumentStorage {
  async put(): Promise<void> {
    throw new Error('document storage is not configured on this Worker (bind an R2 bucket as UPLOADS)');
  }
  async get(): Promise<Uint8Array | undefined> {
    return undefined;
  }
  async delete(): Promise<void> {}
  async deletePrefix(): Promise<void> {}
}
