/**
 * The terminal chat as a person uses it (issue #14 point 8): the real `npm run chat` program (its
 * TypeScript entry, on a throwaway embedded database) is fed typed lines, and what it prints is read.
 * It must print the dashboard line before the first prompt, keep the server's JSON log lines out of the
 * chat (they go to the log file), play the person named with --as, send a file from disk, and switch
 * person with /sebagai (a person met before carries on where they stopped, without a new greeting).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// ANSI colours are part of what a terminal shows, not of what is said.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const plain = (s: string) => s.replace(ANSI, '');

/** Runs the chat, writing each line once the previous answer has been printed; resolves with stdout. */
function chat(args: string[], lines: string[], env: Record<string, string>): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/channels/simulator/terminal.ts', ...args],
      {
        env: { ...process.env, ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let next = 0;
    // The prompt ("rina › ") ends what the program says for one line: then the next line is typed.
    const promptCount = () => (plain(out).match(/› $/gm) ?? []).length;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      while (next < lines.length && promptCount() > next) child.stdin.write(`${lines[next++]}\n`);
      if (next === lines.length && promptCount() > next) child.stdin.end();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(plain(out)) : fail(new Error(`exit ${code}: ${err}`))));
  });
}

/** A port free on this machine (the dashboard listens beside the chat). */
const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

describe('npm run chat, as a person uses it', () => {
  it('prints the dashboard first, keeps log lines out, plays --as, sends a file and switches person', {
    timeout: 120_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jembatan-chat-'));
    const file = join(dir, 'ijazah.pdf');
    writeFileSync(file, '%PDF-1.4\n% test\n');
    const logFile = join(dir, 'chat.log');
    const out = await chat(
      ['--as', 'rina', '--log', logFile],
      ['ada magang ke jepang?', `/kirim ${file} ijazah saya`, '/sebagai budi', '/sebagai rina', '/keluar'],
      {
        PGLITE_DIR: 'memory://',
        PORT: String(await freePort()),
        UPLOADS_DIR: join(dir, 'uploads'),
        LANG: 'id_ID.UTF-8',
        LOG_LEVEL: 'info',
      },
    );
    const dashboard = out.indexOf('/admin');
    const firstPrompt = out.indexOf('rina › ');
    expect(dashboard).toBeGreaterThanOrEqual(0);
    expect(dashboard).toBeLessThan(firstPrompt);
    expect(out).toContain('sebagai "rina"');
    // No JSON log line in the chat; they are in the log file.
    expect(out.split('\n').filter((l) => l.trim().startsWith('{"level"'))).toEqual([]);
    expect(existsSync(logFile)).toBe(true);
    expect(readFileSync(logFile, 'utf8')).toContain('"level"');
    // The question was heard (a list of programmes in Japan, or the honest empty answer).
    expect(out).toMatch(/jepang/i);
    expect(out).toContain('📎 terkirim: ijazah.pdf (dokumen');
    expect(out).toContain('Sekarang kamu chat sebagai "budi".');
    expect(out).toContain('budi › ');
    // Back to rina: she carries on where she stopped, greeted once only.
    expect(out).toContain('Melanjutkan percakapan "rina"');
    expect(out.match(/Halo, rina/g)).toHaveLength(1);
    expect(out.match(/Halo, budi/g)).toHaveLength(1);
  });
});
