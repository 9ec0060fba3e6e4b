// Whether the bundles in dist/ are older than what they are built from. Shared by scripts/build.mjs
// (`--if-stale`) and scripts/start.mjs, which checks in its own process before loading a bundle instead
// of starting a separate Node process for the check (issue #15: a Node start is 0.3–0.5 s of
// `npm run chat` and `npm start` on a busy 2-core machine).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ENTRIES = { index: 'src/index.ts', chat: 'src/channels/simulator/terminal.ts' };
export const OUTPUTS = Object.keys(ENTRIES).map((name) => `dist/${name}.js`);

function newestUnder(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestUnder(join(path, entry)));
  return newest;
}

/**
 * True when a bundle is missing or a file under src/, locales/ or the config is newer than the bundles.
 * `root`: the repository (the current folder under npm). A production copy without src/ is never stale.
 */
export function bundlesStale(root = '.') {
  if (!OUTPUTS.every((out) => existsSync(join(root, out)))) return true;
  const inputs = ['src', 'locales', 'package.json', 'tsconfig.json', 'scripts/build-options.mjs']
    .map((path) => join(root, path))
    .filter((path) => existsSync(path));
  const sources = Math.max(...inputs.map(newestUnder));
  return sources > Math.min(...OUTPUTS.map((out) => statSync(join(root, out)).mtimeMs));
}
