/**
 * Where uploaded documents live. Flows and services see only this interface; the default is a local
 * folder (`./data/uploads`, or `UPLOADS_DIR`). Production on several machines wants an S3-compatible
 * bucket: implement these four methods with any S3 client (PUT/GET/DELETE object, list + delete by
 * prefix) — nothing else changes. Keys look like `<applicationId>/ktp.jpg`.
 */
export interface DocumentStorage {
  put(key: string, data: Uint8Array, mimeType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
  /** Removes every object whose key starts with `prefix` (an application's folder). */
  deletePrefix(prefix: string): Promise<void>;
}

export {
  type DownloadedFile,
  type MediaDownloader,
  MediaDownloads,
  readLimited,
  TooLargeError,
} from './downloads';
export { isSafeKey } from './keys';
export { LocalFolderStorage } from './local';
export { readStoredFile, STORED_FILE_MISSING, type StoredFileReader } from './stored-files';
