import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordInterest } from '../../applications/interest';
import { seatsLeft } from '../../applications/seats';
import { loadFormSnapshot } from '../../applications/store';
import {
  describeQuery,
  isRefinementOnly,
  queryFromUnderstanding,
  type Widening,
  widenings,
  withoutPerson,
} from '../../catalogue/query';
import { explainEmpty, getProgramme, type ProgrammeQuery, searchProgrammes } from '../../catalogue/search';
import { hasConsent, recordConsent } from '../../consent/service';
import { rowsOf } from '../../db/rows';
import type { FlowContext } from '../../engine/context';
import { type Flow, type FlowInput, savedObject } from '../../engine/flow';
import { startLink } from '../../engine/presentation';
import {
  type CardAttribute,
  type CardQuestion,
  cardQuestion,
  REQUIREMENT_ATTRIBUTES,
  readCorrection,
  requirementQuestion,
  understand,
} from '../../nlu';
import { loadProfile, saveProfile } from '../../profile/store';
import type { Choice } from '../../shared/conversation';
import { type Field, PROGRAMME_KINDS } from '../../shared/vocabulary';
import { hear, heardFacts } from '../heard';
import { nonTextKey, openFeature, showMenu } from '../menu/flow';
import { profileFromFacts } from '../profile/facts';
import { nearHomeProfile, routeFreeText } from '../text-router';
import { alternativesFor } from './alternatives';
import { brochureMessage } from './brochure';
import { answerCardQuestion } from './card-answers';
import { listLine, renderCard, ruledOutName, titleOf } from './format';
import { answerAboutListed, describeFacts, statedOnly, withStated } from './listen';
import { addAlert, isSaved, latestIdentity, saveProgramme, unsaveProgramme } from './saved';

const PAGE_SIZE = 5;

/** The saved data: the search, its page and the slugs listed on it, the card open. */
const DiscoverState = z.looseObject({
  query: savedObject<ProgrammeQuery>(),
  page: z.number().int().min(1).optional().catch(undefined),
  /** Slugs listed on the current page, in order. */
  items: z.array(z.string()).optional().catch(undefined),
  slug: z.string().optional().catch(undefined),
});
type DiscoverData = z.infer<typeof DiscoverState>;

function data(ctx: FlowContext): DiscoverData {
  return ctx.state.data as DiscoverData;
}

/**
 * Finding programmes: results 5 at a time, refined by buttons or by typing, empty results explained
 * (which filter emptied it, what dropping it would find), the programme card and its actions.
 */
export interface DiscoverParams {
  query?: ProgrammeQuery;
  slug?: string;
  subscribe?: boolean;
  action?: 'apply';
  /** Answer these about the programme instead of showing its card (a question asked elsewhere). */
  ask?: CardAttribute[];
  /** A question about the programmes searched for: answered for the first ones, above the list. */
  requirements?: CardQuestion;
  /** "mau daftar …": when exactly one programme fits, applying starts at once. */
  applyIfOne?: boolean;
}

export const discoverFlow: Flow<'discover'> = {
  id: 'discover',
  state: DiscoverState,
  async start(ctx, params) {
    const p = params ?? {};
    if (p.query && p.applyIfOne) {
      const found = await searchProgrammes(ctx.tx, p.query, { page: 1, pageSize: 2 });
      const only = found.total === 1 ? found.items[0] : undefined;
      if (only?.state === 'open') {
        // Which programme the application is for, said before anything is asked.
        ctx.say(ctx.t('discovery:applyingToOnly', { line: listLine(ctx, 1, only) }));
        return apply(ctx, only.slug);
      }
    }
    if (p.slug && p.action === 'apply') return apply(ctx, p.slug);
    if (p.slug && p.ask?.length && (await answerCardQuestion(ctx, p.slug, { attributes: p.ask }))) return;
    if (p.slug) return showCard(ctx, p.slug);
    if (p.query && p.requirements) return answerThenList(ctx, p.query, p.requirements);
    if (p.subscribe && p.query) return subscribe(ctx, p.query);
    if (!p.query || Object.keys(p.query).length === 0) return askWhat(ctx);
    return showResults(ctx, p.query, 1);
  },
  async handle(ctx, input) {
    if (input.kind === 'choice') return onChoice(ctx, input.id);
    if (input.kind === 'text') return onText(ctx, input.text);
    return routeNonText(ctx, input);
  },
};

