import pino from 'pino';

/**
 * Structured logs. Personal data never goes in: the redact list is a safety net for fields that
 * should not have been logged in the first place (message text, phone numbers, NIK, names).
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info') {
  return pino({
    level,
    base: { app: 'jembatan' },
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
  });
}

export type Logger = pino.Logger;
export const silentLogger: Logger = pino({ level: 'silent' });
