import type { FieldCipher } from '../shared/field-cipher';
import type { DocumentStorage, MediaDownloads } from '../storage';

/**
 * What the application features need beyond the turn's transaction: the cipher for the NIK, where
 * documents are kept, and how to fetch a received file from its platform. Built once per runtime
 * (src/runtime.ts) and handed to the flows when they are registered.
 */
export interface ApplicationServices {
  cipher: FieldCipher;
  storage: DocumentStorage;
  media: MediaDownloads;
}