async function routeNonText(ctx: FlowContext, input: FlowInput): Promise<void> {
  ctx.say(ctx.t(input.kind === 'media' ? nonTextKey(input.mediaKind) : 'fallback.nonText'));
  const d = data(ctx);
  if (d.slug && ctx.state.step === 'card') return showCard(ctx, d.slug);
  if (d.query) return showResults(ctx, d.query, d.page ?? 1);
  return askWhat(ctx);
}

async function askWhat(ctx: FlowContext): Promise<void> {
  ctx.state = { ...ctx.state, step: 'ask', data: {} };
  ctx.ask(ctx.t('discovery:ask'), [
    ...PROGRAMME_KINDS.map((kind) => ({ id: `kind:${kind}`, label: ctx.t(`discovery:kindButton.${kind}`) })),
    { id: 'all', label: ctx.t('discovery:allProgrammes') },
  ]);
}

export async function showResults(
  ctx: FlowContext,
  asked: ProgrammeQuery,
  page: number,
  widened?: { from: ProgrammeQuery; why: Widening },
): Promise<void> {
  const query = asked;
  const result = await searchProgrammes(ctx.tx, query, { page, pageSize: PAGE_SIZE });
  // Nothing in the very place asked for (online programmes match every place): what is closest first.
  const nothingThere =
    result.total === 0 || (result.items.every((i) => i.mode === 'daring') && hasRegency(query));
  if (nothingThere && page === 1 && !widened) {
    // Nothing exactly there: what is closest, said as such.
    for (const next of widenings(query)) {
      const found = await searchProgrammes(ctx.tx, next.query, { page, pageSize: PAGE_SIZE });
      const located = found.items.some((i) => i.mode !== 'daring');
      if (found.total > 0 && (result.total === 0 || located))
        return showResults(ctx, next.query, page, { from: query, why: next.why });
    }
  }
  if (result.total === 0) return showEmpty(ctx, query);
  const current = Math.min(Math.max(1, page), result.pages);
  const items =
    current === result.page
      ? result.items
      : (await searchProgrammes(ctx.tx, query, { page: current, pageSize: PAGE_SIZE })).items;
  const offset = (current - 1) * PAGE_SIZE;
  const header = ctx.t('discovery:results', {
    count: result.total,
    query: describeQuery(ctx, query),
    page: current,
    pages: result.pages,
  });
  const lines = items.map((item, i) => listLine(ctx, offset + i + 1, item));
  const choices: Choice[] = items.map((item, i) => ({
    id: `open:${item.slug}`,
    label: String(offset + i + 1),
    listed: true,
  }));
  if (current < result.pages) choices.push({ id: 'page:next', label: ctx.t('discovery:next') });
  if (current > 1) choices.push({ id: 'page:prev', label: ctx.t('discovery:prev') });
  // The best-matching ones are listed; the others the filters allow are one tap away.
  if (result.others > 0 && !query.everything)
    choices.push({
      id: 'everything',
      label: ctx.t('discovery:showEverything', { count: result.total + result.others }),
    });
  choices.push({ id: 'refine', label: ctx.t('discovery:refine') });
  const notes: string[] = [];
  if (result.others > 0 && !query.everything)
    notes.push(ctx.t('discovery:bestMatches', { count: result.others }));
  // What the person said about themselves hid some: say so, and why, in one line.
  if (result.hidden)
    notes.push(
      ctx.t('discovery:hiddenForYou', {
        count: result.hidden.count,
        why: result.hidden.reasons.map((r) => ctx.t(`discovery:hiddenReason.${r}`)).join(', '),
      }),
    );
  // Hidden stays hidden while other programmes answer the search: the programmes themselves, each with
  // the rule it fails, are named only when nothing else is left (the empty search, showEmpty).
  ctx.state = {
    ...ctx.state,
    flow: 'discover',
    step: 'results',
    data: { query, page: current, items: items.map((i) => i.slug) },
  };
  // What they said about themselves, offered once to be kept (that is the consent, said in two lines).
  const offer = await keepOffer(ctx, query);
  if (offer) {
    notes.push(offer.text);
    choices.push(...offer.choices);
  }
  const footer = [...notes, ctx.t('discovery:pickHint')].join('\n');
  // Said first when nothing was exactly there: what is listed is the closest.
  const lead = widened
    ? `${ctx.t(`discovery:widened.${widened.why}`, { query: describeQuery(ctx, widened.from) })}\n${header}`
    : header;
  ctx.ask(`${lead}\n\n${lines.join('\n')}\n\n${footer}`, choices);
}

