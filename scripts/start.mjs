// Starts a built entry (`npm start`: dist/index.js, `npm run chat`: dist/chat.js) with Node's compile
// cache on: V8's compiled code for the bundles is kept on disk (the system's temporary folder, or
// NODE_COMPILE_CACHE) and reused while the files are unchanged, which halves "code loaded" at start
// (issue #15: 0.9–1.1 s → 0.5–0.65 s measured on the chat). It has to be switched on before the bundle
// is loaded, hence this small file in front: `node scripts/start.mjs index [args…]`. It also builds the
// bundles first when they are older than the sources (scripts/stale.mjs).
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundlesStale } from './stale.mjs';

const [name] = process.argv.splice(2, 1);
if (name !== 'index' && name !== 'chat') {
  console.error('usage: node scripts/start.mjs index|chat [arguments]');
  process.exit(2);
}
// Built first when stale, checked here rather than in a separate `node scripts/build.mjs --if-stale`
// before it (one Node start less). The build runs in its own process, so esbuild is loaded only then.
const root = fileURLToPath(new URL('..', import.meta.url));
if (bundlesStale(root)) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
// Node ≥ 22.1; an older Node simply starts without the cache.
module.enableCompileCache?.();
await import(new URL(`../dist/${name}.js`, import.meta.url).href);
