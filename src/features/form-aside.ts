/**
 * Things said in the middle of a form that are not an answer but deserve one (issue #14): a question
 * about the programme ("bentar, ini gratis kan?"), a question for the knowledge base ("kalo ijazah aku
 * ketahan di sekolah gimana?"), why the data is needed, how much is left, or a pause ("berhenti dulu,
 * nanti lanjut"). The question is answered, and the form stays where it was: the caller asks its
 * question again, without calling the words a wrong answer.
 */
import { getProgramme } from '../catalogue/search';
import type { FlowContext } from '../engine/context';
import { cardQuestion, understand } from '../nlu';
import { cardAnswerText } from './discover/card-answers';
import { titleOf } from './discover/format';
import { QUESTIONS_FLOW, type QuestionsFlow } from './questions/flow';
import { looksLikeQuestion } from './questions/gate';

export interface AsideContext {
  /** The programme the form is for. */
  slug?: string;
  /** Questions still to come, the waiting one included. */
  remaining?: number;
  /** Only pauses and progress: the caller answers questions its own way. */
  noAside?: boolean;
  /** The document the form waits for now (its label), when it waits for one. */
  document?: string;
}

const PAUSE =
  /\b(stop here|stop for now|continue tomorrow|continue later|finish tomorrow|do (it|this) later|berhenti dulu|stop dulu|udahan dulu|sudahan dulu|nanti (aku )?lanjut|lanjut(in|kan)? nanti|nanti (aja|dulu|lagi) (ya|deh|lanjut)|besok (aja|lagi|lanjut|dilanjut)|lanjut besok|continue later|finish (it )?later|pause)\b/;
const PROGRESS =
  /\b((udah|sudah|udh) selesai belum|selesai belum|belum selesai( juga)?|masih lama|masih banyak|berapa (lagi|pertanyaan)|banyak (amat|banget|bgt|bener)|kapan selesai|how many more|almost done|is it done|how much longer)\b/;
const WHY_DATA =
  /\b(kenapa|knp|ngapain|buat apa|untuk apa|utk apa|why)\b.*\b(nomor|nomer|hp|wa|nik|ktp|data|alamat|email|tanggal lahir|umur|foto|dokumen|phone|number|id|address)\b|\b(data|dataku|datanya|data aku|data saya|my data)\b.*\b(dikirim|ke siapa|siapa yang|aman|dilihat|disimpan|dijual|sent|who|safe)\b|\bwho (sees|gets|will see|can see)\b|\b(simpen|simpan|nyimpen|menyimpan|disimpan|store|keep|kept)\b.*\bdata\b|\bdata\b.*\b(wajib|harus|perlu)\b/;

/** "why are you asking all this": the same answer as why the data is needed. */
const WHY_ASKED =
  /\b(buat apa|untuk apa|utk apa|ngapain|kenapa|knp|why)\b.*\b(ditanya|ditanyain|ditanya2|nanya|nanya2|tanya|tanya2|ask|asking|need (this|that|it))\b/;