function hasRegency(query: ProgrammeQuery): boolean {
  return Boolean(query.regency || query.places?.some((c) => c.includes('.')));
}

async function showEmpty(ctx: FlowContext, query: ProgrammeQuery): Promise<void> {
  const explanation = await explainEmpty(ctx.tx, query);
  const choices: Choice[] = [];
  const sentences: string[] = [];
  for (const [i, relaxation] of explanation.relaxations.slice(0, 3).entries()) {
    sentences.push(
      ctx.t(`catalogue:search.relax.${relaxation.filter}`, relaxSentenceVars(ctx, relaxation.count, query)),
    );
    choices.push({
      id: `relax:${i}`,
      label: ctx
        .t('discovery:showRelaxed', { count: relaxation.count, query: describeQuery(ctx, relaxation.query) })
        .slice(0, 60),
    });
  }
  // Ruled out by what the person said of themselves: why, and what fits near them instead.
  const instead = await alternativesFor(ctx, query);
  choices.unshift(...instead.choices);
  choices.push({ id: 'alert', label: ctx.t('discovery:alertButton') });
  choices.push({ id: 'new', label: ctx.t('discovery:newSearch') });
  ctx.state = {
    ...ctx.state,
    flow: 'discover',
    step: 'empty',
    data: { query, relaxed: explanation.relaxations.slice(0, 3).map((r) => r.query) },
  };
  const why = sentences.length ? sentences.join('\n') : ctx.t('discovery:emptyNothing');
  const more = instead.lines.length ? `\n\n${instead.lines.join('\n')}` : '';
  ctx.ask(`${ctx.t('discovery:empty', { query: describeQuery(ctx, query) })}\n${why}${more}`, choices);
}

function relaxSentenceVars(ctx: FlowContext, count: number, query: ProgrammeQuery): Record<string, unknown> {
  const regency = query.regency ? describeQuery(ctx, { regency: query.regency }) : '';
  const provinceCode = query.province ?? query.regency?.split('.')[0];
  const province = provinceCode ? describeQuery(ctx, { province: provinceCode }) : '';
  const what = (query.benefits ?? []).map((b) => ctx.t(`catalogue:benefit.${b}`)).join(', ');
  return { count, regency, province, text: query.text ?? '', what };
}

