// `npm run build`: the Node server (dist/index.js) and the terminal chat (dist/chat.js) as ES modules
// (esbuild), so they start from compiled JavaScript instead of compiling TypeScript at every start —
// loading the code through tsx took 8–9 s of the chat's start on a busy machine (issue #15). tsx stays
// for `npm run dev` and the scripts.
// Dependencies are bundled too: resolving hundreds of package files through Node's ESM loader took a
// second of every start; those that read their own files stay in node_modules (scripts/build-options.mjs,
// shared with the benchmarks' bundles). Plain .mjs so building needs nothing but esbuild. Source maps are written beside the bundles; Node reads them only when asked
// (NODE_OPTIONS=--enable-source-maps), since parsing them cost another half second at start.
// `--if-stale` (before `npm start` and `npm run chat`) builds only when a file under src/, locales/ or
// the config is newer than the bundles — an unchanged checkout starts without a build.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { NODE_BUNDLE } from './build-options.mjs';
import { bundlesStale, ENTRIES, OUTPUTS } from './stale.mjs';

if (process.argv.includes('--if-stale') && !bundlesStale()) process.exit(0);

// Imported only when building: a production install without devDependencies starts from dist/ as is.
const { build } = await import('esbuild');
const started = performance.now();
// The previous build's files (chunks are named by content); dist/bench/ is the benchmarks' own.
if (existsSync('dist'))
  for (const entry of readdirSync('dist', { withFileTypes: true }))
    if (entry.isFile()) rmSync(join('dist', entry.name));
await build({ ...NODE_BUNDLE, entryPoints: ENTRIES, outdir: 'dist' });
console.log(`built ${OUTPUTS.join(', ')} in ${Math.round(performance.now() - started)} ms`);
