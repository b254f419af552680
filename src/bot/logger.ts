import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Lines are written 4 KB at a time, and at least every quarter of a second: one write per
 * interaction was a tenth of the bot's CPU under load. pino flushes what is left when the
 * process exits.
 */
const BUFFER = { minLength: 4096, periodicFlush: 250 } as const;

/**
 * Structured logs, one JSON line each. The token can never appear: it is redacted wherever a
 * field of that name is logged, and nothing logs message text at info level.
 */
export function createLogger(level: string, destination: 1 | 2 = 1): Logger {
  return pino(
    { level, redact: { paths: ['token', '*.token', 'headers.authorization'], censor: '[redacted]' } },
    pino.destination({ fd: destination, sync: false, ...BUFFER }),
  );
}

/** A short id that ties what a person is told to the log line that explains it. */
export function errorReference(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}
