import pino from 'pino';
import { maskNiksInText } from './shared/nik-text';
import { currentRequestId } from './shared/request-context';

/**
 * Structured logs. Personal data never goes in: the redact list is a safety net for fields that
 * should not have been logged in the first place (message text, phone numbers, NIK, names).
 * A NIK-shaped number anywhere in a line (an error message quoting a value, say) is masked on its
 * way out, whatever field it is in.
 * Every line written while a request is served carries its id (`reqId`, see src/ops/http.ts).
 * On Workers the bundler picks pino's browser build: `browser` below makes it write the same JSON
 * lines (redacted the same way) to the console, where Workers Logs picks them up.
 */
export function createLogger(
  level = globalThis.process?.env?.LOG_LEVEL ?? 'info',
  /** Where lines go (Node; default stdout). Tests pass a stream to read them. */
  destination?: pino.DestinationStream,
) {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'jembatan' },
    mixin: () => {
      const reqId = currentRequestId();
      return reqId ? { reqId } : {};
    },
    browser: {
      asObject: true,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => {
          const reqId = currentRequestId();
          return { app: 'jembatan', ...(reqId ? { reqId } : {}), ...object };
        },
      },
      write: (object) => {
        const line = maskNiksInText(JSON.stringify(object)).text;
        if (((object as { level?: string }).level ?? '').match(/^(error|fatal)$/)) console.error(line);
        else console.log(line);
      },
    },
    hooks: { streamWrite: (line) => maskNiksInText(line).text },
    redact: {
      paths: [
        'text',
        '*.text',
        'phone',
        '*.phone',
        'nik',
        '*.nik',
        'name',
        '*.name',
        'address',
        '*.address',
        'token',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = pino.Logger;
export const silentLogger: Logger = pino({ level: 'silent' });
