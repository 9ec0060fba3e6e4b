import { detectFileType } from '../applications/file-type';
import { MAX_IMPORT_BYTES } from '../organisations/import-jobs';

/*
 * Files staff send to a person (the registration form, a brochure photo, a schedule): which ones, how
 * large, and where they are kept. Only the storage key goes into the message row; the bytes live in the
 * DocumentStorage under the person's own folder, so erasing the person erases them (src/privacy).
 */

/**
 * 5 MB, the dashboard's upload limit (MAX_IMPORT_BYTES: src/admin/index.ts sizes its body limit from
 * it), and the most WhatsApp's Cloud API takes for an image: a file accepted here goes through on every
 * channel (Telegram takes photos up to 10 MB, documents up to 50 MB).
 */
export const STAFF_FILE_MAX_BYTES = MAX_IMPORT_BYTES;

export type StaffFileMedia = 'photo' | 'document';

export interface StaffFileType {
  mimeType: string;
  ext: string;
  /** Pictures go as photos where the platform shows them; everything else as a document. */
  media: StaffFileMedia;
}

export type StaffFileProblem =
  | { key: 'fileEmpty' }
  | { key: 'fileTooLarge'; size: string; max: number }
  | { key: 'fileType' };

const MB = 1024 * 1024;

const OFFICE = {
  doc: { mimeType: 'application/msword', ext: 'doc' },
  xls: { mimeType: 'application/vnd.ms-excel', ext: 'xls' },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
} as const;

function indexOf(bytes: Uint8Array, needle: number[]): number {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first!); i !== -1 && i <= bytes.length - needle.length; ) {
    for (let j = 1; j < needle.length; j++) {
      if (bytes[i + j] !== needle[j]) {
        i = bytes.indexOf(first!, i + 1);
        continue outer;
      }
    }
    return i;
  }
  return -1;
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
/** Names inside an OLE2 compound file (.doc, .xls) are UTF-16LE. */
const utf16 = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);
const has = (bytes: Uint8Array, needle: number[]) => indexOf(bytes, needle) !== -1;

/**
 * What the file really is, from its bytes (never its name): PDF, JPEG, PNG, WebP (through the
 * applications' detector), or Word and Excel — new (a zip with `word/` or `xl/` parts) and old (an OLE2
 * file with a `WordDocument` or `Workbook` stream). Files with macros are refused: staff have no reason
 * to send a program to a young person's phone.
 */
export function detectStaffFileType(bytes: Uint8Array): StaffFileType | undefined {
  const basic = detectFileType(bytes);
  if (basic.kind === 'accepted')
    return {
      mimeType: basic.mimeType,
      ext: basic.ext,
      media: basic.mimeType === 'application/pdf' ? 'document' : 'photo',
    };
  if (basic.kind !== 'rejected' || (basic.what !== 'office' && basic.what !== 'archive')) return undefined;
  if (bytes[0] === 0x50) {
    // A zip: the part names are stored uncompressed, in each local header and in the central directory.
    if (has(bytes, ascii('vbaProject.bin'))) return undefined;
    if (has(bytes, ascii('word/document.xml'))) return { ...OFFICE.docx, media: 'document' };
    if (has(bytes, ascii('xl/workbook.xml'))) return { ...OFFICE.xlsx, media: 'document' };
    return undefined;
  }
  if (has(bytes, utf16('_VBA_PROJECT'))) return undefined;
  if (has(bytes, utf16('WordDocument'))) return { ...OFFICE.doc, media: 'document' };
  if (has(bytes, utf16('Workbook'))) return { ...OFFICE.xls, media: 'document' };
  return undefined;
}

/** Why a file cannot be sent (by its size first, so a huge file is never read), or its type. */
export function checkStaffFile(file: {
  size: number;
  data?: Uint8Array;
}): { type: StaffFileType; problem?: undefined } | { problem: StaffFileProblem; type?: undefined } {
  if (file.size === 0) return { problem: { key: 'fileEmpty' } };
  if (file.size > STAFF_FILE_MAX_BYTES)
    return {
      problem: { key: 'fileTooLarge', size: (file.size / MB).toFixed(1), max: STAFF_FILE_MAX_BYTES / MB },
    };
  const type = file.data ? detectStaffFileType(file.data) : undefined;
  return type ? { type } : { problem: { key: 'fileType' } };
}

/**
 * The name the person sees: the uploaded name without folders or control characters, at most 100
 * characters, and always ending in the extension of what the file really is.
 */
export function staffFileName(raw: string | undefined, type: StaffFileType): string {
  const base = (raw ?? '')
    .split(/[\\/]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const stem =
    base
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .slice(0, 90)
      .trim() || type.media;
  return `${stem}.${type.ext}`;
}

/** The person's folder of staff files: erasing the person deletes it whole. */
export const staffFilesPrefix = (userId: string) => `staff-files/${userId}`;

/** A new, unguessable key in the person's folder (the file name stays in the message, not the key). */
export const staffFileKey = (userId: string, ext: string) =>
  `${staffFilesPrefix(userId)}/${crypto.randomUUID()}.${ext}`;

/** The file types the inbox form offers (`accept`), matching what detectStaffFileType takes. */
export const STAFF_FILE_ACCEPT = [
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  ...Object.values(OFFICE).map((o) => o.mimeType),
].join(',');
