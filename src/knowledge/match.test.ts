import { describe, expect, it } from 'vitest';
import { knowledgeAnswer } from '../../tests/helpers/knowledge';

const answerFor = knowledgeAnswer;

describe('knowledge matcher: ranked retrieval over question, keywords and answer', () => {
  it('hears a worry told as a story, in slang, regional words or English', () => {
    for (const [text, key] of [
      ['temen aku pernah ketipu lpk, takut aku juga', 'scam-signs'],
      ['ortu gk ngizinin aku ke jepang', 'parents-worried'],
      // "mamak" is dropped by the NLU as a form of address; here it is a mother.
      ['mamak aku takut kali aku brgkt ke korea, gmn cara ngeyakininnya', 'parents-worried'],
      ['emak gue kagak ngebolehin gue ke jepang bang, takut gue kenape2. gimana ya', 'parents-worried'],
      ["my parents don't want me to go abroad, what should i do", 'parents-worried'],
      ['takut bgt kak ntar disana gaji dipotong2 trs paspor dipegang agen', 'safe-abroad'],
      ['is it safe? what if they hold my passport or dont pay me full salary', 'safe-abroad'],
      // "agent" next to a scam is a broker, not a request for a staff member.
      ['where can i report a fake agent', 'report-fraud'],
      ['how does EPS-TOPIK work? my cousin went to Korea through it', 'eps-topik'],
    ] as const)
      expect(answerFor(text), text).toBe(key);
  });

  it('takes a typo of a word the entries say', () => {
    // "khawatr" is one letter from "khawatir", which the entry's question says.
    expect(answerFor('ortu aku khawatr banget aku brangkat ke luar negri')).toBe('parents-worried');
  });

  it('leaves searches, small talk, questions about the programme on screen and programme rules alone', () => {
    for (const text of [
      'pelatihan las di sby',
      'makasih kak infonya',
      'apakah saya bisa ikut pelatihan ini?',
      'durasinya berapa lama',
      'tinggi badan minimal berapa buat magang jepang?',
      'aku di kendari, bisa ikut tukang bangunan tahan gempa di palu?',
      'i want to talk to an agent',
      'yg ada asramanya di bali apa aja ya kak?',
    ])
      expect(answerFor(text), text).toBeNull();
  });
});
