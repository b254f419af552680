import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Lines are written 4 KB at a time, and at least every quarter of a second: one write per
 * interaction was a tenth of the bot's CPU under load. pino flushes what is left when the
 * process exits.
 */
const BUFFER = { minLength: 4096, periodicFlush: 250 } as const;

/** A webhook or interaction route holds its token after the id: whoever has it can post as the bot. */
const ROUTE_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"']+/g;
/** A bot token: three dot-separated base64url parts. */
const BOT_TOKEN = /[\w-]{23,}\.[\w-]{6,}\.[\w-]{27,}/g;

/** Text with every interaction, webhook and bot token in it replaced. */
export function redactTokens(text: string): string {
  return text.replace(ROUTE_TOKEN, '$1[token]').replace(BOT_TOKEN, '[token]');
}

function redactStrings(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactTokens(value);
  if (depth <= 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, depth - 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, depth - 1)]));
}

/**
 * An error as it may be logged. A failed REST request carries its URL (an interaction token in
 * it) and the body it sent (a person's question echoed, an answer): the tokens are replaced, and
 * the body is told by its size only.
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof Error)) return redactStrings(error, 4);
  const { requestBody, ...rest } = pino.stdSerializers.err(error) as Record<string, unknown> & {
    requestBody?: { files?: unknown; json?: unknown };
  };
  const fields: Record<string, unknown> = rest;
  if (requestBody !== undefined) {
    fields['requestBytes'] = Buffer.byteLength(JSON.stringify(requestBody.json ?? null) ?? '');
    if (Array.isArray(requestBody.files)) fields['requestFiles'] = requestBody.files.length;
  }
  return redactStrings(fields, 4);
}

/** A logger that writes every `err` field through `loggableError`, whoever made it. */
export function withLoggableErrors(logger: Logger): Logger {
  return logger.child({}, { serializers: { err: loggableError } });
}

/**
 * Structured logs, one JSON line each. No token can appear: the bot token is redacted wherever a
 * field of that name is logged, errors go through `loggableError`, and nothing logs message text.
 */
export function createLogger(level: string, destination: 1 | 2 = 1): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'headers.authorization'], censor: '[redacted]' },
      serializers: { err: loggableError },
    },
    pino.destination({ fd: destination, sync: false, ...BUFFER }),
  );
}
