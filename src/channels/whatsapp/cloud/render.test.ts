import { describe, expect, it } from 'vitest';
import { presentFor } from '../../../engine/presentation';
import type { Choice, Outbound } from '../../../shared/conversation';
import { renderText, splitNumbered } from './render';

const choices = (...labels: string[]): Choice[] => labels.map((label, i) => ({ id: `c:${i}`, label }));

/** The message as the engine hands it to channel `whatsapp` (numbered by the presentation layer). */
function presented(text: string, list: Choice[], locale: 'id' | 'en' = 'id', token = 'tok123') {
  const message = presentFor(
    { type: 'text', text, choices: list, token },
    { simpleText: false, channel: 'whatsapp', locale },
  );
  return message as Extract<Outbound, { type: 'text' }>;
}

describe('Cloud API rendering of choices', () => {
  it('takes the numbered block off again, in either language', () => {
    expect(splitNumbered(presented('Pilih satu:', choices('Ya', 'Tidak')))).toEqual({
      body: 'Pilih satu:',
      locale: 'id',
    });
    expect(splitNumbered(presented('Pick one:', choices('Yes', 'No'), 'en'))).toEqual({
      body: 'Pick one:',
      locale: 'en',
    });
    expect(splitNumbered({ type: 'text', text: 'no block', choices: choices('A') })).toBeUndefined();
  });

  it('up to three short choices become reply buttons carrying token:index', () => {
    const body = renderText(presented('Lanjut?', choices('✅ Ya', '❌ Tidak', '🏠 Menu')));
    expect(body).toEqual({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Lanjut?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'tok123:0', title: '✅ Ya' } },
            { type: 'reply', reply: { id: 'tok123:1', title: '❌ Tidak' } },
            { type: 'reply', reply: { id: 'tok123:2', title: '🏠 Menu' } },
          ],
        },
      },
    });
  });

  it('up to ten choices of ≤ 24 characters become a list with a localised button', () => {
    const labels = ['🔎 Cari program', '✅ Cek kelayakan', '📄 Lamaran saya', '🙋 Bicara dengan petugas'];
    const body = renderText(presented('Mau mulai dari mana?', choices(...labels))) as {
      interactive: {
        type: string;
        action: { button: string; sections: Array<{ rows: Array<{ id: string; title: string }> }> };
      };
    };
    expect(body.interactive.type).toBe('list');
    expect(body.interactive.action.button).toBe('Lihat pilihan');
    expect(body.interactive.action.sections[0]!.rows.map((r) => r.title)).toEqual(labels);
    expect(body.interactive.action.sections[0]!.rows[3]!.id).toBe('tok123:3');
    const en = renderText(presented('Start where?', choices('A', 'B', 'C', 'D'), 'en')) as typeof body;
    expect(en.interactive.action.button).toBe('See options');
  });

  it('falls back to the numbered text when the choices do not fit', () => {
    const cases: Array<Extract<Outbound, { type: 'text' }>> = [
      presented('Q', choices('x'.repeat(25), 'b')), // a title over 24
      presented('Q', choices(...Array.from({ length: 11 }, (_, i) => `Pilihan ${i + 1}`))), // 11 rows
      presented('Q', choices('Sama', 'Sama')), // duplicate titles
      presented('x'.repeat(1100), choices('A', 'B')), // body over 1024
      { ...presented('Q', choices('A', 'B')), requestContact: true },
      { ...presented('Q', choices('A', 'B')), token: undefined },
    ];
    for (const message of cases) {
      const body = renderText(message) as { type: string; text: { body: string; preview_url: boolean } };
      expect(body.type).toBe('text');
      expect(body.text.body).toBe(message.text);
      expect(body.text.preview_url).toBe(false);
    }
  });

  it('plain text is clipped to WhatsApp’s 4096 characters', () => {
    const body = renderText({ type: 'text', text: 'a'.repeat(5000) }) as { text: { body: string } };
    expect(body.text.body).toHaveLength(4096);
    expect(body.text.body.endsWith('…')).toBe(true);
  });
});
