import { checkStaffFile, STAFF_FILE_MAX_BYTES, type StaffFileProblem } from '../../handoff/files';
import type { StaffFileUpload } from '../../handoff/service';

/*
 * The file of a staff reply, as the inbox form posts it (multipart, no JavaScript needed).
 */

/**
 * How large a reply request may be. Four times the file limit: a file somewhat over the limit (a phone
 * photo, a scanned PDF) is still read, so the form can say so in Indonesian and keep the typed text;
 * anything larger gets the dashboard's plain "too large" answer (src/admin/index.ts) without being read.
 */
export const REPLY_BODY_MAX = 4 * STAFF_FILE_MAX_BYTES;

const REPLY_PATH = /^\/admin\/inbox\/[^/]+\/reply\/?$/;

/** The request is a reply form's post (it gets REPLY_BODY_MAX instead of the dashboard's limit). */
export const isReplyPost = (method: string, path: string) => method === 'POST' && REPLY_PATH.test(path);

/**
 * The file the form carries, if one was chosen. A browser posts an empty, nameless part when none was;
 * a chosen file of 0 bytes still has its name (and is refused as empty).
 */
export function chosenFile(value: unknown): File | undefined {
  if (!(value instanceof File)) return undefined;
  return value.size > 0 || value.name ? value : undefined;
}

/** The chosen file's bytes, or why it cannot be sent; its size is checked before it is read. */
export async function readUpload(
  file: File,
): Promise<
  { upload: StaffFileUpload; problem?: undefined } | { problem: StaffFileProblem; upload?: undefined }
> {
  const sized = checkStaffFile({ size: file.size });
  if (sized.problem && sized.problem.key !== 'fileType') return { problem: sized.problem };
  const data = new Uint8Array(await file.arrayBuffer());
  const checked = checkStaffFile({ size: data.byteLength, data });
  if (checked.problem) return { problem: checked.problem };
  return { upload: { data, fileName: file.name } };
}
