// `npm run depcheck`: dependency-cruiser with the layer rules of .dependency-cruiser.cjs.
// dependency-cruiser's TypeScript parser needs the TypeScript 5 compiler API, which TypeScript 7 no
// longer ships, so it parses with swc (`parser: 'swc'`); its swc parser reads every file as .ts, so
// .tsx files are given JSX here (swc's parseFileSync, patched before dependency-cruiser loads it).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const parseFileSync = swc.parseFileSync;
swc.parseFileSync = (path, options) =>
  parseFileSync(path, path.endsWith('.tsx') ? { ...options, tsx: true } : options);

const defaults = ['src', '--config', '.dependency-cruiser.cjs'];
process.argv = [
  process.argv[0],
  'depcruise',
  ...(process.argv.length > 2 ? process.argv.slice(2) : defaults),
];
await import(new URL('../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url).href);
