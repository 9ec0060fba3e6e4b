import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger';

/** A real pino logger whose JSON lines are kept (parsed and raw) for a test to read. */
export function capturedLogger(level = 'info'): {
  logger: Logger;
  lines: Array<Record<string, unknown>>;
  raw: string[];
} {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n'))
        if (line.trim()) {
          raw.push(line);
          lines.push(JSON.parse(line));
        }
      done();
    },
  });
  return { logger: createLogger(level, sink), lines, raw };
}
