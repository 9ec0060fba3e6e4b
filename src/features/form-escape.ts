import { hasCriteria, queryFromUnderstanding } from '../catalogue/query';
import type { FlowContext } from '../engine/context';
import type { FlowInput } from '../engine/flow';
import { type Intent, otherChoice, understand } from '../nlu';
import { readTone, type Tone } from '../nlu/tone';
import { type AsideContext, answerAside } from './form-aside';
import { routeFreeText } from './text-router';

/** Requests that are never an answer to a form question: they leave the form and go where they point. */
const ELSEWHERE: ReadonlySet<Intent> = new Set<Intent>([
  'status',
  'handoff',
  'privacy_export',
  'privacy_delete',
  'language',
  'menu',
]);

/** Feelings a form answers in one line before asking again. */
const FELT: ReadonlySet<Tone> = new Set<Tone>(['crisis', 'distress', 'insult', 'frustration']);

export type Escape =
  /** The person asked for something else; it has been answered (the form's answers stay saved). */
  | 'left'
  /** "lanjut", "terus": ask the waiting question again, as it is. */
  | 'repeat'
  /** "eh gajadi" without saying what instead: the caller cancels its own way (a draft asks first). */
  | 'cancel'
  /** A question asked in passing has been answered: ask the waiting question again, no error said. */
  | 'aside'
  | undefined;

/**
 * A typed reply that is not a valid answer may be the person changing course mid-form ("eh gajadi, yg
 * di surabaya aja", "status lamaran saya gimana", "lanjut" the next day). Taking those as wrong
 * answers loops on the question; this sends them where the words point. Only called after an answer
 * failed, so a real answer ("Surabaya" for the domicile) is never taken away.
 */
export async function escapeFromForm(
  ctx: FlowContext,
  input: FlowInput,
  at: AsideContext = {},
): Promise<Escape> {
  // A photo or file sent while a question waits: said when documents are asked, and the question comes
  // back. A sticker or a voice note is no document: the caller's own reply for it stays.
  if (
    input.kind === 'media' &&
    (input.mediaKind === 'photo' || input.mediaKind === 'document') &&
    !at.noAside
  ) {
    ctx.say(ctx.t('form.mediaEarly'));
    return 'aside';
  }
  if (input.kind !== 'text') return undefined;
  // Tears, anger or an insult in the middle of a form get one line of their own before the question
  // comes back (talk of ending one's life gets the emergency numbers): never the question alone.
  const tone = readTone(input.text);
  if (tone && FELT.has(tone.tone) && (tone.only || tone.tone === 'crisis')) {
    // The line says what to do next, too: the question that follows is the same one as before.
    const felt = ctx.t(`knowledge:tone.prefix.${tone.tone}`);
    ctx.say(tone.tone === 'crisis' ? felt : `${felt}\n${ctx.t('form.feltThenAsk')}`);
    return 'repeat';
  }
  // "salah pilih, aku maunya yg otomotif": another programme was meant; the answers so far stay saved.
  const instead = otherChoice(input.text);
  if (instead) {
    const query = queryFromUnderstanding(understand(instead));
    ctx.say(ctx.t('form.changedMind'));
    if (Object.keys(query).length) await ctx.go('discover', { query });
    else await ctx.go('discover');
    return 'left';
  }
  const u = understand(input.text);
  if (u.intent === 'next') return 'repeat';
  if (u.intent === 'cancel') {
    const query = queryFromUnderstanding(u);
    if (!hasCriteria(query)) return 'cancel';
    ctx.say(ctx.t('form.changedMind'));
    await ctx.go('discover', { query });
    return 'left';
  }
  if (ELSEWHERE.has(u.intent)) {
    await routeFreeText(ctx, input.text, u);
    return 'left';
  }
  const aside = await answerAside(ctx, input.text, at);
  return aside === 'answered' ? 'aside' : aside;
}
