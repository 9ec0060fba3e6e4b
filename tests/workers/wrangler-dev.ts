import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');

export interface WorkerDev {
  url: string;
  /** wrangler's process id, which is also its process group's (workerd runs in that group). */
  pid: number;
  /** What wrangler and the Worker printed (the Worker's JSON log lines among them). */
  output: string[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Hyperdrive's local connection string must carry a password; a trusting server ignores it. */
export function withPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.password) url.password = 'local';
  return url.toString();
}

/**
 * `wrangler dev` on this repository's wrangler.toml: the Worker in workerd on loopback, Postgres
 * through the Hyperdrive binding's local connection string, the given variables as `--var`s. Offline
 * is fine: wrangler's `Request.cf` lookup fails harmlessly.
 */
export async function startWorkerDev(options: {
  databaseUrl: string;
  vars: Record<string, string>;
  timeoutMs?: number;
}): Promise<WorkerDev> {
  const port = await freePort();
  const inspector = await freePort();
  const persist = mkdtempSync(join(tmpdir(), 'jembatan-wrangler-'));
  const args = [
    WRANGLER,
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspector),
    '--persist-to',
    persist,
    '--show-interactive-dev-session=false',
    ...Object.entries(options.vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    // Its own process group, so stopping it also stops the workerd it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: withPassword(options.databaseUrl),
      WRANGLER_SEND_METRICS: 'false',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
  });
  const output: string[] = [];
  const url = `http://127.0.0.1:${port}`;
  const ready = new Promise<void>((resolveReady, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) output.push(line);
        if (line.includes('Ready on')) resolveReady();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`wrangler dev exited (${code}):\n${output.slice(-30).join('\n')}`)),
    );
    setTimeout(
      () => reject(new Error(`wrangler dev not ready in time:\n${output.slice(-30).join('\n')}`)),
      options.timeoutMs ?? 60_000,
    );
  });
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null)
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
    }
    rmSync(persist, { recursive: true, force: true });
  };
  try {
    await ready;
    // "Ready" is printed as workerd starts listening; the first request proves the Worker loaded.
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${url}/healthz`).catch(() => undefined);
      if (res?.status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, output, stop };
}
