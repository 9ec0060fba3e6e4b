import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../workers/wrangler-dev';

const ROOT = resolve(import.meta.dirname, '../..');

const bundles = new Map<string, Promise<string>>();

/**
 * A TypeScript entry bundled once per test process (our code in one file, packages imported as usual),
 * so each child starts without tsx compiling and resolving some 300 modules: on a loaded 2-core
 * machine that took 25 s of a server's start (12 s bundled), and servers starting together did not
 * answer /readyz within 45 s. Two folders down from the root, like src/db/client.ts, so the
 * migrations folder is found the same way.
 */
export function bundled(entry: string): Promise<string> {
  let file = bundles.get(entry);
  if (!file) {
    file = (async () => {
      const dir = join(ROOT, 'data', `test-bundle-${process.pid}-${bundles.size}`);
      const out = join(dir, 'index.mjs');
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      await promisify(execFile)(
        join(ROOT, 'node_modules/.bin/esbuild'),
        [
          entry,
          '--bundle',
          '--platform=node',
          '--format=esm',
          '--packages=external',
          `--outfile=${out}`,
          '--log-level=warning',
        ],
        { cwd: ROOT },
      );
      return out;
    })();
    bundles.set(entry, file);
  }
  return file;
}

/** The real Node entry, bundled. */
export const serverEntry = () => bundled('src/index.ts');

/** A child process running a TypeScript entry (through tsx), with its output kept for failures. */
export class ChildRun {
  readonly output: string[] = [];
  private readonly listeners: Array<(line: string) => void> = [];
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        this.output.push(line);
        for (const listener of this.listeners) listener(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    this.exited = new Promise((r) => child.once('exit', (code) => r(code)));
  }

  /** `entry` TypeScript through tsx, or JavaScript as it is (`compiled`). */
  static start(name: string, entry: string, env: Record<string, string>, compiled = false): ChildRun {
    const child = spawn(process.execPath, compiled ? [entry] : ['--import', 'tsx', entry], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    return new ChildRun(name, child);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first line (already printed or to come) that matches. */
  waitForLine(match: RegExp, timeoutMs = 30_000): Promise<string> {
    const seen = this.output.find((l) => match.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolveLine, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: no line ${match} in ${timeoutMs} ms:\n${this.tail()}`)),
        timeoutMs,
      );
      this.listeners.push((line) => {
        if (match.test(line)) {
          clearTimeout(timer);
          resolveLine(line);
        }
      });
    });
  }

  tail(n = 20): string {
    return this.output.slice(-n).join('\n');
  }

  /** SIGTERM (graceful) or SIGKILL (a crash); resolves when the process is gone. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<number | null> {
    if (this.alive) this.child.kill(signal);
    return this.exited;
  }
}

/** The real Node entry (src/index.ts, bundled) on its own port: webhooks, dispatcher, graceful shutdown. */
export class ServerProcess {
  private constructor(
    readonly run: ChildRun,
    readonly url: string,
  ) {}

  /** The start in progress: servers start one after another (see `start`). */
  private static starting: Promise<unknown> = Promise.resolve();

  /**
   * Starts a server once the previous one is ready (or failed): loading and migrating is the
   * heaviest thing a server does, and three starting together on a loaded 2-core machine each took
   * longer than 45 s where one after another each took about 12 s.
   */
  static start(name: string, env: Record<string, string>): Promise<ServerProcess> {
    const started = ServerProcess.starting.then(() => ServerProcess.startNow(name, env));
    ServerProcess.starting = started.catch(() => undefined);
    return started;
  }

  private static async startNow(name: string, env: Record<string, string>): Promise<ServerProcess> {
    const entry = await serverEntry();
    const port = await freePort();
    const run = ChildRun.start(name, entry, { ...env, PORT: String(port) }, true);
    const server = new ServerProcess(run, `http://127.0.0.1:${port}`);
    const end = Date.now() + 45_000;
    for (;;) {
      if (!run.alive) throw new Error(`${name} exited while starting:\n${run.tail()}`);
      const res = await fetch(`${server.url}/readyz`).catch(() => undefined);
      if (res?.status === 200) return server;
      if (Date.now() > end) {
        await run.stop('SIGKILL');
        throw new Error(`${name} not ready in time:\n${run.tail()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  get name(): string {
    return this.run.name;
  }

  get alive(): boolean {
    return this.run.alive;
  }

  fetch(path: string, init?: RequestInit): Promise<Response> {
    return fetch(`${this.url}${path}`, init);
  }

  stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<number | null> {
    return this.run.stop(signal);
  }
}
