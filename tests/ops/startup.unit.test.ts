import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ChildRun, serverEntry } from '../scale/processes';
import { freePort } from '../workers/wrangler-dev';

/*
 * The real Node entry (src/index.ts, bundled as the scale tests run it) starting against what a deployment may give it. Each test starts
 * its own process and needs no test database, so the file runs once (unit project).
 */

const sockets: Socket[] = [];
let silent: Server | undefined;
const dirs: string[] = [];

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('start-up', () => {
  it('a database host that never answers: one line naming it, exit 1, in bounded time (#18.7)', async () => {
    // Accepts the TCP connection and then says nothing, like a firewall that swallows packets.
    silent = createServer((socket) => sockets.push(socket));
    const port = await freePort();
    await new Promise<void>((resolve) => silent!.listen(port, '127.0.0.1', resolve));
    const run = ChildRun.start(
      'silent-db',
      await serverEntry(),
      {
        DATABASE_URL: `postgres://jembatan:rahasia-sekali@127.0.0.1:${port}/jembatan`,
        DATABASE_CONNECT_TIMEOUT_SECONDS: '2',
        PORT: String(await freePort()),
        LOG_LEVEL: 'info',
      },
      true,
    );
    // The process says where it is going before it waits. (Loading the code before that takes as long as
    // a loaded machine makes it; the bound is on the wait for the database, so it counts from here.)
    const opening = await run.waitForLine(/opening the database/, 60_000);
    expect(opening).toMatch(new RegExp(`"host":"127\\.0\\.0\\.1:${port}"`));
    const code = await Promise.race([run.exited, new Promise((r) => setTimeout(() => r('hung'), 20_000))]);
    if (code === 'hung') await run.stop('SIGKILL');
    expect(code).toBe(1);
    const output = run.output.join('\n');
    expect(output).toContain(`The database at 127.0.0.1:${port} did not answer within 2 s`);
    expect(output).not.toContain('rahasia-sekali');
  }, 90_000);

  it('the default desk is created at start, and the log says nobody can read its queue yet (#18.3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jembatan-start-'));
    dirs.push(dir);
    // A copy of the migrated template (as every PGlite test file uses): migrating in WASM took 99 s of
    // the 100 s wait for 'listening' on a loaded machine. The desk is data, made at every start.
    const template = inject('pgliteTemplate');
    if (template && existsSync(template)) cpSync(template, join(dir, 'db'), { recursive: true });
    const run = ChildRun.start(
      'desk',
      await serverEntry(),
      {
        PGLITE_DIR: join(dir, 'db'),
        // A public address: no demo account is made, as on a real deployment.
        PUBLIC_URL: 'https://bot.example.org',
        DEFAULT_ORGANISATION: 'meja-depan',
        PORT: String(await freePort()),
        LOG_LEVEL: 'info',
      },
      true,
    );
    try {
      await run.waitForLine(/"msg":"listening"/, 100_000);
      const output = run.output.join('\n');
      expect(output).toMatch(/"organisation":"meja-depan".*created the default desk/);
      expect(output).toMatch(/"organisation":"meja-depan".*nobody can read the default desk's queue yet/);
    } finally {
      await run.stop('SIGTERM');
    }
  }, 150_000);
});
