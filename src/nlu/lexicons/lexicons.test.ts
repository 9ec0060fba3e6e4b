/**
 * Every entry of the lexicons, through the public understanding function: a word added to a data file
 * is a word the bot understands, or this fails and says which.
 */
import { describe, expect, it } from 'vitest';
import { normalize, understand } from '../index';
import benefits from './benefits.json';
import countries from './countries.json';
import dialect from './dialect.json';
import fields from './fields.json';
import jobs from './jobs.json';
import schedule from './schedule.json';
import traits from './traits.json';

type FieldEntry = { words: string[]; topics?: Record<string, string[]> };

/** Each failure as one line, so a whole file's problems show at once. */
function check(entries: Array<[string, () => boolean]>): string[] {
  return entries.filter(([, ok]) => !ok()).map(([what]) => what);
}

describe('lexicons', () => {
  it('fields.json: every word and topic word names its field', () => {
    const entries: Array<[string, () => boolean]> = [];
    for (const [field, entry] of Object.entries(fields as unknown as Record<string, FieldEntry>)) {
      if (field.startsWith('_')) continue;
      const words = [...entry.words, ...Object.values(entry.topics ?? {}).flat()];
      for (const word of words)
        entries.push([
          `${field}: "${word}"`,
          () => (understand(`pelatihan ${word}`).slots.fields ?? []).includes(field as never),
        ]);
    }
    expect(check(entries)).toEqual([]);
  });

  it('jobs.json: every way of naming the work names its field', () => {
    const verbs = jobs.verbs as Record<string, string[]>;
    const expand = (phrase: string): string[] => {
      const m = /\{(\w+)\}/.exec(phrase);
      return m ? verbs[m[1]!]!.flatMap((v) => expand(phrase.replace(m[0], v))) : [phrase];
    };
    const entries: Array<[string, () => boolean]> = [];
    for (const job of jobs.jobs as Array<{ field?: string | string[]; say: string[] }>) {
      const wanted = job.field === undefined ? [] : Array.isArray(job.field) ? job.field : [job.field];
      for (const phrase of job.say.flatMap(expand)) {
        // Work words that also ask for a person ("admin") count as work when the message is about work.
        const u = understand(`mau kerja ${phrase}`);
        entries.push([
          `${wanted.join('/') || '(no field)'}: "${phrase}" → ${JSON.stringify(u.slots.fields)} ${u.intent}`,
          () => u.intent !== 'handoff' && wanted.every((f) => (u.slots.fields ?? []).includes(f as never)),
        ]);
      }
    }
    expect(check(entries)).toEqual([]);
  });

  it('dialect.json: every regional word reads as its standard form and is never a search word', () => {
    const entries: Array<[string, () => boolean]> = [];
    for (const [group, words] of Object.entries(dialect)) {
      if (group.startsWith('_')) continue;
      if (Array.isArray(words)) {
        for (const word of words)
          entries.push([
            `stopword "${word}"`,
            () => !(understand(`pelatihan las ${word}`).slots.keywords ?? []).includes(word),
          ]);
        continue;
      }
      for (const [word, standard] of Object.entries(words as Record<string, string>)) {
        entries.push([
          `${group}: "${word}" → "${normalize(word)}", not "${standard}"`,
          // The slang the project had before wins where both know a word; it means the same.
          () => normalize(word) === standard || normalize(`${word} ${word}`).split(' ')[0] === standard,
        ]);
        entries.push([
          `${group}: "${word}" is a search word`,
          () => !(understand(`pelatihan las ${word}`).slots.keywords ?? []).includes(word),
        ]);
      }
    }
    expect(check(entries)).toEqual([]);
  });

  it('countries.json: every name is its country, every region all of its members', () => {
    const entries: Array<[string, () => boolean]> = [];
    const said = (text: string) => {
      const s = understand(`magang ke ${text}`).slots;
      return s.countries ?? (s.country ? [s.country] : []);
    };
    for (const [code, names] of Object.entries(countries.countries))
      for (const name of names) entries.push([`${code}: "${name}"`, () => said(name).includes(code)]);
    for (const [region, { say, countries: members }] of Object.entries(countries.regions))
      for (const name of say)
        entries.push([`${region}: "${name}"`, () => members.every((code) => said(name).includes(code))]);
    expect(check(entries)).toEqual([]);
  });

  it('schedule.json: every way of asking when classes are held ranks by what a fitting schedule says', () => {
    const entries: Array<[string, () => boolean]> = [];
    for (const [name, entry] of Object.entries(schedule)) {
      if (typeof entry === 'string') continue;
      for (const said of entry.say)
        entries.push([
          `${name}: "${said}"`,
          () => {
            const s = understand(`ada pelatihan las ${said}?`).slots;
            return Boolean(
              s.fields?.includes('las') && s.rankBy?.some((g) => g.join() === entry.find.join()),
            );
          },
        ]);
    }
    expect(check(entries)).toEqual([]);
  });
  it('benefits.json: every way of asking for a benefit is that benefit, as a condition, not a search word', () => {
    const entries: Array<[string, () => boolean]> = [];
    for (const [name, entry] of Object.entries(benefits)) {
      if (typeof entry === 'string') continue;
      for (const said of entry.say)
        entries.push([
          `${name}: "${said}"`,
          () => {
            const s = understand(`ada pelatihan las yang ada ${said}?`).slots;
            return Boolean(
              s.fields?.includes('las') &&
                s.constraints?.benefits?.includes(name as never) &&
                !s.keywords?.length,
            );
          },
        ]);
    }
    expect(check(entries)).toEqual([]);
  });
  it('benefits.json: a benefit first thing is a search by it; one not needed is no condition', () => {
    expect(understand('ada asrama?')).toMatchObject({
      intent: 'search',
      slots: { constraints: { benefits: ['asrama'] } },
    });
    expect(understand('magang sawit yg ada mess').slots.constraints?.benefits).toEqual(['asrama']);
    expect(understand('ga perlu asrama, pelatihan las').slots.constraints?.benefits).toBeUndefined();
  });
  it('traits.json: every way of saying a limit is read as the person lacking (or having) it', () => {
    const entries: Array<[string, () => boolean]> = [];
    const traitsOf = (text: string) => understand(text).slots.facts?.traits ?? {};
    for (const [id, trait] of Object.entries(traits.traits)) {
      const glue = [...(trait.after as string[]), ''];
      for (const said of trait.say) {
        for (const negation of traits.negations)
          for (const between of glue) {
            const text = `ada pelatihan? aku ${negation} ${between} ${said}`.replace(/\s+/g, ' ');
            entries.push([`${id}: "${text}"`, () => traitsOf(text)[id] === false]);
          }
        const plain = `ada pelatihan? aku ${said}`;
        const stated = 'stated' in trait && trait.stated;
        entries.push([`${id}: "${plain}"`, () => traitsOf(plain)[id] === (stated ? true : undefined)]);
      }
      // The question wording matches in JavaScript as it does in the search's SQL.
      entries.push([`${id}: asks`, () => new RegExp(trait.asks, 'i').test(trait.say[0]!)]);
    }
    expect(check(entries)).toEqual([]);
  });
});
