// `npm run build`: the Node server (dist/index.js) and the terminal chat (dist/chat.js) as ES modules
// (esbuild), so they start from compiled JavaScript instead of compiling TypeScript at every start —
// loading the code through tsx took 8–9 s of the chat's start on a busy machine (issue #15). tsx stays
// for `npm run dev` and the scripts.
// Dependencies are bundled too: resolving hundreds of package files through Node's ESM loader took a
// second of every start. Those that read their own files stay in node_modules (EXTERNAL: PGlite's WASM
// and data, idn-area-data's CSVs, pino's worker threads, Baileys), and node-fetch, whose URL parser
// uses Node's deprecated punycode (Node warns about that only outside node_modules). Plain .mjs so building needs nothing
// but esbuild. Source maps are written beside the bundles; Node reads them only when asked
// (NODE_OPTIONS=--enable-source-maps), since parsing them cost another half second at start.
// bench/compiled.ts builds the benchmarks' servers with the same settings.
// `--if-stale` (before `npm start` and `npm run chat`) builds only when a file under src/, locales/ or
// the config is newer than the bundles — an unchanged checkout starts without a build.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const EXTERNAL = [
  '@electric-sql/pglite',
  'baileys',
  'idn-area-data',
  'node-fetch',
  'pino',
  'qrcode-terminal',
];
/** Bundled CommonJS dependencies call require(); in an ES module it comes from here. */
export const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const ENTRIES = { index: 'src/index.ts', chat: 'src/channels/simulator/terminal.ts' };
const OUTPUTS = Object.keys(ENTRIES).map((name) => `dist/${name}.js`);

function newestUnder(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestUnder(join(path, entry)));
  return newest;
}

if (process.argv.includes('--if-stale') && OUTPUTS.every((out) => existsSync(out))) {
  const sources = Math.max(...['src', 'locales', 'package.json', 'tsconfig.json'].map(newestUnder));
  if (sources <= Math.min(...OUTPUTS.map((out) => statSync(out).mtimeMs))) process.exit(0);
}

// Imported only when building: a production install without devDependencies starts from dist/ as is.
const { build } = await import('esbuild');
const started = performance.now();
// The previous build's files (chunks are named by content); dist/bench/ is the benchmarks' own.
if (existsSync('dist'))
  for (const entry of readdirSync('dist', { withFileTypes: true }))
    if (entry.isFile()) rmSync(join('dist', entry.name));
await build({
  entryPoints: ENTRIES,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Dynamic imports stay lazy (Baileys, the Postgres or PGlite driver): chunks beside the entries.
  splitting: true,
  // Class and function names as written: node-fetch recognises an AbortSignal by its class name (a
  // renamed one made every Bot API call hang), and stack traces stay readable.
  keepNames: true,
  target: 'node22',
  external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
  banner: { js: REQUIRE_BANNER },
  sourcemap: true,
  // JSX (hono/jsx) settings come from tsconfig.json.
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
console.log(`built ${OUTPUTS.join(', ')} in ${Math.round(performance.now() - started)} ms`);
