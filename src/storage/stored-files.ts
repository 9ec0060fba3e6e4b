import type { DocumentStorage } from './index';
import { isSafeKey } from './keys';

/** What a channel sender needs to send a stored file (`Outbound` type `file`): its bytes by key. */
export type StoredFileReader = Pick<DocumentStorage, 'get'>;

/**
 * Why a stored file cannot be sent: it is gone (the person erased their data, or someone removed it
 * from the folder or bucket). Sending again will not bring it back, so senders fail permanently.
 */
export const STORED_FILE_MISSING = 'stored file not found (erased with the person, or removed from storage)';

/** The bytes of a stored file, or undefined when it is gone (or no storage was given to the sender). */
export async function readStoredFile(
  files: StoredFileReader | undefined,
  key: string,
): Promise<Uint8Array | undefined> {
  return files && isSafeKey(key) ? files.get(key) : undefined;
}
