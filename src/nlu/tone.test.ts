import { describe, expect, it } from 'vitest';
import { readTone } from './tone';

const tone = (text: string) => readTone(text)?.tone;

describe('the feeling of a message', () => {
  it('reads tears as distress, not thanks; thanks in words stay thanks', () => {
    expect(readTone('😭😭😭🙏')).toMatchObject({ tone: 'distress', only: true });
    expect(tone('😢')).toBe('distress');
    expect(tone('makasih kak 😭🙏')).toBe('thanks');
    expect(tone('🙏')).toBe('thanks');
    expect(tone('sedih bgt aku ditolak terus')).toBe('distress');
    expect(tone('aku capek banget ga ada yg mau nerima aku')).toBe('distress');
  });

  it('reads insults, frustration, laughter and greetings', () => {
    expect(tone('bot goblok')).toBe('insult');
    expect(tone('anjing lu')).toBe('insult');
    expect(tone('kesel bgt')).toBe('frustration');
    expect(tone('😡')).toBe('frustration');
    expect(tone('wkwkwk')).toBe('laughter');
    expect(tone('😂😂')).toBe('laughter');
    expect(tone('halo kak')).toBe('greeting');
  });

  it('puts words about ending one’s life first', () => {
    expect(tone('capek hidup, pengen mati aja 😭')).toBe('crisis');
  });

  it('tells a feeling alone from a feeling with a request, and gives the request without it', () => {
    expect(readTone('bot bego, pelatihan las di sby dong')).toMatchObject({
      tone: 'insult',
      only: false,
      rest: 'pelatihan las di sby dong',
    });
    expect(readTone('bot goblok')?.only).toBe(true);
  });

  it('finds nothing in neutral messages, searches or "hmm"', () => {
    expect(readTone('pelatihan las di sby')).toBeUndefined();
    expect(readTone('hmm')).toBeUndefined();
    expect(readTone('👍')).toBeUndefined();
    expect(readTone('pelatihan pengolahan sampah')).toBeUndefined();
  });
});
