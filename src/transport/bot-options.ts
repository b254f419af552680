import type { FairUseOptions } from '../dispatch/index.js';
import type { Logger } from '../log/logger.js';

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
