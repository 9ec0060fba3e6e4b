import { BROCHURE_NAME, brochureContentType } from '../../shared/programme';
import type { DocumentStorage } from '../../storage';

/*
 * A programme's brochure uploaded with the new-programme form or replaced on its edit page (issue #20,
 * point 8): for organisations whose only "source" is a printed leaflet or a poster. Kept in the document
 * storage under `brochures/` with a random name, named in the record's `brochure` field, sent as a file
 * by the bot (no public address needed) and served at /admin/brosur/… for the dashboard and a browser.
 */

export const BROCHURE_MAX_BYTES = 5 * 1024 * 1024;
export const BROCHURE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** `<uuid>.<ext>`: the only names a brochure has, so nothing else in the storage can be asked for. */
export { BROCHURE_NAME };

/** Where a brochure lives in the document storage. */
export const brochureKey = (name: string) => `brochures/${name}`;

/** A brochure's content type by its name (undefined for anything that is not a brochure's name). */
export const brochureType = brochureContentType;

/** The file's kind by its first bytes: what it says it is is not trusted. */
function sniff(bytes: Uint8Array): string | undefined {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP')
    return 'image/webp';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  return undefined;
}

export type BrochureResult = { name: string } | { error: 'type' | 'size' };

/** Checks and stores an uploaded brochure; its public name, or why it was refused. */
export async function storeBrochure(storage: DocumentStorage, file: File): Promise<BrochureResult> {
  if (file.size > BROCHURE_MAX_BYTES) return { error: 'size' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniff(bytes);
  if (!type) return { error: 'type' };
  const name = `${crypto.randomUUID()}.${EXTENSIONS[type]}`;
  await storage.put(brochureKey(name), bytes, type);
  return { name };
}

/** The stored brochure and its content type, if the name is one. */
export async function readBrochure(
  storage: DocumentStorage,
  name: string,
): Promise<{ data: Uint8Array; type: string } | undefined> {
  const type = brochureType(name);
  if (!type) return undefined;
  const data = await storage.get(brochureKey(name));
  return data ? { data, type } : undefined;
}
