import { createHash } from 'node:crypto';
import type { Queryable } from '../db/client';
import type { Channel } from '../shared/conversation';
import type { Message } from '../shared/profile';
import type { DocumentStorage, MediaDownloads } from '../storage';
import { TooLargeError } from '../storage/downloads';
import { detectFileType, MAX_DOCUMENT_BYTES } from './file-type';
import { saveDocument } from './store';

export interface ReceivedMedia {
  mediaKind: string;
  fileRef: string;
  mimeType?: string;
  fileName?: string;
  size?: number;
}

export type DocumentResult = { ok: true; mimeType: string; size: number } | { ok: false; error: Message };

const fail = (name: string, vars: Record<string, unknown> = {}): DocumentResult => ({
  ok: false,
  error: { key: `applications:documents.error.${name}`, vars },
});

/** How long fetching one file may take before we ask the person to send it again. */
const DOWNLOAD_TIMEOUT_MS = 20_000;
const MB = 1024 * 1024;

/**
 * One document of an application: fetched through the platform's file API, checked by its bytes
 * (photo or PDF, at most 10 MB), stored as `<applicationId>/<kind>.<ext>` and recorded. The file is
 * written before the turn commits; a turn that rolls back leaves a file that the next upload of the
 * same kind overwrites, or that deleting the draft removes.
 */
export async function acceptDocument(
  db: Queryable,
  services: { storage: DocumentStorage; media: MediaDownloads },
  input: { channel: Channel; applicationId: string; kind: string; media: ReceivedMedia },
): Promise<DocumentResult> {
  const { media } = input;
  if (media.mediaKind === 'sticker') return fail('sticker');
  if (media.mediaKind === 'audio' || media.mediaKind === 'video') return fail(media.mediaKind);
  const max = { max: MAX_DOCUMENT_BYTES / MB };
  if (media.size !== undefined && media.size > MAX_DOCUMENT_BYTES)
    return fail('tooLarge', { ...max, size: (media.size / MB).toFixed(1) });
  if (!services.media.has(input.channel)) return fail('unavailable');

  let data: Uint8Array;
  try {
    const file = await services.media.download(input.channel, media.fileRef, {
      maxBytes: MAX_DOCUMENT_BYTES,
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
    if (!file) return fail('download');
    data = file.data;
  } catch (error) {
    if (error instanceof TooLargeError)
      return fail('tooLarge', { ...max, size: (error.size / MB).toFixed(1) });
    return fail('download');
  }
  if (data.byteLength === 0) return fail('empty');

  const type = detectFileType(data);
  if (type.kind === 'rejected') {
    const claimed = /\.(\w{2,5})$/.exec(media.fileName ?? '')?.[1]?.toLowerCase();
    // "ijazah.pdf" that is really a program: say that the name and the content disagree.
    if (claimed && ['pdf', 'jpg', 'jpeg', 'png'].includes(claimed))
      return fail('disguised', { ext: claimed });
    return fail(`type.${type.what}`);
  }
  const storageKey = `${input.applicationId}/${input.kind}.${type.ext}`;
  await services.storage.put(storageKey, data, type.mimeType);
  const replaced = await saveDocument(db, {
    applicationId: input.applicationId,
    kind: input.kind,
    storageKey,
    mimeType: type.mimeType,
    size: data.byteLength,
    sha256: createHash('sha256').update(data).digest('hex'),
  });
  if (replaced) await services.storage.delete(replaced);
  return { ok: true, mimeType: type.mimeType, size: data.byteLength };
}
