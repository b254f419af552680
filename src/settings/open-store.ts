/**
 * The settings store the environment asks for: PostgreSQL when a database URL is given (several
 * instances, one truth), otherwise the SQLite file in DATA_DIR (one machine, nothing to run).
 */
import type { Logger } from 'pino';
import { openPostgresSettingsStore } from './postgres-store.js';
import { openSettingsStore } from './sqlite-store.js';
import type { SettingsStore } from './types.js';

export interface OpenStoreOptions {
  readonly dataDir: string;
  /** DATABASE_URL. When set, settings live in PostgreSQL and DATA_DIR's file is not used. */
  readonly databaseUrl?: string | undefined;
  /** DATABASE_SCHEMA: the PostgreSQL schema, `policy_bot` unless set. */
  readonly schema?: string | undefined;
  readonly now?: (() => number) | undefined;
  readonly logger?: Logger | undefined;
}

export async function openStore(options: OpenStoreOptions): Promise<SettingsStore> {
  const databaseUrl = options.databaseUrl?.trim();
  if (databaseUrl) {
    return openPostgresSettingsStore({
      databaseUrl,
      schema: options.schema?.trim() || undefined,
      now: options.now,
      logger: options.logger,
    });
  }
  return openSettingsStore({ dataDir: options.dataDir, now: options.now, logger: options.logger });
}
