import { z } from 'zod';
/**
 * Questions get answers (issue #14): free questions are matched to the knowledge base (Jembatan's entries
 * and those of the organisations in context), answered shortly with their source and checked date; what
 * matches nothing is said honestly, a person is offered, and the question is collected for staff. The
 * feelings in a message (tears, anger, an insult, thanks, laughter) get a fitting answer first.
 */

import { queryFromUnderstanding } from '../../catalogue/query';
import { getProgramme, type ProgrammeQuery } from '../../catalogue/search';
import { formatDateId } from '../../eligibility';
import type { FlowContext } from '../../engine/context';
import type { Flow } from '../../engine/flow';
import { type Entry, entryByRef, findAnswer, localized, sourceLabel } from '../../knowledge/entries';
import { maskPersonal } from '../../knowledge/mask';
import { recordUnanswered } from '../../knowledge/unanswered';
import { type Understanding, understand } from '../../nlu';
import { HEAVY_TONES, readTone, type Tone } from '../../nlu/tone';
import type { Choice } from '../../shared/conversation';
import { salam, showMenu } from '../menu/flow';
import { routeFreeText } from '../text-router';
import { isWorldQuestion, knowledgeGate, looksLikeQuestion } from './gate';

export interface QuestionsSettings {
  /** The desk that answers when no programme is in view (its entries apply, unanswered questions go there). */
  defaultOrganisation: string;
}

export interface QuestionsParams {
  /** The knowledge entry to answer (`org:key` or a seeded key). */
  ref?: string;
  /** What the person asked, for the answer's wording. */
  asked?: string;
}

export interface QuestionsFlow extends Flow<'questions'> {
  /**
   * Answers the message if it is a question for the knowledge base or a feeling to acknowledge; returns
   * false when the message should go on to the rest of the router (a prefix may have been said).
   */
  respond(ctx: FlowContext, text: string, u?: Understanding): Promise<boolean>;
  /**
   * The knowledge base's answer to a question asked in passing (inside a form), as text, leaving the
   * conversation where it is; undefined when nothing matches. `slug`: the programme in context.
   */
  answerInPassing(ctx: FlowContext, text: string, slug?: string): Promise<string | undefined>;
  /** Collects a question nothing answered, for the desk of the programme in context (or the default). */
  collect(ctx: FlowContext, text: string, slug?: string): Promise<void>;
}

export const QUESTIONS_FLOW = 'questions' as const;

/** Intents that are requests of their own: a feeling is acknowledged in one line, then they go on. */
const REQUESTS = new Set([
  'search',
  'details',
  'apply',
  'eligibility',
  'match',
  'status',
  'subscribe',
  'language',
  'handoff',
]);
/** Feelings that are not worries: said without a question, the feeling is what to answer. */
const LIGHT: ReadonlySet<Tone> = new Set<Tone>(['joy', 'thanks', 'laughter', 'greeting']);

/**
 * The request names something to look for (a kind, field, subject, country, place or list item):
 * "aku stres, pelatihan las di bekasi ada?" is a search said sadly, "capek nyari kerja ga dapet2" is
 * only sadness — a search for the word "capek" would not hear it.
 */
/** What only narrows a search (where, how, what it gives); a new subject or country is a search of its own. */
const NARROWING: ReadonlySet<string> = new Set([
  'province',
  'regency',
  'places',
  'near',
  'person',
  'free',
  'stipend',
  'benefits',
  'online',
  'womenOnly',
  'disabilityFriendly',
]);

/** The answer's related search narrowed by a message that says only where or how, else undefined. */
function narrowRelated(search: string, text: string): ProgrammeQuery | undefined {
  const said = queryFromUnderstanding(understand(text));
  const keys = Object.keys(said);
  if (!keys.length || !keys.every((k) => NARROWING.has(k))) return undefined;
  return { ...queryFromUnderstanding(understand(search)), ...said };
}

function concrete(u: Understanding): boolean {
  const s = u.slots;
  return Boolean(
    s.kind ||
      s.fields?.length ||
      s.topics?.length ||
      s.country ||
      s.province ||
      s.regency ||
      s.ordinal !== undefined ||
      s.education,
  );
}

