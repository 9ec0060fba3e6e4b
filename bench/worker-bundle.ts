// The Worker bundle as `wrangler deploy` would upload it (a dry run, nothing leaves the machine): its
// size, gzipped size, what takes the room, and proof that no Node-only module got in.
// `npx tsx bench/worker-bundle.ts` prints the report; tests/workers/bundle.unit.test.ts checks it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');

/** Modules that must never reach the Worker: the embedded database, the Baileys socket, file-based migrations, the Node server. */
export const NODE_ONLY = [
  /node_modules\/@electric-sql\/pglite\//,
  /node_modules\/(baileys|@whiskeysockets|libsignal|protobufjs)\//,
  /node_modules\/drizzle-orm\/.*migrator/,
  /node_modules\/@hono\/node-server\//,
  /node_modules\/qrcode-terminal\//,
  /^src\/db\/client\.ts$/,
  /^src\/channels\/whatsapp\/baileys\//,
  /^src\/index\.ts$/,
];

export interface BundleReport {
  totalKiB: number;
  gzipKiB: number;
  /** Bytes in the output per package (or per src/ folder), largest first. */
  parts: Array<{ name: string; bytes: number }>;
  /** Inputs that match NODE_ONLY (should be empty). */
  nodeOnly: string[];
  /** Imports left to the runtime (node:* built-ins, bundled text modules). */
  external: string[];
  /** Every source file with bytes in the output. */
  inputs: string[];
}

export async function buildWorkerBundle(): Promise<BundleReport> {
  const outdir = mkdtempSync(join(tmpdir(), 'jembatan-worker-bundle-'));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'node_modules/wrangler/bin/wrangler.js'),
        'deploy',
        '--dry-run',
        '--outdir',
        outdir,
        '--metafile',
        join(outdir, 'meta.json'),
      ],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' } },
    );
    const size = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(stdout);
    if (!size) throw new Error(`no size in wrangler's output:\n${stdout}`);
    const meta = JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) as {
      inputs: Record<string, { imports: Array<{ path: string; external?: boolean }> }>;
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const output = Object.entries(meta.outputs).find(([name]) => name.endsWith('.js'))![1];
    const parts = new Map<string, number>();
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const name = pkg ?? path.split('/').slice(0, 2).join('/');
      parts.set(name, (parts.get(name) ?? 0) + bytesInOutput);
    }
    const external = new Set<string>();
    for (const input of Object.values(meta.inputs))
      for (const i of input.imports) if (i.external && i.path !== '<runtime>') external.add(i.path);
    return {
      totalKiB: Number(size[1]),
      gzipKiB: Number(size[2]),
      parts: [...parts].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
      nodeOnly: Object.keys(output.inputs).filter((path) => NODE_ONLY.some((re) => re.test(path))),
      external: [...external].sort(),
      inputs: Object.entries(output.inputs)
        .filter(([, v]) => v.bytesInOutput > 0)
        .map(([path]) => path),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await buildWorkerBundle();
  console.log(`Worker bundle: ${report.totalKiB} KiB, gzip ${report.gzipKiB} KiB (goal ≤ 1024 KiB gzipped)`);
  console.log('largest parts:');
  for (const part of report.parts.slice(0, 15))
    console.log(`  ${(part.bytes / 1024).toFixed(1).padStart(7)} KiB  ${part.name}`);
  console.log(`runtime imports: ${report.external.join(' ')}`);
  console.log(
    `Node-only modules in the bundle: ${report.nodeOnly.length ? report.nodeOnly.join(', ') : 'none'}`,
  );
  if (report.nodeOnly.length || report.gzipKiB > 1024) process.exit(1);
}
