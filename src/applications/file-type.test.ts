import { describe, expect, it } from 'vitest';
import { detectFileType } from './file-type';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('detectFileType', () => {
  it.each([
    [bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'image/jpeg', 'jpg'],
    [bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image/png', 'png'],
    [bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp', 'webp'],
    [bytes('%PDF-1.7\n'), 'application/pdf', 'pdf'],
    [bytes([0xef, 0xbb, 0xbf], '\n%PDF-1.4'), 'application/pdf', 'pdf'],
  ])('accepts %#', (data, mimeType, ext) => {
    expect(detectFileType(data)).toEqual({ kind: 'accepted', mimeType, ext });
  });

  it.each([
    [bytes('MZ', [0x90, 0]), 'program'],
    [bytes([0x7f], 'ELF'), 'program'],
    [bytes('PK', [3, 4], 'word/document.xml'), 'office'],
    [bytes('PK', [3, 4], 'foto.jpg'), 'archive'],
    [bytes('Rar!'), 'archive'],
    [bytes('GIF89a'), 'image'],
    [bytes([0, 0, 0, 0x18], 'ftypheic'), 'image'],
    [bytes([0, 0, 0, 0x18], 'ftypmp42'), 'video'],
    [bytes('ID3'), 'audio'],
    [bytes('hello'), 'unknown'],
    [new Uint8Array(), 'unknown'],
  ])('refuses %#', (data, what) => {
    expect(detectFileType(data)).toEqual({ kind: 'rejected', what });
  });
});
