/**
 * What a file really is, from its first bytes — never from its name or the type the app claims: a
 * program renamed `ijazah.pdf` is still a program.
 */
export type DetectedType =
  | { kind: 'accepted'; mimeType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'; ext: string }
  | { kind: 'rejected'; what: 'program' | 'archive' | 'office' | 'image' | 'video' | 'audio' | 'unknown' };

function starts(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function detectFileType(bytes: Uint8Array): DetectedType {
  if (starts(bytes, [0xff, 0xd8, 0xff])) return { kind: 'accepted', mimeType: 'image/jpeg', ext: 'jpg' };
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'accepted', mimeType: 'image/png', ext: 'png' };
  if (starts(bytes, ascii('RIFF')) && starts(bytes, ascii('WEBP'), 8))
    return { kind: 'accepted', mimeType: 'image/webp', ext: 'webp' };
  // PDF readers accept the header anywhere in the first KiB; so do we.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { kind: 'accepted', mimeType: 'application/pdf', ext: 'pdf' };

  if (
    starts(bytes, ascii('MZ')) ||
    starts(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    starts(bytes, [0xcf, 0xfa, 0xed, 0xfe])
  )
    return { kind: 'rejected', what: 'program' };
  if (starts(bytes, ascii('PK\x03\x04'))) {
    const zipped = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    return {
      kind: 'rejected',
      what: /word\/|xl\/|ppt\/|\[Content_Types\]/.test(zipped) ? 'office' : 'archive',
    };
  }
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { kind: 'rejected', what: 'office' };
  if (starts(bytes, ascii('Rar!')) || starts(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || starts(bytes, [0x1f, 0x8b]))
    return { kind: 'rejected', what: 'archive' };
  if (starts(bytes, ascii('GIF8')) || starts(bytes, ascii('BM')) || starts(bytes, ascii('ftypheic'), 4))
    return { kind: 'rejected', what: 'image' };
  if (starts(bytes, ascii('ftyp'), 4) || starts(bytes, [0x1a, 0x45, 0xdf, 0xa3]))
    return { kind: 'rejected', what: 'video' };
  if (starts(bytes, ascii('OggS')) || starts(bytes, ascii('ID3'))) return { kind: 'rejected', what: 'audio' };
  return { kind: 'rejected', what: 'unknown' };
}

/** 10 MB: a phone photo or a scanned PDF fits easily; Telegram bots can download up to 20 MB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
