import type { FairUseOptions } from '../dispatch/index.js';
import { createLogger, withLoggableErrors, type Logger } from '../log/logger.js';
import { openStorage, type BotStorage } from '../settings/index.js';

/** What starting the bot takes whichever way it meets Discord: over the gateway or over HTTP. */
export interface CommonBotOptions {
  readonly applicationId: string;
  /** REST base of a local Discord; Discord's own when unset. */
  readonly restApi?: string;
  readonly dataDir: string;
  /** PostgreSQL for settings and fair use, shared by every shard and instance; DATA_DIR's SQLite file when unset. */
  readonly databaseUrl?: string | undefined;
  readonly databaseSchema?: string | undefined;
  readonly logLevel?: string;
  readonly logger?: Logger;
  /** PUT the command definitions at start-up (the local Discord); production uses `npm run deploy-commands`. */
  readonly registerCommands?: boolean;
  /** The per-person answer limit (default 6 answers per 30 s). */
  readonly fairUse?: FairUseOptions;
  /** PRIVACY_URL, which /help links. */
  readonly privacyUrl?: string | undefined;
}

/** The start's logger: the one given (a test's, an operator's) or stderr's, logging errors without tokens or message bodies. */
export function botLogger(options: CommonBotOptions): Logger {
  return withLoggableErrors(options.logger ?? createLogger(options.logLevel ?? 'info', 2));
}

/**
 * Settings and fair use as the options name them. An unreadable settings file or an unreachable
 * database stops the start here, naming it.
 */
export function openBotStorage(
  options: CommonBotOptions & { readonly now?: (() => number) | undefined },
  logger: Logger,
): Promise<BotStorage> {
  return openStorage({
    dataDir: options.dataDir,
    now: options.now,
    databaseUrl: options.databaseUrl,
    schema: options.databaseSchema,
    fairUse: options.fairUse,
    logger,
  });
}
