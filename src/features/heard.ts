/**
 * What the person said about themselves in this conversation (issue #14, "what was said is kept"): read
 * from every message that states it, used at once for the answer at hand, remembered in the
 * conversation state (the engine carries it across flows for a day) so that nothing is asked twice, and
 * saved to the profile only with consent.
 */

import { personOf } from '../catalogue/query';
import type { PersonFacts } from '../catalogue/search';
import type { FlowContext } from '../engine/context';
import type { Understanding } from '../nlu';
import type { HeardFacts } from './profile/facts';

export function heardFacts(ctx: FlowContext): HeardFacts {
  if (ctx.forgetHeard) return {};
  return (ctx.state.heard?.facts ?? {}) as HeardFacts;
}

/** Remembers what this message says about the person (said later wins); returns everything heard. */
export function hear(ctx: FlowContext, u: Understanding, person?: PersonFacts): HeardFacts {
  const said: HeardFacts = { ...(person ?? personOf(u) ?? {}) };
  // "umur aku 17 masih sekolah kelas 12 di garut": a place in a message about oneself that asks for no
  // programme (no trade, kind or country) is where they are.
  const s = u.slots;
  if (
    !person &&
    !said.domicile &&
    Object.keys(said).length &&
    s.province &&
    !s.places &&
    !s.fields?.length &&
    !s.kind &&
    !s.country
  )
    said.domicile = { province: s.province, ...(s.regency ? { regency: s.regency } : {}) };
  if (said.age !== undefined) said.last = 'age';
  const major = u.slots.facts?.major;
  if (major) said.major = major;
  // A birth year said is an age too; the age wins when both were said.
  if (said.birthYear !== undefined && said.age === undefined) delete said.birthYear;
  if (Object.keys(said).length === 0) return heardFacts(ctx);
  const facts = { ...heardFacts(ctx), ...said };
  ctx.state = { ...ctx.state, heard: { facts, at: ctx.now().toISOString() } };
  return facts;
}

/** "tinggiku 170": kept for the programmes' height questions (said later wins). */
export function hearHeight(ctx: FlowContext, height: number): HeardFacts {
  const facts = { ...heardFacts(ctx), height, last: 'height' as const };
  ctx.state = { ...ctx.state, heard: { ...ctx.state.heard, facts, at: ctx.now().toISOString() } };
  return facts;
}

/** The application being started (its questions come before its draft): "lanjut daftar yg tadi" finds it. */
export function rememberApplying(ctx: FlowContext, slug: string): void {
  if (ctx.forgetHeard) return;
  const heard = ctx.state.heard ?? { facts: {}, at: ctx.now().toISOString() };
  ctx.state = { ...ctx.state, heard: { ...heard, applying: slug } };
}

export function applyingTo(ctx: FlowContext): string | undefined {
  return ctx.forgetHeard ? undefined : (ctx.state.heard?.applying ?? undefined);
}

/** Consent refused: nothing said is kept, not even in the conversation. */
export function forgetHeard(ctx: FlowContext): void {
  ctx.forgetHeard = true;
  ctx.state = { ...ctx.state, heard: null };
}

/** The person as far as heard, for a search (what this message says wins over what was heard). */
export function withHeard(ctx: FlowContext, person: PersonFacts | undefined): PersonFacts | undefined {
  const { major: _m, height: _h, last: _l, ...heard } = heardFacts(ctx);
  const merged = { ...heard, ...person };
  return Object.keys(merged).length ? merged : undefined;
}
