// Benchmarks run their servers as production does: compiled JavaScript (`npm start` runs dist/), not
// through tsx. Each child script is bundled like scripts/build.mjs into dist/bench/, beside
// node_modules so its external dependencies resolve. The bundle keeps `// src/…` comments at module
// boundaries, which bench/profile-shares.ts uses to say which part of the code a profile sample is in.
import { basename } from 'node:path';
import { build } from 'esbuild';

const built = new Map<string, Promise<string>>();

/** Path of the compiled `entry` (e.g. bench/webhook-server.ts), built once per bench run. */
export function compiled(entry: string): Promise<string> {
  let out = built.get(entry);
  if (!out) {
    const outfile = `dist/bench/${basename(entry).replace(/\.ts$/, '.js')}`;
    out = build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      sourcemap: true,
      tsconfig: 'tsconfig.json',
      logLevel: 'warning',
    }).then(() => outfile);
    built.set(entry, out);
  }
  return out;
}

/** Node arguments to run a benchmark child: the compiled script, with a CPU profile when asked. */
export async function nodeArgs(entry: string, profileDir?: string): Promise<string[]> {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return ['--enable-source-maps', ...profile, await compiled(entry)];
}
