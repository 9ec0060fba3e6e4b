import { describe, expect, it } from 'vitest';
import { normalize, normalizeMessage } from './normalize';

describe('normalize', () => {
  it('splits a negation glued to its verb, and only to a verb it goes with', () => {
    expect(normalize('gapunya gabisa tdkada gatau')).toBe('tidak punya tidak bisa tidak ada tidak tahu');
    // Words that merely start like a negation stay whole.
    expect(normalize('gaji galau gabung')).toBe('gaji galau gabung');
  });

  it('keeps the domain abbreviations that slang lexicons would destroy', () => {
    expect(normalize('SMA')).toBe('sma');
    expect(normalize('lulusan smp')).toBe('lulusan smp');
    expect(normalize('pelatihan di BLK')).toBe('pelatihan di blk');
    expect(normalize('fotokopi KK dan KTP')).toBe('fotokopi kk dan ktp');
    expect(normalize('tamat SMK / MA')).toBe('tamat smk ma');
    expect(normalize('D3 atau S1')).toBe('d3 atau s1');
    expect(normalize('sudah N4 JLPT')).toBe('sudah n4 jlpt');
    expect(normalize('LPK, LSP, BPVP')).toBe('lpk lsp bpvp');
    expect(normalize('servis AC')).toBe('servis ac');
    expect(normalize('IM Japan')).toBe('im japan');
  });

  it('expands slang and abbreviations', () => {
    expect(normalize('gak')).toBe('tidak');
    expect(normalize('ga nggak ngga ndak enggak')).toBe('tidak tidak tidak tidak tidak');
    expect(normalize('gimana gmn')).toBe('bagaimana bagaimana');
    expect(normalize('yg dmn dmana brp')).toBe('yang dimana dimana berapa');
    expect(normalize('di mana')).toBe('dimana');
    expect(normalize('udh blm tp krn utk dr bs jg lg skrg')).toBe(
      'sudah belum tapi karena untuk dari bisa juga lagi sekarang',
    );
    expect(normalize('sy aku gw gue')).toBe('saya saya saya saya');
    expect(normalize('cewek cowok')).toBe('perempuan laki-laki');
    expect(normalize('luar negri')).toBe('luar negeri');
    expect(normalize('ln')).toBe('luar negeri');
    expect(normalize('plthan pelatihn pelatian')).toBe('pelatihan pelatihan pelatihan');
    expect(normalize('mgang magng sertifkasi')).toBe('magang magang sertifikasi');
    expect(normalize('makasih')).toBe('terima kasih');
  });

  it('drops forms of address, and notes them', () => {
    expect(normalize('kak ada magang?')).toBe('ada magang');
    expect(normalize('min, gan, bang, kakak')).toBe('');
    expect(normalizeMessage('kak').addressed).toBe(true);
    expect(normalize('usia min 18 tahun')).toBe('usia minimal 18 tahun');
  });

  it('shrinks stretched letters without breaking real double letters', () => {
    expect(normalize('bangettt')).toBe('banget');
    expect(normalize('halooo kakkk')).toBe('halo');
    expect(normalize('maaaf')).toBe('maaf');
    expect(normalize('siapp')).toBe('siap');
    expect(normalize('gratisss')).toBe('gratis');
  });

  it('strips emoji, punctuation and laughter; keeps emoji that are answers', () => {
    expect(normalize('magang 🇯🇵 jepang!!! 😍😍')).toBe('magang jepang');
    expect(normalize('wkwkwk oke')).toBe('oke');
    expect(normalize('👍')).toBe('oke');
    expect(normalize('🙏')).toBe('terima kasih');
    expect(normalize('ke-2')).toBe('ke 2');
    expect(normalize('uang saku 1.500.000')).toBe('uang saku 1500000');
  });

  it('splits -ku and -nya off known words', () => {
    expect(normalize('lamaranku')).toBe('lamaran saya');
    expect(normalize('untukku')).toBe('untuk saya');
    expect(normalize('biayanya')).toBe('biaya');
    expect(normalize('tanya')).toBe('tanya');
    expect(normalize('batalin')).toBe('batal');
    expect(normalize('hadirin')).toBe('hadirin');
  });

  it('forgives one typo in domain words, never turning real words into them', () => {
    expect(normalize('pelatiahn komputr')).toBe('pelatihan komputer');
    expect(normalize('jepng')).toBe('jepang');
    for (const word of [
      'pengolahan',
      'korban',
      'pesawat',
      'pertanyaan',
      'pernikahan',
      'bahaya',
      'wedding',
      'magang',
    ]) {
      expect(normalize(word), word).toBe(word);
    }
  });

  it('reads a leading command', () => {
    expect(normalize('/berhenti')).toBe('/berhenti');
    expect(normalizeMessage('/data_saya@JembatanBot').command).toBe('data_saya');
  });
});
