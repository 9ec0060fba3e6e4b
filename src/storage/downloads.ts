import type { Channel } from '../shared/conversation';

export interface DownloadedFile {
  data: Uint8Array;
  /** What the platform says it is (not trusted: the content is checked by its bytes). */
  mimeType?: string;
}

/**
 * Fetches a received file's bytes from its platform: Telegram (getFile + the file URL), WhatsApp Cloud
 * (Graph API media), Baileys (decrypts from WhatsApp's servers). `maxBytes`: give up on anything
 * larger without reading it all.
 */
export type MediaDownloader = (
  fileRef: string,
  options: { maxBytes: number; signal?: AbortSignal },
) => Promise<DownloadedFile | undefined>;

export class TooLargeError extends Error {
  constructor(readonly size: number) {
    super('file too large');
  }
}

/**
 * One per runtime: channels register their downloader once they exist (the Baileys socket starts after
 * the runtime), and the application form asks for the file of the channel the person wrote on.
 */
export class MediaDownloads {
  private readonly downloaders = new Map<Channel, MediaDownloader>();

  register(channel: Channel, downloader: MediaDownloader): this {
    this.downloaders.set(channel, downloader);
    return this;
  }

  has(channel: Channel): boolean {
    return this.downloaders.has(channel);
  }

  async download(
    channel: Channel,
    fileRef: string,
    options: { maxBytes: number; signal?: AbortSignal },
  ): Promise<DownloadedFile | undefined> {
    const downloader = this.downloaders.get(channel);
    if (!downloader) return undefined;
    const file = await downloader(fileRef, options);
    if (file && file.data.byteLength > options.maxBytes) throw new TooLargeError(file.data.byteLength);
    return file;
  }
}

/** Reads a fetch Response body, stopping as soon as it passes `maxBytes`. */
export async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new TooLargeError(declared);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new TooLargeError(total);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