export async function showCard(ctx: FlowContext, slug: string, full = false): Promise<void> {
  const detail = await getProgramme(ctx.tx, slug);
  if (!detail) {
    ctx.say(ctx.t('discovery:notFound'));
    return askWhat(ctx);
  }
  const p = detail.programme;
  // Seats still free once applications have been taken ("Sisa: 3 kursi umum, 1 kursi perempuan").
  // Both reads go out together (one round trip, issue #15).
  const [left, saved] = await Promise.all([
    p.seats?.total ? seatsLeft(ctx.tx, detail.id) : undefined,
    isSaved(ctx.tx, ctx.user.id, detail.id),
  ]);
  const card = renderCard(ctx, p, detail, left, full);
  const previous = data(ctx);
  const choices: Choice[] = [
    { id: `check:${slug}`, label: ctx.t('discovery:card.check') },
    { id: `apply:${slug}`, label: ctx.t('discovery:card.apply') },
    {
      id: `${saved ? 'unsave' : 'save'}:${slug}`,
      label: ctx.t(saved ? 'discovery:card.unsave' : 'discovery:card.save'),
    },
    { id: `share:${slug}`, label: ctx.t('discovery:card.share') },
  ];
  if (card.truncated) choices.push({ id: `more:${slug}`, label: ctx.t('discovery:card.more') });
  if (p.brochure) choices.push({ id: `brochure:${slug}`, label: ctx.t('discovery:card.brochure') });
  if (previous.query) choices.push({ id: 'back', label: ctx.t('discovery:card.back') });
  ctx.state = { ...ctx.state, flow: 'discover', step: 'card', data: { ...previous, slug } };
  ctx.ask(card.text, choices);
}

/** The programme's brochure as a file, then the card's choices again under a short line. */
async function sendBrochure(ctx: FlowContext, slug: string): Promise<void> {
  const detail = await getProgramme(ctx.tx, slug);
  const message = detail ? brochureMessage(ctx, detail.programme) : undefined;
  if (!message) return showCard(ctx, slug);
  ctx.send(message);
  return showCard(ctx, slug);
}

async function onChoice(ctx: FlowContext, id: string): Promise<void> {
  const d = data(ctx);
  const [action, arg = ''] = splitId(id);
  switch (action) {
    case 'keep':
      return onKeep(ctx, arg);
    case 'kind':
      return showResults(ctx, { kinds: [arg as (typeof PROGRAMME_KINDS)[number]] }, 1);
    case 'all':
      return showResults(ctx, {}, 1);
    case 'everything':
      return showResults(ctx, { ...d.query, everything: true }, 1);
    case 'open':
      return showCard(ctx, arg);
    case 'more':
      return showCard(ctx, arg, true);
    case 'brochure':
      return sendBrochure(ctx, arg);
    case 'page':
      return showResults(ctx, d.query ?? {}, (d.page ?? 1) + (arg === 'next' ? 1 : -1));
    case 'back':
      return d.query ? showResults(ctx, d.query, d.page ?? 1) : askWhat(ctx);
    case 'new':
      return askWhat(ctx);
    case 'relax': {
      const relaxed = (ctx.state.data.relaxed as ProgrammeQuery[] | undefined)?.[Number(arg)];
      return relaxed ? showResults(ctx, relaxed, 1) : askWhat(ctx);
    }
    case 'alert':
      return subscribe(ctx, d.query ?? {});
    case 'refine':
      return askRefine(ctx);
    case 'refineKind':
      ctx.state = { ...ctx.state, step: 'refineKind' };
      return ctx.ask(ctx.t('discovery:refineKindAsk'), [
        ...PROGRAMME_KINDS.map((kind) => ({
          id: `setKind:${kind}`,
          label: ctx.t(`discovery:kindButton.${kind}`),
        })),
        { id: 'setKind:', label: ctx.t('discovery:anyKind') },
      ]);
    case 'refineField': {
      const fields = await commonFields(ctx, d.query ?? {});
      ctx.state = { ...ctx.state, step: 'refineField' };
      return ctx.ask(ctx.t('discovery:refineFieldAsk'), [
        ...fields.map((f) => ({
          id: `setField:${f.field}`,
          label: `${ctx.t(`catalogue:field.${f.field}`)} (${f.count})`,
        })),
        { id: 'setField:', label: ctx.t('discovery:anyField') },
      ]);
    }
    case 'setField': {
      const { fields: _f, ...rest } = d.query ?? {};
      return showResults(ctx, arg ? { ...rest, fields: [arg as Field] } : rest, 1);
    }
    case 'setKind': {
      const { kinds: _k, ...rest } = d.query ?? {};
      return showResults(ctx, arg ? { ...rest, kinds: [arg as (typeof PROGRAMME_KINDS)[number]] } : rest, 1);
    }
    case 'refinePlace':
      ctx.state = { ...ctx.state, step: 'refinePlace' };
      return ctx.ask(ctx.t('discovery:refinePlaceAsk'), [
        { id: 'nearHome', label: ctx.t('discovery:nearHome') },
        { id: 'anyPlace', label: ctx.t('discovery:anyPlace') },
      ]);
    case 'nearHome': {
      const profile = await loadProfile(ctx.tx, ctx.user.id);
      const { regency: _r, province: _p, ...rest } = d.query ?? {};
      if (!profile.domicileProvince) {
        ctx.say(ctx.t('discovery:noDomicile'));
        return ctx.go('profile', {
          fields: ['domicile'],
          returnTo: { flow: 'discover', params: { query: rest } },
        });
      }
      return showResults(
        ctx,
        {
          ...rest,
          ...(profile.domicileRegency
            ? { regency: profile.domicileRegency }
            : { province: profile.domicileProvince }),
        },
        1,
      );
    }
    case 'anyPlace': {
      const { regency: _r, province: _p, ...rest } = d.query ?? {};
      return showResults(ctx, rest, 1);
    }
    case 'toggle': {
      const key = arg as 'free' | 'stipend' | 'womenOnly' | 'disabilityFriendly' | 'online';
      const query = { ...d.query };
      if (query[key]) delete query[key];
      else query[key] = true;
      return showResults(ctx, query, 1);
    }
    case 'clear':
      return showResults(ctx, {}, 1);
    case 'check':
      return openFeature(ctx, 'eligibility', { slug: arg });
    case 'apply':
      return apply(ctx, arg);
    case 'save':
    case 'unsave':
      return toggleSaved(ctx, arg, action === 'save');
    case 'share':
      return share(ctx, arg);
    default:
      return askWhat(ctx);
  }
}