/** Documents people say they do not have yet ("pas foto nanti aja", "bentar aku cari ktp dulu"). */
const DOCUMENTS: ReadonlyArray<[string, RegExp]> = [
  ['ktp', /\b(ktp|e-?ktp|id card|identity card)\b/],
  ['ijazah', /\b(ijazah|ijasah|ijazahku|diploma|certificate of graduation)\b/],
  ['photo', /\b(pas ?foto|pasfoto|foto formal|passport photo|photo)\b/],
  ['cv', /\b(cv|curriculum vitae|riwayat hidup|resume)\b/],
  ['skck', /\bskck\b/],
  ['passport', /\b(paspor|passport)\b/],
  ['kk', /\b(kk|kartu keluarga|family card)\b/],
];
/** Not there yet, or being fetched: a document that comes later. */
const NOT_YET =
  /\b(nanti|belum|blm|blom|menyusul|nyusul|dulu|masih diproses|diproses|ga punya|gak punya|gk punya|tidak punya|nggak punya|ga ada|gak ada|gk ada|tidak ada|cari|nyari|later|not yet|don'?t have|do not have|find|looking for|hold on)\b/;

/** Skipping the waiting question ("skip", "lewat", "gk punya", "boleh ga dijawab yg ini?"). */
const SKIP =
  /\b(skip|skipp?ed|lewat|lewati|lewatin|dilewati|dilewatin|ga dijawab|gak dijawab|tidak dijawab|nggak dijawab|ga punya|gak punya|gk punya|tidak punya|nggak punya|ga ada|gak ada|gk ada|tidak ada|don'?t have|do not have|none)\b/;
/** Optional answers a person may name while another question waits ("email gk punya"). */
const OPTIONAL_NAMED = /\b(e-?mail|surel)\b/;

export type Aside = 'answered' | 'left' | undefined;

/**
 * Asked, in the person's own words (not the normalised ones: "gpp" is "tidak apa-apa", no question).
 * Only questions are answered in passing; anything else is left to the form as an answer.
 */
export function asksSomething(text: string): boolean {
  const lower = text.toLowerCase().replace(/\b(apa[- ]apa|gapapa|gpp|ngapa-ngapain)\b/g, ' ');
  return (
    lower.includes('?') ||
    /\b(apa(kah)?|gimana|gmn|bagaimana|kenapa|knp|berapa|brp|kapan|dimana|di mana|siapa|bolehkah|bisakah|what|why|how|when|where|who|which|can i|is it|is there|do i|does)\b/.test(
      lower,
    )
  );
}

export async function answerAside(ctx: FlowContext, text: string, at: AsideContext = {}): Promise<Aside> {
  const lower = text.toLowerCase();
  if (!at.noAside) {
    // "pas foto nanti aja, blm ada": documents are asked at the end and may come later; the form goes on.
    const document = DOCUMENTS.find(([, pattern]) => pattern.test(lower));
    // At the document itself ("ktp aku lagi diurus, pake suket bisa?"): how to send it later, and a
    // person for whether a substitute will do — not "documents come at the end", which is now.
    if (at.document && NOT_YET.test(lower)) {
      ctx.say(
        `${ctx.t('form.documentNotYet', { document: at.document })}${
          document?.[0] === 'ijazah' ? `\n${ctx.t('form.ijazahPending')}` : ''
        }`,
      );
      return 'answered';
    }
    if (document && NOT_YET.test(lower)) {
      const key = document[0];
      ctx.say(
        `${ctx.t('form.documentLater', { document: ctx.t(`form.document.${key}`) })}${
          key === 'ijazah' ? `\n${ctx.t('form.ijazahPending')}` : ''
        }`,
      );
      return 'answered';
    }
    // "email gk punya" while the birth date waits: that one is optional when it comes.
    if (OPTIONAL_NAMED.test(lower) && SKIP.test(lower)) {
      ctx.say(ctx.t('form.optionalLater'));
      return 'answered';
    }
  }
  if (PAUSE.test(lower) && !at.noAside) {
    ctx.say(ctx.t('form.paused'));
    await ctx.go('menu');
    return 'left';
  }
  if (PROGRESS.test(lower)) {
    ctx.say(
      at.remaining && at.remaining > 0
        ? ctx.t('form.progress', { count: at.remaining })
        : ctx.t('form.progressUnknown'),
    );
    return 'answered';
  }
  // Skipping a question the form needs (an optional one takes "skip" as its answer before this).
  if (!at.noAside && SKIP.test(lower) && !WHY_DATA.test(lower)) {
    ctx.say(ctx.t('form.requiredNoSkip'));
    return 'answered';
  }
  if (at.noAside || !asksSomething(text)) return undefined;
  const detail = at.slug ? await getProgramme(ctx.tx, at.slug) : null;
  if (WHY_DATA.test(lower) || WHY_ASKED.test(lower)) {
    const provider = detail?.programme.provider.name;
    ctx.say(
      provider
        ? ctx.t('form.whyData', { provider, title: titleOf(ctx, detail.programme.title) })
        : ctx.t('form.whyDataGeneral'),
    );
    return 'answered';
  }
  if (at.slug && detail) {
    const question = cardQuestion(text);
    const answer = question ? await cardAnswerText(ctx, at.slug, question) : undefined;
    if (answer) {
      ctx.say(answer);
      return 'answered';
    }
  }
  if (!ctx.hasFlow(QUESTIONS_FLOW)) return undefined;
  const questions = ctx.flow(QUESTIONS_FLOW) as QuestionsFlow;
  const known = await questions.answerInPassing(ctx, text, at.slug);
  if (known) {
    ctx.say(known);
    return 'answered';
  }
  // A real question nothing answers: said honestly, collected for staff, a person a tap away (the
  // question asked again carries the Petugas button).
  if (looksLikeQuestion(text, understand(text))) {
    await questions.collect(ctx, text, at.slug);
    ctx.say(ctx.t('form.unknownQuestion'));
    return 'answered';
  }
  return undefined;
}