/** The saved data of an answer on screen (the entry, a related one, a search to offer, the desk). */
const AnswerState = z.looseObject({
  ref: z.string().optional().catch(undefined),
  related: z.string().optional().catch(undefined),
  search: z.string().optional().catch(undefined),
  asked: z.string().optional().catch(undefined),
  desk: z.string().optional().catch(undefined),
});
type AnswerData = z.infer<typeof AnswerState>;

export function createQuestionsFlow(settings: QuestionsSettings): QuestionsFlow {
  /** The organisations whose entries apply, and the desk that collects what is unanswered. */
  async function context(ctx: FlowContext, inView?: string): Promise<{ slugs: string[]; desk: string }> {
    const slug = inView ?? (typeof ctx.state.data.slug === 'string' ? ctx.state.data.slug : undefined);
    const programme = slug ? await getProgramme(ctx.tx, slug) : null;
    const owner = programme?.programme.application?.organisation;
    const desk = owner ?? settings.defaultOrganisation;
    const slugs = [...new Set([desk, settings.defaultOrganisation])];
    return { slugs, desk };
  }

  function home(ctx: FlowContext): void {
    ctx.home();
  }

  /** A feeling answered on its own, with the way to a person and back to the menu. */
  async function acknowledge(ctx: FlowContext, tone: Tone): Promise<void> {
    home(ctx);
    const text = `${tone === 'greeting' ? salam(ctx) : ''}${ctx.t(`knowledge:tone.${tone}`)}`;
    if (HEAVY_TONES.has(tone)) {
      // A person first: these are the moments a patient staff member would step in.
      const [menu, human] = ctx.navChoices();
      ctx.ask(text, [human!, menu!], { nav: false });
      return;
    }
    await showMenu(ctx, text);
  }

  function answerParts(ctx: FlowContext, entry: Entry): string[] {
    const { question, answer: body } = localized(entry, ctx.locale);
    const label = sourceLabel(entry, ctx.locale);
    const source = entry.source.url ? `${label} — ${entry.source.url}` : label;
    return [
      ctx.t('knowledge:answer.about', { question }),
      '',
      body,
      '',
      ctx.t('knowledge:answer.source', { source }),
      ctx.t('knowledge:answer.checked', { date: formatDateId(entry.checked_on, ctx.locale) }),
    ];
  }

  async function answer(ctx: FlowContext, entry: Entry, asked: string, related?: Entry): Promise<void> {
    const parts = answerParts(ctx, entry);
    const choices: Choice[] = [];
    if (related) {
      parts.push(
        '',
        ctx.t('knowledge:answer.related', { question: localized(related, ctx.locale).question }),
      );
      choices.push({ id: `kb:${related.ref}`, label: ctx.t('knowledge:answer.relatedButton') });
    }
    if (entry.search) choices.push({ id: 'kb-search', label: ctx.t('knowledge:answer.searchButton') });
    choices.push({ id: 'kb-miss', label: ctx.t('knowledge:answer.notHelpfulButton') });
    const previous = ctx.state.data;
    const data: AnswerData = {
      ref: entry.ref,
      ...(related ? { related: related.ref } : {}),
      ...(entry.search ? { search: entry.search } : {}),
      asked: maskPersonal(asked).slice(0, 500),
      // The programme in view stays in context: its organisation's entries and desk still apply.
      ...(typeof previous.slug === 'string' ? { slug: previous.slug } : {}),
    };
    ctx.state = { flow: QUESTIONS_FLOW, step: 'answer', data };
    ctx.ask(parts.join('\n'), choices);
  }

  async function unanswered(ctx: FlowContext, text: string, key: 'reply' | 'notHelpful'): Promise<void> {
    const { desk } = await context(ctx);
    await recordUnanswered(ctx.tx, { organisation: desk, text, locale: ctx.locale });
    const slug = ctx.state.data.slug;
    ctx.home(typeof slug === 'string' ? { slug } : {});
    const [menu, human] = ctx.navChoices();
    ctx.ask(ctx.t(`knowledge:unanswered.${key}`), [human!, menu!], { nav: false });
  }

  const flow: QuestionsFlow = {
    id: QUESTIONS_FLOW,
    state: AnswerState,
    async start(ctx, params) {
      const ref = typeof params?.ref === 'string' ? params.ref : undefined;
      const { slugs } = await context(ctx);
      const entry = ref ? await entryByRef(ctx.tx, ref, slugs) : undefined;
      if (!entry) return ctx.go('menu');
      return answer(ctx, entry, typeof params?.asked === 'string' ? params.asked : '');
    },
    async handle(ctx, input) {
      const d = ctx.state.data as AnswerData;
      if (input.kind === 'choice') {
        if (input.id.startsWith('kb:')) {
          const { slugs } = await context(ctx);
          const entry = await entryByRef(ctx.tx, input.id.slice(3), slugs);
          if (entry) return answer(ctx, entry, d.asked ?? '');
        }
        if (input.id === 'kb-search' && d.search) {
          return ctx.go('discover', { query: queryFromUnderstanding(understand(d.search)) });
        }
        if (input.id === 'kb-miss' && d.asked) return unanswered(ctx, d.asked, 'notHelpful');
        return ctx.go('menu');
      }
      if (input.kind === 'text') {
        // "di jogja" after the answer about disability: its related search ("pelatihan ramah
        // disabilitas"), narrowed by what was just said, is what the person means.
        const narrowed = d.search ? narrowRelated(d.search, input.text) : undefined;
        if (narrowed) return ctx.go('discover', { query: narrowed });
        return routeFreeText(ctx, input.text);
      }
      return ctx.go('menu');
    },
    async answerInPassing(ctx, text, slug) {
      const u = understand(text);
      const gate = knowledgeGate(u, text);
      if (!gate.ask) return undefined;
      const { slugs } = await context(ctx, slug);
      const found = await findAnswer(ctx.tx, text, slugs, gate.options);
      return found ? answerParts(ctx, found.entry).join('\n') : undefined;
    },
    async collect(ctx, text, slug) {
      const { desk } = await context(ctx, slug);
      await recordUnanswered(ctx.tx, { organisation: desk, text, locale: ctx.locale });
    },
    async respond(ctx, text, understood) {
      const u = understood ?? understand(text);
      const tone = readTone(text);
      if (tone?.tone === 'crisis') {
        await acknowledge(ctx, 'crisis');
        return true;
      }
      const gate = knowledgeGate(u, text);
      // "wah mantap, aku lolos seleksi kak!! 🥳" is news to celebrate, not a question about being rejected.
      const celebrating = tone && LIGHT.has(tone.tone) && !looksLikeQuestion(text, u);
      if (gate.ask && !celebrating) {
        const { slugs } = await context(ctx);
        const found = await findAnswer(ctx.tx, text, slugs, gate.options);
        if (found) {
          if (tone && HEAVY_TONES.has(tone.tone)) ctx.say(ctx.t(`knowledge:tone.prefix.${tone.tone}`));
          await answer(ctx, found.entry, text, found.related);
          return true;
        }
      }
      if (tone && (tone.only || !REQUESTS.has(u.intent) || (HEAVY_TONES.has(tone.tone) && !concrete(u)))) {
        await acknowledge(ctx, tone.tone);
        return true;
      }
      if (tone && HEAVY_TONES.has(tone.tone)) {
        // "bot bego, pelatihan las di sby dong": sorry in one line, then the request without the insult.
        ctx.say(ctx.t(`knowledge:tone.prefix.${tone.tone}`));
        if (tone.rest && tone.rest !== u.normalized) {
          await routeFreeText(ctx, tone.rest);
          return true;
        }
      }
      // Only what nothing else in the bot takes: "help" explains the bot, "eligibility" checks, searches search.
      const asking = u.intent === 'unknown' || isWorldQuestion(text, u);
      if (asking && looksLikeQuestion(text, u)) {
        await unanswered(ctx, text, 'reply');
        return true;
      }
      return false;
    },
  };
  return flow;
}
