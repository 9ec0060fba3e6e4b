import { describe, expect, it } from 'vitest';
import { notAName } from './form';

describe('notAName', () => {
  it.each([
    'Siti Nur Aisyah',
    'Muhammad Y. Putra', // an initial that is also "y" (yes)
    'Andi S. N.',
    'Dewi S',
    'Ayu Ada Lestari', // "ada" is a yes to the yes/no reader
    'Peserta Ya',
    'I Gede Made Wirawan',
    'Ni Luh Putu Ayu',
    'Bagus',
  ])('%s is a name', (name) => {
    expect(notAName(name)).toBe(false);
  });

  it.each(['ya', 'iya kak', 'y', 'lanjut', 'lanjut kak', 'halo kak', 'oke deh', 'gak', 'makasih kak'])(
    '%s is a reply, not a name',
    (text) => {
      expect(notAName(text)).toBe(true);
    },
  );
});
