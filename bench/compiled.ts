// Benchmarks run their servers as production does: compiled JavaScript (`npm start` runs dist/), not
// through tsx. Each child script is bundled with scripts/build.mjs's options (scripts/build-options.mjs)
// into dist/bench/, beside node_modules so the dependencies left outside the bundle resolve. The bundle
// keeps `// src/…` comments at module boundaries, which bench/profile-shares.ts uses to say which part of the code a profile sample is in.
import { basename } from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE } from '../scripts/build-options.mjs';

const built = new Map<string, Promise<string>>();

/** Path of the compiled `entry` (e.g. bench/webhook-server.ts), built once per bench run. */
export function compiled(entry: string): Promise<string> {
  let out = built.get(entry);
  if (!out) {
    const name = basename(entry).replace(/\.ts$/, '');
    out = build({ ...NODE_BUNDLE, entryPoints: { [name]: entry }, outdir: 'dist/bench' }).then(
      () => `dist/bench/${name}.js`,
    );
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
