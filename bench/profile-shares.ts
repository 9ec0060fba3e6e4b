// Share of CPU per part of the webhook server from a V8 CPU profile (`node --cpu-prof`; the webhook
// bench writes one with BENCH_PROFILE=DIR). `npx tsx bench/profile-shares.ts FILE.cpuprofile` prints a
// table (the README's "where the time goes"). The server runs as a bundle (bench/compiled.ts), whose
// `// src/…` comments say which source file each line came from; dependencies keep their own files.
// Each sample counts for the innermost frame of a known part: JSON.parse called by postgres.js is SQL,
// a RegExp run by the NLU is NLU. Idle time is left out, and so is start-up: counting begins at the first
// sample inside an update (a `handleUpdate` frame), so the table is the steady state under load.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** Parts, tried in order against the source path of a frame. */
const PARTS: Array<[string, RegExp]> = [
  ['logging', /pino|sonic-boom|thread-stream|src\/logger|src\/ops\/request-context|nik-text/],
  ['i18n', /i18next|src\/i18n/],
  ['NLU', /src\/nlu|src\/catalogue\/(search-text|vocabulary)|src\/regions/],
  ['SQL', /postgres\/|drizzle-orm|src\/db\//],
  ['send', /src\/outbox|src\/channels\/telegram\/sender|undici|node-fetch|abort-controller/],
  ['grammY', /grammy|@grammyjs/],
  ['HTTP', /hono|@hono\/node-server|src\/app|src\/ops\/http|src\/channels\/telegram\/(webhook|edge)|zod/],
  ['engine', /src\//],
];
const NODE_HTTP = /node:_http|node:net|node:internal\/(http|stream|streams|net)/;

function partOf(path: string): string | undefined {
  for (const [name, pattern] of PARTS) if (pattern.test(path)) return name;
  return undefined;
}

/** For a bundle: line → the source file named by the nearest `// path` comment above it. */
function bundleFiles(url: string): ((line: number) => string) | undefined {
  let text: string;
  try {
    text = readFileSync(fileURLToPath(url), 'utf8');
  } catch {
    return undefined;
  }
  const starts: Array<[number, string]> = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\/\/ ((?:src|bench|tests|node_modules)\/\S+)$/.exec(line);
    if (m) starts.push([i, m[1]!]);
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = url;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]![0] <= line) {
        found = starts[mid]![1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

export function shares(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const bundles = new Map<string, ((line: number) => string) | undefined>();
  const pathOf = (n: Node) => {
    const { url, lineNumber } = n.callFrame;
    if (!url.includes('/dist/')) return url;
    if (!bundles.has(url)) bundles.set(url, bundleFiles(url));
    return bundles.get(url)?.(lineNumber) ?? url;
  };
  const partById = new Map<number, string>();
  const partFor = (id: number): string => {
    const known = partById.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    let part: string;
    if (name === '(idle)') part = 'idle';
    else if (name === '(garbage collector)') part = 'GC';
    else if (name === '(program)') part = 'V8/Node (program)';
    else {
      part = 'other';
      let http = false;
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const path = pathOf(byId.get(at)!);
        const found = partOf(path);
        if (found) {
          part = found;
          break;
        }
        if (NODE_HTTP.test(path)) http = true;
      }
      if (part === 'other' && http) part = 'HTTP';
    }
    partById.set(id, part);
    return part;
  };
  const inUpdate = new Map<number, boolean>();
  const withinUpdate = (id: number): boolean => {
    let known = inUpdate.get(id);
    if (known === undefined) {
      const parentId = parent.get(id);
      known =
        byId.get(id)!.callFrame.functionName === 'handleUpdate' ||
        (parentId !== undefined && withinUpdate(parentId));
      inUpdate.set(id, known);
    }
    return known;
  };
  const time = new Map<string, number>();
  let started = false;
  profile.samples.forEach((id, i) => {
    started ||= withinUpdate(id);
    if (!started) return;
    const part = partFor(id);
    time.set(part, (time.get(part) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return time;
}

export function table(file: string): string {
  const time = shares(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  time.delete('idle');
  const total = [...time.values()].reduce((a, b) => a + b, 0);
  const rows = [...time].sort((a, b) => b[1] - a[1]);
  return rows
    .map(([part, t]) => `${part.padEnd(20)} ${((100 * t) / total).toFixed(1).padStart(5)} %`)
    .join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const file of process.argv.slice(2)) console.log(`${file}\n${table(file)}\n`);
}
