// The esbuild options shared by `npm run build` (scripts/build.mjs) and the benchmarks' servers
// (bench/compiled.ts), so the benchmarks measure the code as production runs it. Plain .mjs: building
// needs nothing but esbuild.

/**
 * Dependencies left in node_modules: those that read their own files (PGlite's WASM and data,
 * idn-area-data's CSVs, pino's worker threads, Baileys), and node-fetch, whose URL parser uses Node's
 * deprecated punycode (Node warns about that only outside node_modules).
 */
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

/** esbuild options for a Node bundle; the caller adds entryPoints and outdir. */
export const NODE_BUNDLE = {
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
};
