import { describe, expect, it } from 'vitest';
import { checkStaffFile, detectStaffFileType, STAFF_FILE_MAX_BYTES, staffFileName } from './files';
import { checkReply } from './reply';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const utf16 = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const padding = (n: number) => new Array(n).fill(0);

describe('detectStaffFileType', () => {
  it('knows PDF, pictures, Word and Excel by their bytes', () => {
    expect(detectStaffFileType(bytes('%PDF-1.7\n'))).toMatchObject({ ext: 'pdf', media: 'document' });
    expect(detectStaffFileType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({
      ext: 'jpg',
      media: 'photo',
    });
    expect(detectStaffFileType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toMatchObject({
      mimeType: 'image/webp',
      media: 'photo',
    });
    // The parts of a .docx can come after the first 2 KB (the applications' detector stops there).
    expect(detectStaffFileType(bytes('PK\x03\x04', padding(3000), 'word/document.xml'))).toMatchObject({
      ext: 'docx',
      media: 'document',
    });
    expect(detectStaffFileType(bytes('PK\x03\x04', '[Content_Types].xml', 'xl/workbook.xml'))).toMatchObject({
      ext: 'xlsx',
    });
    expect(
      detectStaffFileType(bytes(OLE, padding(600), utf16('Root Entry'), utf16('WordDocument'))),
    ).toMatchObject({ mimeType: 'application/msword', ext: 'doc' });
    expect(detectStaffFileType(bytes(OLE, padding(600), utf16('Workbook')))).toMatchObject({ ext: 'xls' });
  });

  it('refuses programs, archives, slides, macros and unknown bytes, whatever their names', () => {
    for (const refused of [
      bytes('MZ', padding(100)),
      bytes([0x7f, 0x45, 0x4c, 0x46]),
      bytes('PK\x03\x04', 'foto/ktp.jpg'),
      bytes('PK\x03\x04', '[Content_Types].xml', 'ppt/presentation.xml'),
      bytes('PK\x03\x04', 'word/document.xml', 'word/vbaProject.bin'),
      bytes(OLE, utf16('WordDocument'), utf16('_VBA_PROJECT_CUR')),
      bytes(OLE, utf16('PowerPoint Document')),
      bytes('GIF89a'),
      bytes('hello'),
      new Uint8Array(),
    ])
      expect(detectStaffFileType(refused)).toBeUndefined();
  });
});

describe('checkStaffFile', () => {
  it('refuses empty and too large files before looking at their bytes', () => {
    expect(checkStaffFile({ size: 0 }).problem).toEqual({ key: 'fileEmpty' });
    expect(checkStaffFile({ size: STAFF_FILE_MAX_BYTES + 1 }).problem).toEqual({
      key: 'fileTooLarge',
      size: '5.0',
      max: 5,
    });
    expect(checkStaffFile({ size: 4, data: bytes('MZ..') }).problem).toEqual({ key: 'fileType' });
    expect(checkStaffFile({ size: 9, data: bytes('%PDF-1.4\n') }).type?.ext).toBe('pdf');
  });
});

describe('staffFileName', () => {
  const pdf = detectStaffFileType(bytes('%PDF-1.4'))!;
  it('keeps the name staff gave, without folders or odd characters, with the real extension', () => {
    expect(staffFileName('Formulir Pendaftaran.pdf', pdf)).toBe('Formulir Pendaftaran.pdf');
    expect(staffFileName('C:\\Users\\dewi\\Desktop\\jadwal.docx', pdf)).toBe('jadwal.pdf');
    expect(staffFileName('../../etc/"pass\nwd".exe', pdf)).toBe('passwd.pdf');
    expect(staffFileName('', pdf)).toBe('document.pdf');
    expect(staffFileName(undefined, detectStaffFileType(bytes([0xff, 0xd8, 0xff]))!)).toBe('photo.jpg');
    expect(staffFileName(`${'a'.repeat(300)}.pdf`, pdf)).toHaveLength(94);
  });
});

describe('checkReply with a file', () => {
  it('allows an empty text and limits a caption to 1024 characters', () => {
    expect(checkReply('  ', { withFile: true })).toEqual({ text: '' });
    expect(checkReply('a'.repeat(1025), { withFile: true }).problem).toEqual({
      key: 'captionTooLong',
      length: 1025,
      max: 1024,
    });
    expect(checkReply('a'.repeat(1025)).problem).toBeUndefined();
  });
});