/** The fields with open programmes for this search (ignoring its own field filter), most first. */
async function commonFields(
  ctx: FlowContext,
  query: ProgrammeQuery,
): Promise<Array<{ field: Field; count: number }>> {
  const kinds = query.kinds?.length
    ? sql`and kind in (${sql.join(
        query.kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
  const result = await ctx.tx.execute(sql`
    select field, count(*)::int as count from programmes
    where status = 'open' and (registration_closes is null or registration_closes >= current_date) ${kinds}
    group by field order by count(*) desc, field limit 8`);
  return rowsOf<{ field: Field; count: number }>(result);
}

function splitId(id: string): [string, string] {
  const i = id.indexOf(':');
  return i < 0 ? [id, ''] : [id.slice(0, i), id.slice(i + 1)];
}

async function askRefine(ctx: FlowContext): Promise<void> {
  const q = data(ctx).query ?? {};
  const mark = (on: boolean | undefined) => (on ? '✅ ' : '');
  ctx.state = { ...ctx.state, step: 'refine' };
  ctx.ask(ctx.t('discovery:refineAsk', { query: describeQuery(ctx, q) }), [
    { id: 'refineKind', label: ctx.t('discovery:refineKind') },
    { id: 'refinePlace', label: ctx.t('discovery:refinePlace') },
    { id: 'refineField', label: ctx.t('discovery:refineField') },
    { id: 'toggle:free', label: `${mark(q.free)}${ctx.t('discovery:filter.free')}` },
    { id: 'toggle:stipend', label: `${mark(q.stipend)}${ctx.t('discovery:filter.stipend')}` },
    { id: 'toggle:womenOnly', label: `${mark(Boolean(q.womenOnly))}${ctx.t('discovery:filter.womenOnly')}` },
    {
      id: 'toggle:disabilityFriendly',
      label: `${mark(q.disabilityFriendly)}${ctx.t('discovery:filter.disabilityFriendly')}`,
    },
    { id: 'toggle:online', label: `${mark(q.online)}${ctx.t('discovery:filter.online')}` },
    { id: 'clear', label: ctx.t('discovery:clearFilters') },
  ]);
}

/** The results of a search, with the answer to the question asked about them said first. */
async function answerThenList(ctx: FlowContext, query: ProgrammeQuery, q: CardQuestion): Promise<void> {
  const at = ctx.replies.length;
  await showResults(ctx, query, 1);
  // The programmes asked about, including those the person's own values rule out: the answer says why.
  const asked = await searchProgrammes(ctx.tx, withoutPerson(query), { page: 1, pageSize: PAGE_SIZE });
  const items = asked.items.map((i) => i.slug);
  if (!items.length) return;
  // Those the person's own facts hid from the list are answered too (that is the answer: why not), but
  // named by what and where they are: a title would read as one more programme to pick.
  const listed = new Set(data(ctx).items ?? []);
  const ruledOut = new Map(
    asked.items.filter((i) => query.person && !listed.has(i.slug)).map((i) => [i.slug, ruledOutName(ctx, i)]),
  );
  // Kept so that "eh bukan, umurku 24" answers the same question again with the new value.
  ctx.patchData({ asked: q, askedAbout: items });
  const answer = await answerAboutListed(ctx, items, q, ruledOut);
  if (answer)
    ctx.replies.splice(at, 0, {
      type: 'text',
      text: `${ctx.t(q.attributes.every((a) => REQUIREMENT_ATTRIBUTES.has(a)) ? 'discovery:requirementsOf' : 'discovery:factsOf')}\n\n${answer}`,
    });
}

/**
 * With a list on screen: what the person says about themselves narrows it at once ("aku cowok sih", "eh
 * bukan, umurku 24"), and a question about the listed programmes is answered from their records.
 */
async function listenOnResults(ctx: FlowContext, text: string): Promise<boolean> {
  const d = data(ctx);
  if (!d.query) return false;
  const u = understand(text);
  // "lulusan smp bisa ikut?" asks about the listed programmes (and is heard); "aku cowok sih" narrows them.
  const question = readCorrection(text) ? undefined : requirementQuestion(text);
  const stated = question ? undefined : statedOnly(text, u);
  if (stated) {
    if (stated.person) hear(ctx, u, stated.person);
    ctx.say(ctx.t('discovery:factsUsed', { facts: describeFacts(ctx, stated.person ?? {}, stated.height) }));
    const before = d.asked as CardQuestion | undefined;
    if (before) {
      // The question asked before, answered again with what is now said.
      const p = stated.person;
      const again: CardQuestion = {
        ...before,
        ...(p?.age !== undefined ? { age: p.age } : {}),
        ...(p?.gender ? { gender: p.gender } : {}),
        ...(p?.education ? { education: p.education } : {}),
        ...(stated.height !== undefined ? { height: stated.height } : {}),
      };
      for (const [value, attribute] of [
        [again.age, 'age'],
        [again.gender, 'women'],
        [again.education, 'education'],
        [again.height, 'height'],
      ] as const)
        if (value !== undefined && !again.attributes.includes(attribute))
          again.attributes = [...again.attributes, attribute];
      return answerThenList(ctx, withStated(d.query, stated), again).then(() => true);
    }
    if (stated.height !== undefined && d.items?.length) {
      const answer = await answerAboutListed(ctx, d.items, { attributes: ['height'], height: stated.height });
      if (answer) ctx.say(answer);
    }
    await showResults(ctx, withStated(d.query, stated), 1);
    return true;
  }
  // A new subject or place is a new search, even when it asks about requirements.
  const asked = withoutPerson(queryFromUnderstanding(u));
  const q = question ?? cardQuestion(text);
  // "ada asrama ga kak?" leaves "asrama" as a search word, but the question has taken it: it asks
  // about the programmes listed. A kind, field, country or place named is a new search.
  const onlyWords = Object.keys(asked).every((k) => k === 'text');
  if (Object.keys(asked).length && !isRefinementOnly(asked) && !(q && onlyWords)) return false;
  if (!q || !d.items?.length) return false;
  hear(ctx, u);
  const first = (d.page ? (d.page - 1) * PAGE_SIZE : 0) + 1;
  const answer = await answerAboutListed(ctx, d.items, q, new Map(), first);
  if (!answer) return false;
  ctx.ask(
    answer,
    d.items.map((slug, i) => ({ id: `open:${slug}`, label: String(first + i) })),
  );
  return true;
}

/**
 * Under results narrowed by what the person said ("aku umur 23 lulusan smk otomotif"), once and only
 * without consent: keep it, so matching can use it and nothing is asked twice.
 */
async function keepOffer(
  ctx: FlowContext,
  query: ProgrammeQuery,
): Promise<{ text: string; choices: Choice[] } | undefined> {
  const heard = ctx.state.heard;
  if (!query.person || !heard || heard.offered || ctx.forgetHeard) return undefined;
  const facts = heardFacts(ctx);
  const { major: _m, ...person } = facts;
  if (Object.keys(person).length === 0) return undefined;
  if (await hasConsent(ctx.tx, ctx.user.id, 'personal_data')) return undefined;
  ctx.state = { ...ctx.state, heard: { ...heard, offered: true } };
  return {
    text: ctx.t('discovery:keep.ask', { facts: describeFacts(ctx, person) }),
    choices: [
      { id: 'keep:yes', label: ctx.t('discovery:keep.yes') },
      { id: 'keep:no', label: ctx.t('discovery:keep.no') },
      { id: 'keep:more', label: ctx.t('profile:consent.more') },
    ],
  };
}

async function onKeep(ctx: FlowContext, answer: string): Promise<void> {
  const d = data(ctx);
  if (answer === 'more') {
    ctx.say(ctx.t('profile:consent.notice'));
    return d.query ? showResults(ctx, d.query, d.page ?? 1) : askWhat(ctx);
  }
  await recordConsent(ctx.tx, ctx.user.id, 'personal_data', answer === 'yes', ctx.inbound.channel);
  // The question asked with the list ("syaratnya apa aja?") is answered again after either answer.
  const asked = d.asked as CardQuestion | undefined;
  const again = () =>
    d.query && asked
      ? answerThenList(ctx, d.query, asked)
      : d.query
        ? showResults(ctx, d.query, d.page ?? 1)
        : undefined;
  if (answer !== 'yes') {
    ctx.say(ctx.t('discovery:keep.notKept'));
    return d.query ? again() : askWhat(ctx);
  }
  const stored = await loadProfile(ctx.tx, ctx.user.id);
  const heard = profileFromFacts(heardFacts(ctx));
  await saveProfile(ctx.tx, ctx.user.id, { ...heard, ...stored });
  ctx.say(ctx.t('discovery:keep.saved'));
  // The list they were reading, kept; matching with reasons is one tap away and asks only what is missing.
  return d.query ? again() : openFeature(ctx, 'match', {});
}

async function onText(ctx: FlowContext, text: string): Promise<void> {
  const d = data(ctx);
  // On a card, "ada asrama gak?" asks about this programme; elsewhere the same words are a search.
  if (ctx.state.step === 'card' && d.slug) {
    const question = cardQuestion(text) ?? requirementQuestion(text);
    if (question && (await answerCardQuestion(ctx, d.slug, question))) return;
  }
  if ((ctx.state.step === 'results' || ctx.state.step === 'empty') && (await listenOnResults(ctx, text)))
    return;
  const u = understand(text);
  hear(ctx, u);
  switch (u.intent) {
    case 'next':
      if (d.query) return showResults(ctx, d.query, (d.page ?? 1) + 1);
      break;
    case 'prev':
      if (d.query) return showResults(ctx, d.query, (d.page ?? 1) - 1);
      break;
    case 'back':
      if (ctx.state.step === 'card' && d.query) return showResults(ctx, d.query, d.page ?? 1);
      break;
    case 'eligibility':
      if (ctx.state.step === 'card' && d.slug) return openFeature(ctx, 'eligibility', { slug: d.slug });
      break;
    case 'apply':
      if (ctx.state.step === 'card' && d.slug && !u.slots.kind && !u.slots.fields) return apply(ctx, d.slug);
      break;
    case 'details': {
      const slug = u.slots.ordinal ? d.items?.[(u.slots.ordinal - 1) % PAGE_SIZE] : undefined;
      if (slug) return showCard(ctx, slug);
      break;
    }
    case 'search': {
      const profile = u.slots.constraints?.nearHome ? await nearHomeProfile(ctx) : undefined;
      const query = queryFromUnderstanding(u, profile);
      // "yang gratis", "di Jatim" narrow what is on screen; a new subject starts a new search.
      if (d.query && isRefinementOnly(query)) return showResults(ctx, { ...d.query, ...query }, 1);
      if (Object.keys(query).length) return showResults(ctx, query, 1);
      break;
    }
  }
  return routeFreeText(ctx, text, u);
}

async function apply(ctx: FlowContext, slug: string): Promise<void> {
  // The form's first read goes out with the programme's (one round trip less, issue #15); it is used
  // only when the form opens, and nothing is written in between.
  const [detail, snapshot] = await Promise.all([
    getProgramme(ctx.tx, slug),
    loadFormSnapshot(ctx.tx, ctx.user.id, { slug }),
  ]);
  if (!detail) return askWhat(ctx);
  const application = detail.programme.application;
  if (application?.mode === 'external' && application.url) {
    // Counted for the organisers: how many people the bot sent to their site.
    await recordInterest(ctx.tx, ctx.user.id, detail.id, ctx.inbound.channel);
    ctx.say(
      ctx.t('discovery:applyExternal', { title: titleOf(ctx, detail.programme.title), url: application.url }),
    );
    return showCard(ctx, slug);
  }
  return openFeature(ctx, 'apply', { slug, ...(snapshot ? { known: snapshot } : {}) });
}

async function toggleSaved(ctx: FlowContext, slug: string, save: boolean): Promise<void> {
  const detail = await getProgramme(ctx.tx, slug);
  if (!detail) return askWhat(ctx);
  const title = titleOf(ctx, detail.programme.title);
  if (save) {
    const identity = await latestIdentity(ctx.tx, ctx.user.id);
    await saveProgramme(ctx.tx, {
      userId: ctx.user.id,
      programmeId: detail.id,
      slug,
      closes: detail.programme.dates?.registration_closes,
      identityId: identity?.id,
      channel: identity?.channel ?? ctx.inbound.channel,
      now: ctx.now(),
      reminder: (days) => ({
        type: 'text',
        text: ctx.t('discovery:reminder', { count: days, title, link: startLink(`p_${slug}`) }),
      }),
    });
    ctx.say(
      ctx.t(detail.programme.dates?.registration_closes ? 'discovery:saved' : 'discovery:savedNoDate', {
        title,
      }),
    );
  } else {
    await unsaveProgramme(ctx.tx, ctx.user.id, detail.id, slug);
    ctx.say(ctx.t('discovery:unsaved', { title }));
  }
  return showCard(ctx, slug);
}

async function share(ctx: FlowContext, slug: string): Promise<void> {
  const detail = await getProgramme(ctx.tx, slug);
  if (!detail) return askWhat(ctx);
  ctx.say(ctx.t('discovery:shareIntro'));
  ctx.say(
    ctx.t('discovery:shareText', {
      title: titleOf(ctx, detail.programme.title),
      provider: detail.programme.provider.name,
      link: startLink(`p_${slug}`),
    }),
  );
  return showCard(ctx, slug);
}

async function subscribe(ctx: FlowContext, asked: ProgrammeQuery): Promise<void> {
  // What the person said about themselves is for this search only: an alert keeps the rest.
  const query = withoutPerson(asked);
  await addAlert(ctx.tx, ctx.user.id, query);
  ctx.say(ctx.t('discovery:alertSaved', { query: describeQuery(ctx, query) }));
  const found = await searchProgrammes(ctx.tx, query, { page: 1, pageSize: PAGE_SIZE });
  if (found.total > 0) return showResults(ctx, query, 1);
  ctx.home();
  return showMenu(ctx);
}
