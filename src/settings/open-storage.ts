/**
 * Everything the bot keeps, opened as the environment asks: with a database URL, settings and fair
 * use live in PostgreSQL and hold across every instance and shard; without one, settings live in
 * DATA_DIR's SQLite file and fair use in this process's memory.
 */
import type { Logger } from 'pino';
import { SlidingWindowLimit, type FairUse, type FairUseOptions } from './fair-use.js';
import { openStore } from './open-store.js';
import { openPostgresFairUse } from './postgres-fair-use.js';
import type { SettingsStore } from './types.js';

export interface OpenStorageOptions {
  readonly dataDir: string;
  /** DATABASE_URL; unset or empty keeps everything on this machine. */
  readonly databaseUrl?: string | undefined;
  /** DATABASE_SCHEMA; `policy_bot` unless set. */
  readonly schema?: string | undefined;
  readonly fairUse?: FairUseOptions | undefined;
  readonly now?: (() => number) | undefined;
  readonly logger?: Logger | undefined;
}

export interface BotStorage {
  readonly settings: SettingsStore;
  readonly fairUse: FairUse;
  /** Closes the settings and the fair-use count, once every connection is closed. */
  end(): Promise<void>;
}

export async function openStorage(options: OpenStorageOptions): Promise<BotStorage> {
  const databaseUrl = options.databaseUrl?.trim() || undefined;
  const schema = options.schema?.trim() || undefined;
  // An unreadable settings file or an unreachable database stops the start here, naming it.
  const settings = await openStore({ ...options, databaseUrl, schema });
  // While the database does not answer, this process keeps the limit on its own.
  const local = new SlidingWindowLimit(options.fairUse);
  if (!databaseUrl) return { settings, fairUse: local, end: () => settings.end() };
  try {
    const shared = await openPostgresFairUse({
      databaseUrl,
      schema,
      answers: options.fairUse?.answers,
      windowMs: options.fairUse?.windowMs,
      whenUnavailable: local,
      logger: options.logger,
    });
    return { settings, fairUse: shared, end: async () => void (await Promise.all([settings.end(), shared.end()])) };
  } catch (error) {
    await settings.end();
    throw error;
  }
}
