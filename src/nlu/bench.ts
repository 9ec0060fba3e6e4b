/**
 * Micro-benchmark of `understand` over the evaluation queries (tests/nlu/queries.json), for
 * `npm run bench`. Each call is timed on its own after one warm-up pass, so the percentiles are per message.
 */
import { readFileSync } from 'node:fs';
import { understand } from './understand';

export interface BenchResult {
  p50Ms: number;
  p95Ms: number;
  perSecond: number;
}

function evaluationTexts(): string[] {
  const url = new URL('../../tests/nlu/queries.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as Array<{ text: string }>).map((q) => q.text);
}

/** @param iterations passes over the message set; @param texts the messages, the evaluation queries by default. */
export function benchUnderstand(iterations = 20, texts: readonly string[] = evaluationTexts()): BenchResult {
  for (const text of texts) understand(text);
  const times: number[] = [];
  const started = performance.now();
  for (let pass = 0; pass < iterations; pass++) {
    for (const text of texts) {
      const t0 = performance.now();
      understand(text);
      times.push(performance.now() - t0);
    }
  }
  const totalMs = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    perSecond: Math.round((times.length / totalMs) * 1000),
  };
}
