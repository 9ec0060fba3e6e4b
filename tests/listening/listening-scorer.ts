/**
 * Scoring a held-out "listening" batch (tests/listening/heldout/<batch>/, format in
 * /work/heldout/LISTENING-WRITER.md): multi-turn moments off the happy path, each judged on everything
 * the bot sent after the person's last turn. Pure functions; heldout.test.ts drives the webhook.
 */
import type { CatalogueRecord } from '../nlu/discovery-scorer';

export type { CatalogueRecord } from '../nlu/discovery-scorer';

export type Lang = 'id' | 'en';

export interface MomentExpect {
  /** Groups: each passes when any of its alternatives appears. */
  all?: string[][];
  /** None of these may appear. */
  none?: string[];
  /** The language the reply must be in. */
  lang?: Lang;
  /** true: the reply must offer a person. */
  human?: boolean;
  /** Programmes (slugs) the reply must list by title. */
  programmes?: string[];
  /** Programmes the reply must not list. */
  notProgrammes?: string[];
}

export interface Moment {
  id: string;
  lang: Lang;
  category: string;
  turns: string[];
  expect: MomentExpect;
  note?: string;
}

/** A turn the scorer performs on the bot's buttons instead of typing it. */
export type Turn =
  | { kind: 'text'; text: string }
  | { kind: 'agree' }
  | { kind: 'decline' }
  | { kind: 'apply'; n: number }
  | { kind: 'menu' }
  | { kind: 'photo' };

export function parseTurn(turn: string): Turn {
  const t = turn.trim().toLowerCase();
  if (t === '[setuju]') return { kind: 'agree' };
  if (t === '[tolak]') return { kind: 'decline' };
  if (t === '[menu]') return { kind: 'menu' };
  if (t === '[kirim foto]') return { kind: 'photo' };
  const apply = /^\[daftar\s+(\d+)\]$/.exec(t);
  if (apply) return { kind: 'apply', n: Number(apply[1]) };
  return { kind: 'text', text: turn };
}

/** Lower case, accents and emoji variation left out, whitespace collapsed: how replies are compared. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface Button {
  text: string;
  data: string;
}

/**
 * Which button a special turn taps, by its label (Telegram's callback data is opaque). Patterns are
 * tried in order, so the clearest label wins ("✅ Setuju" before a plain "Ya").
 */
const BUTTON_PATTERNS: Record<'agree' | 'decline' | 'menu' | 'apply', RegExp[]> = {
  agree: [/\bsetuju\b/, /\bagree\b/, /^\W*(ya|iya|yes|ok|oke|lanjut|continue)\b/],
  decline: [/\btidak setuju\b/, /\bdisagree\b/, /\btolak\b|\bdecline\b/, /^\W*(tidak|no|belum|nanti)\b/],
  menu: [/\bmenu\b/],
  apply: [/\bdaftar\b/, /\bapply\b/],
};

export function findButton(
  kind: 'agree' | 'decline' | 'menu' | 'apply',
  buttons: readonly Button[],
): Button | undefined {
  for (const pattern of BUTTON_PATTERNS[kind]) {
    // "Tidak setuju" holds "setuju": agreeing never taps a negative label.
    const found = buttons.find(
      (b) =>
        pattern.test(fold(b.text)) && !(kind === 'agree' && /\b(tidak|dis|no|gak|ga)\b/.test(fold(b.text))),
    );
    if (found) return found;
  }
  return undefined;
}

/** Titles in both languages, longest first, each pointing at its programmes. */
function titleIndex(catalogue: readonly CatalogueRecord[]): Array<[string, CatalogueRecord[]]> {
  const byTitle = new Map<string, CatalogueRecord[]>();
  for (const r of catalogue)
    for (const title of [r.title.id, r.title.en]) {
      if (!title) continue;
      const key = fold(title);
      const list = byTitle.get(key) ?? [];
      if (!list.includes(r)) list.push(r);
      byTitle.set(key, list);
    }
  return [...byTitle.entries()].sort((a, b) => b[0].length - a[0].length);
}

/**
 * The programmes a text names, in the order they appear (a numbered list reads top to bottom). Two
 * programmes with one title are told apart by the provider named in the same entry.
 */
export function programmesInOrder(text: string, catalogue: readonly CatalogueRecord[]): string[] {
  let hay = fold(text);
  const found: Array<{ at: number; slug: string }> = [];
  for (const [title, candidates] of titleIndex(catalogue)) {
    for (let at = hay.indexOf(title); at >= 0; at = hay.indexOf(title)) {
      const rest = hay.slice(at + title.length);
      const next = rest.search(/ \d+\. /);
      const entry = next < 0 ? rest : rest.slice(0, next);
      const named = candidates.filter((c) => entry.includes(fold(c.provider.name)));
      for (const c of named.length ? named : candidates) found.push({ at, slug: c.slug });
      hay = `${hay.slice(0, at)}${' '.repeat(title.length)}${hay.slice(at + title.length)}`;
    }
  }
  const slugs: string[] = [];
  for (const f of found.sort((a, b) => a.at - b.at)) if (!slugs.includes(f.slug)) slugs.push(f.slug);
  return slugs;
}

