/**
 * Listening while a list is on screen (issue #14): a question about the programmes listed ("syaratnya
 * apa", "umur 30 bisa?", "ada asrama?") is answered from their records, and what the person says about
 * themselves ("aku cowok sih", "eh bukan, umurku 24", "maksudnya 170 cm") is used at once on the same
 * search, said back in one line. Nothing is stored.
 */

import { personOf } from '../../catalogue/query';
import type { PersonFacts, ProgrammeQuery } from '../../catalogue/search';
import type { FlowContext } from '../../engine/context';
import { type CardQuestion, readCorrection, statedHeight, type Understanding, understand } from '../../nlu';
import { regionLabel } from '../../regions';
import { cardAnswer, notSaidForSome } from './card-answers';

/** How many listed programmes a question is answered for: more would bury the answer. */
const ANSWER_LIMIT = 3;

/** The answer for each of the first listed programmes, one block each. */
export async function answerAboutListed(
  ctx: FlowContext,
  slugs: readonly string[],
  q: CardQuestion,
  /** Programmes the person's facts rule out: named by what and where they are, not by title. */
  ruledOut: ReadonlyMap<string, string> = new Map(),
  /** The list number of the first slug, when the answers sit above buttons with those numbers. */
  firstNumber?: number,
): Promise<string | undefined> {
  const blocks: string[] = [];
  let unknown = false;
  for (const [i, slug] of slugs.slice(0, ANSWER_LIMIT).entries()) {
    const number = firstNumber === undefined ? undefined : firstNumber + i;
    const answer = await cardAnswer(ctx, slug, q, ruledOut.get(slug), number);
    if (!answer) continue;
    blocks.push(answer.text);
    unknown ||= answer.unknown;
  }
  // "Not stated, ask a person" once, under all the answers.
  if (unknown && blocks.length) blocks.push(notSaidForSome(ctx));
  return blocks.length ? blocks.join('\n\n') : undefined;
}

/** The facts in words, for "Oke, aku pakai yang kamu bilang: perempuan, umur 24". */
export function describeFacts(ctx: FlowContext, person: PersonFacts, height?: number): string {
  const parts: string[] = [];
  if (person.gender) parts.push(ctx.t(`profile:value.gender.${person.gender}`).toLowerCase());
  if (person.age !== undefined) parts.push(ctx.t('profile:value.approximateAge', { age: person.age }));
  if (person.education) parts.push(ctx.t(`profile:value.education.${person.education}`));
  if (person.domicile) {
    const place = regionLabel(person.domicile.regency ?? person.domicile.province);
    // "sa di sorong": Kota and Kabupaten Sorong both; the name said ("Sorong, Papua Barat Daya").
    const names = new Set(
      (person.domicile.regencies ?? []).map((r) => regionLabel(r)?.replace(/^(Kota|Kabupaten|Kab\.)\s+/, '')),
    );
    const [name] = names;
    if (!person.domicile.regency && names.size === 1 && name) parts.push(name);
    else if (place) parts.push(place);
  }
  if (height !== undefined) parts.push(ctx.t('discovery:heightSaid', { height }));
  // "aku punya tato", "gk bisa renang": said of oneself as much as an age is, so named back the same way.
  const said = (trait: string, holds: boolean) =>
    ctx.t(`discovery:traitSaid.${trait}.${holds ? 'yes' : 'no'}`, { defaultValue: '' });
  if (person.tattoo !== undefined) parts.push(said('tattoo', person.tattoo));
  for (const [trait, holds] of Object.entries(person.traits ?? {})) parts.push(said(trait, holds));
  return parts.filter(Boolean).join(', ');
}

export interface Stated {
  person?: PersonFacts;
  height?: number;
}

/**
 * What a message says about the person and nothing else (a fact, or a correction of one): undefined
 * when it asks for something more (a new subject or place is a new search).
 */
export function statedOnly(text: string, u: Understanding = understand(text)): Stated | undefined {
  const correction = readCorrection(text);
  const said = correction ? understand(correction.said || text) : u;
  // "wait, I'm actually 26, not 23": the age named, the number bare.
  const age =
    correction?.field === 'birthDate' && /^\d{1,2}$/.test(correction.value) ? Number(correction.value) : 0;
  const person = personOf(said) ?? personOf(u) ?? (age >= 10 && age <= 80 ? { age } : undefined);
  const height =
    correction?.field === 'height' || correction?.field === undefined
      ? (statedHeight(correction ? `tinggi ${correction.value}` : text) ?? undefined)
      : undefined;
  // "salah, maksudnya 157" on a list: a bare number a person could be tall.
  const bare =
    correction !== undefined && !correction.field && /^\d{3}$/.test(correction.value) && (height ?? 0) >= 100;
  const heightOk =
    height !== undefined &&
    (correction?.field === 'height' || bare || /tinggi|tb\b|cm\b|height|tall\b/.test(text.toLowerCase()));
  if (!person && !heightOk) return undefined;
  // A subject, kind or place beyond the person's own: that is a new search, not a fact.
  const s = said.slots;
  if (s.fields?.length || s.kind || s.country || s.topics?.length) return undefined;
  if ((s.province || s.regency) && !s.placeIsHome) return undefined;
  return { ...(person ? { person } : {}), ...(heightOk ? { height } : {}) };
}

/** The search with what was said merged into it (said later wins). */
export function withStated(query: ProgrammeQuery, stated: Stated): ProgrammeQuery {
  if (!stated.person) return query;
  const moved = stated.person.domicile;
  const before = query.person?.domicile;
  // "sa di merauke", then "eh salah, sa di sorong": the search was where they live, so it moves too.
  if (moved && before && query.province === before.province) {
    const { province: _p, regency: _r, places: _pl, ...rest } = query;
    const regencies = moved.regencies ?? [];
    return {
      ...rest,
      province: moved.province,
      ...(moved.regency ? { regency: moved.regency } : {}),
      ...(regencies.length ? { places: regencies } : {}),
      person: { ...query.person, ...stated.person },
    };
  }
  return { ...query, person: { ...query.person, ...stated.person } };
}
