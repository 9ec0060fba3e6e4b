/**
 * Scoring a held-out discovery batch (tests/nlu/heldout-discovery/<batch>/, format in
 * /work/heldout/DISCOVERY-WRITER.md): which programmes a first reply lists, and whether that is what a
 * patient staff member would have shown. Pure functions; heldout-discovery.test.ts drives the webhook.
 */
import { addDays, daysBetween, todayIso } from '../../src/catalogue/dates';

export interface DiscoveryQuery {
  id: string;
  text: string;
  /** Every programme a knowledgeable staff member would show; empty when nothing fits. */
  relevant: string[];
  /** Not wrong to show as well. */
  acceptable?: string[];
  note?: string;
}

export interface CatalogueRecord extends Record<string, unknown> {
  slug: string;
  title: { id: string; en?: string };
  provider: { name: string };
  dates?: Record<string, unknown>;
  verified_at?: string;
}

/** The day the batch writers wrote their dates against (DISCOVERY-WRITER.md). */
export const BATCH_TODAY = '2026-12-07';

/**
 * The catalogue moved in time so that the batch's "today" is today: registration stays open as the
 * writer meant it, whenever the test runs.
 */
export function shiftDates(records: readonly CatalogueRecord[], today = todayIso()): CatalogueRecord[] {
  const days = daysBetween(BATCH_TODAY, today);
  const shift = (value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? addDays(value, days) : value;
  return records.map((r) => {
    const out: CatalogueRecord = { ...r };
    if (r.dates) out.dates = Object.fromEntries(Object.entries(r.dates).map(([k, v]) => [k, shift(v)]));
    if (r.verified_at) out.verified_at = shift(r.verified_at) as string;
    return out;
  });
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The programmes a reply lists: each catalogue title (Indonesian or English) found in the reply's text or buttons (longest
 * titles first, so a title inside a longer one is not counted twice). Two programmes with one title
 * are told apart by the provider named in the same entry.
 */
export function listedSlugs(
  reply: { texts: readonly string[]; buttons: readonly string[] },
  catalogue: readonly CatalogueRecord[],
): string[] {
  let hay = fold([...reply.texts, ...reply.buttons].join('\n'));
  // A reply in English (the person wrote in English) names programmes by their English titles.
  const byTitle = new Map<string, CatalogueRecord[]>();
  for (const r of catalogue)
    for (const title of [r.title.id, r.title.en]) {
      if (!title) continue;
      const key = fold(title);
      const list = byTitle.get(key) ?? [];
      if (!list.includes(r)) list.push(r);
      byTitle.set(key, list);
    }
  const titles = [...byTitle.keys()].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (const title of titles) {
    for (let at = hay.indexOf(title); at >= 0; at = hay.indexOf(title)) {
      const candidates = byTitle.get(title)!;
      // The entry runs to the next numbered line (or the end of the message).
      const rest = hay.slice(at + title.length);
      const next = rest.search(/\n\s*\d+\.\s/);
      const entry = next < 0 ? rest : rest.slice(0, next);
      const named = candidates.filter((c) => entry.includes(fold(c.provider.name)));
      for (const c of named.length ? named : candidates) if (!found.includes(c.slug)) found.push(c.slug);
      hay = `${hay.slice(0, at)}${' '.repeat(title.length)}${hay.slice(at + title.length)}`;
    }
  }
  return found;
}

export interface Verdict {
  pass: boolean;
  /** Why it failed, in a few words. */
  why?: string;
}

/**
 * Pass when the reply lists at least one relevant programme (or, when nothing fits, nothing outside
 * `acceptable`), every listed programme is relevant or acceptable, and — with five or fewer relevant
 * ones — all of them are listed.
 */
export function judge(q: DiscoveryQuery, listed: readonly string[]): Verdict {
  const ok = new Set([...q.relevant, ...(q.acceptable ?? [])]);
  const wrong = listed.filter((s) => !ok.has(s));
  if (wrong.length) return { pass: false, why: `wrong: ${wrong.join(', ')}` };
  if (q.relevant.length === 0) return { pass: true };
  const hits = q.relevant.filter((s) => listed.includes(s));
  if (hits.length === 0)
    return { pass: false, why: listed.length ? 'only acceptable ones' : 'nothing listed' };
  if (q.relevant.length <= 5 && hits.length < q.relevant.length) {
    const missing = q.relevant.filter((s) => !listed.includes(s));
    return { pass: false, why: `missing: ${missing.join(', ')}` };
  }
  return { pass: true };
}

export interface BatchScore {
  passed: number;
  total: number;
  rate: number;
  report: string;
}

export function scoreBatch(
  name: string,
  outcomes: ReadonlyArray<{ query: DiscoveryQuery; listed: string[]; verdict: Verdict; reply: string }>,
): BatchScore {
  const passed = outcomes.filter((o) => o.verdict.pass).length;
  const total = outcomes.length;
  const rate = total ? passed / total : 0;
  const none = outcomes.filter((o) => o.query.relevant.length === 0);
  const nonePassed = none.filter((o) => o.verdict.pass).length;
  const misses = outcomes
    .filter((o) => !o.verdict.pass)
    .map(
      (o) =>
        `  ${o.query.id} ${JSON.stringify(o.query.text)} — ${o.verdict.why}\n` +
        `    listed   [${o.listed.join(', ')}]\n` +
        `    relevant [${o.query.relevant.join(', ')}]` +
        (o.query.acceptable?.length ? `\n    acceptable [${o.query.acceptable.join(', ')}]` : '') +
        (o.listed.length === 0 ? `\n    reply: ${JSON.stringify(o.reply.slice(-300))}` : ''),
    );
  const pct = (n: number, d: number) => `${d ? ((100 * n) / d).toFixed(1) : '0.0'} %`;
  const report =
    `Held-out discovery ${name}: ${passed}/${total} first replies right (${pct(passed, total)}); ` +
    `nothing-fits ${nonePassed}/${none.length}, others ${passed - nonePassed}/${total - none.length}` +
    (misses.length ? `\nMisses (${misses.length}):\n${misses.join('\n')}` : '');
  return { passed, total, rate, report };
}