// Words that mark a language; short, frequent, and rare in the other one.
const ID_WORDS = new Set(
  'yang dan untuk kamu kami dengan ini itu ada tidak bisa atau dari sudah belum mau apa saya juga akan lagi kalau jika pilih ketik silakan tanya boleh harus perlu biaya gratis syarat daftar tahun umur usia lulusan pendidikan atau dulu nanti sini mana berapa program pelatihan'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the and you your to of for is are with this that can what we our it in on be will if or not any how when where which there here please type choose ask need free fee age years education requirements apply programme program training'.split(
    ' ',
  ),
);

/**
 * The language of a reply, by its marker words, with programme titles and providers taken out (a title
 * in Indonesian inside an English reply is a name, not the reply's language). `foreign` counts the
 * marker words of the other language.
 */
export function replyLanguage(
  text: string,
  catalogue: readonly CatalogueRecord[] = [],
): { lang: Lang | undefined; id: number; en: number } {
  let hay = fold(text);
  for (const [title] of titleIndex(catalogue)) hay = hay.split(title).join(' ');
  for (const r of catalogue) hay = hay.split(fold(r.provider.name)).join(' ');
  // Commands and quoted words ("/data_saya", "ketik \"menu\"") are names too.
  hay = hay.replace(/\/\w+/g, ' ').replace(/https?:\S+/g, ' ');
  const words = hay.split(/[^a-z]+/).filter(Boolean);
  // "program" is both; it does not decide.
  const id = words.filter((w) => ID_WORDS.has(w) && w !== 'program').length;
  const en = words.filter((w) => EN_WORDS.has(w) && w !== 'program').length;
  return { lang: id === en ? undefined : id > en ? 'id' : 'en', id, en };
}

const HUMAN =
  /petugas|\bstaf|\badmin|\borang\b|manusia|\bhuman|\bperson\b|\bstaff|officer|\bagent|\bcs\b|customer service|konselor|counsel/;

export interface Verdict {
  pass: boolean;
  /** Every reason it failed. */
  why: string[];
}

export interface BotReply {
  texts: readonly string[];
  buttons: readonly string[];
}

export function judgeMoment(moment: Moment, reply: BotReply, catalogue: readonly CatalogueRecord[]): Verdict {
  const why: string[] = [];
  const all = [...reply.texts, ...reply.buttons].join('\n');
  const hay = fold(all);
  if (!reply.texts.length) why.push('no reply');
  const e = moment.expect;
  for (const group of e.all ?? [])
    if (!group.some((alt) => hay.includes(fold(alt)))) why.push(`missing one of [${group.join(' | ')}]`);
  for (const bad of e.none ?? []) if (hay.includes(fold(bad))) why.push(`says "${bad}"`);
  if (e.lang) {
    const found = replyLanguage(all, catalogue);
    // An English reply carries no Indonesian words at all (a name aside); an Indonesian one is mostly
    // Indonesian (English loan words like "online" are normal).
    const wrong = e.lang === 'en' ? found.id > 0 || found.lang !== 'en' : found.lang !== 'id';
    if (wrong) why.push(`not in ${e.lang} (id words ${found.id}, en words ${found.en})`);
  }
  if (e.human && !HUMAN.test(hay)) why.push('offers no person');
  if (e.programmes?.length || e.notProgrammes?.length) {
    const listed = programmesInOrder(all, catalogue);
    const missing = (e.programmes ?? []).filter((s) => !listed.includes(s));
    if (missing.length) why.push(`does not list ${missing.join(', ')}`);
    const wrong = (e.notProgrammes ?? []).filter((s) => listed.includes(s));
    if (wrong.length) why.push(`lists ${wrong.join(', ')}`);
  }
  return { pass: why.length === 0, why };
}

export interface Outcome {
  moment: Moment;
  verdict: Verdict;
  /** What the bot sent after the last turn (texts, then buttons). */
  reply: string;
}

export interface BatchScore {
  passed: number;
  total: number;
  rate: number;
  report: string;
}

const pct = (n: number, d: number) => `${d ? ((100 * n) / d).toFixed(1) : '0.0'} %`;

function tally(outcomes: readonly Outcome[], key: (o: Outcome) => string): string {
  const groups = new Map<string, { passed: number; total: number }>();
  for (const o of outcomes) {
    const g = groups.get(key(o)) ?? { passed: 0, total: 0 };
    g.total++;
    if (o.verdict.pass) g.passed++;
    groups.set(key(o), g);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([k, g]) => `${k} ${g.passed}/${g.total}`)
    .join(', ');
}

export function scoreBatch(name: string, outcomes: readonly Outcome[]): BatchScore {
  const passed = outcomes.filter((o) => o.verdict.pass).length;
  const total = outcomes.length;
  const misses = outcomes
    .filter((o) => !o.verdict.pass)
    .map(
      (o) =>
        `  ${o.moment.id} [${o.moment.category}/${o.moment.lang}] ${JSON.stringify(o.moment.turns)}\n` +
        `    ✗ ${o.verdict.why.join('; ')}\n` +
        `    bot: ${JSON.stringify(o.reply.length > 700 ? `${o.reply.slice(0, 700)}…` : o.reply)}`,
    );
  const report =
    `Held-out listening ${name}: ${passed}/${total} moments right (${pct(passed, total)})\n` +
    `  by category: ${tally(outcomes, (o) => o.moment.category)}\n` +
    `  by language: ${tally(outcomes, (o) => o.moment.lang)}` +
    (misses.length ? `\nMisses (${misses.length}):\n${misses.join('\n')}` : '');
  return { passed, total, rate: total ? passed / total : 0, report };
}
