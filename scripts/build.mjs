// `npm run build`: the Node server as one ES module in dist/ (esbuild), so production runs compiled
// JavaScript instead of compiling TypeScript at every start (tsx stays for dev, chat and scripts).
// Dependencies stay in node_modules (--packages=external): pino's worker threads, PGlite's data files
// and Baileys load from their own folders. Plain .mjs so building needs nothing but esbuild.
// `--if-stale` (npm start's prestart) builds only when a file under src/, locales/ or the config is
// newer than dist/index.js — an unchanged checkout starts without a build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'dist/index.js';

function newestUnder(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestUnder(join(path, entry)));
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(OUT)) {
  const sources = Math.max(...['src', 'locales', 'package.json', 'tsconfig.json'].map(newestUnder));
  if (sources <= statSync(OUT).mtimeMs) process.exit(0);
}

// Imported only when building: a production install without devDependencies starts from dist/ as is.
const { build } = await import('esbuild');
const started = performance.now();
await build({
  entryPoints: ['src/index.ts'],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  // JSX (hono/jsx) settings come from tsconfig.json.
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
console.log(`built ${OUT} in ${Math.round(performance.now() - started)} ms`);
