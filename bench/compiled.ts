// Benchmarks run their servers as production does: compiled JavaScript (`npm start` runs dist/), not
// through tsx. Each child script is bundled like scripts/build.mjs into dist/bench/, beside
// node_modules so the dependencies left outside the bundle resolve. The bundle keeps `// src/…` comments at module
// boundaries, which bench/profile-shares.ts uses to say which part of the code a profile sample is in.
import { basename } from 'node:path';
import { build } from 'esbuild';

const EXTERNAL = [
  '@electric-sql/pglite',
  'baileys',
  'idn-area-data',
  'node-fetch',
  'pino',
  'qrcode-terminal',
];
const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const built = new Map<string, Promise<string>>();

/** Path of the compiled `entry` (e.g. bench/webhook-server.ts), built once per bench run. */
export function compiled(entry: string): Promise<string> {
  let out = built.get(entry);
  if (!out) {
    const name = basename(entry).replace(/\.ts$/, '');
    out = build({
      entryPoints: { [name]: entry },
      outdir: 'dist/bench',
      bundle: true,
      platform: 'node',
      format: 'esm',
      splitting: true,
      keepNames: true,
      target: 'node22',
      // As scripts/build.mjs (EXTERNAL, REQUIRE_BANNER there).
      external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
      banner: { js: REQUIRE_BANNER },
      sourcemap: true,
      tsconfig: 'tsconfig.json',
      logLevel: 'warning',
    }).then(() => `dist/bench/${name}.js`);
    built.set(entry, out);
  }
  return out;
}

/**
 * Node's flags in `npm start` (package.json). --experimental-async-context-frame: AsyncLocalStorage (the
 * request id on log lines) without async_hooks, whose promise hooks cost ~4 % of the webhook's CPU on
 * Node 22 (the default from Node 24).
 */
export const START_FLAGS = ['--experimental-async-context-frame'];

/** Node arguments to run a benchmark child: the compiled script, with a CPU profile when asked. */
export async function nodeArgs(entry: string, profileDir?: string): Promise<string[]> {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return [...START_FLAGS, ...profile, await compiled(entry)];
}
