/**
 * The settings store on PostgreSQL, for a bot run as several instances (or shards on several
 * machines): one truth for all of them, each answering from its own cache, which every change
 * reaches through LISTEN/NOTIFY as soon as it commits.
 */
import type { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from 'pino';
import { CachedSettingsStore } from './cached-store.js';
import {
  assertSchemaName,
  DEFAULT_SCHEMA,
  describeDatabase,
  poolOptions,
  SETTINGS_TIMEOUTS,
  type PostgresTimeouts,
} from './postgres-connection.js';
import { migratePostgres } from './postgres-migrations.js';
import { PostgresStorage, type PostgresStorageEvents } from './postgres-storage.js';
import type { StoredGuild } from './storage.js';

export interface OpenPostgresSettingsStoreOptions {
  /** DATABASE_URL: postgresql://user:password@host:port/database */
  readonly databaseUrl: string;
  /** Where the tables live (created if need be); `policy_bot` by default. */
  readonly schema?: string | undefined;
  readonly now?: (() => number) | undefined;
  /** Failed writes are logged at error; lost and resumed notices at warn and info, changes heard at debug. */
  readonly logger?: Logger | undefined;
  readonly timeouts?: Partial<PostgresTimeouts> | undefined;
  /** Connections a store may hold for writes (notices take one more). */
  readonly connections?: number | undefined;
}

export class PostgresSettingsStore extends CachedSettingsStore {
  readonly #storage: PostgresStorage;

  constructor(storage: PostgresStorage, loaded: readonly StoredGuild[], options: OpenPostgresSettingsStoreOptions) {
    super(storage, loaded, { now: options.now, logger: options.logger });
    this.#storage = storage;
  }

  /** Changes heard from elsewhere, lost notices and the re-reads after them, as they happen. */
  get events(): EventEmitter<PostgresStorageEvents> {
    return this.#storage.events;
  }

  /** Like close(), and resolves once every connection is closed. */
  override end(): Promise<void> {
    return this.#storage.closed();
  }
}

/**
 * Brings the schema up to date, starts hearing changes, then reads every guild's settings.
 * Rejects with a SettingsStoreError naming the database (never its password) when it cannot.
 */
export async function openPostgresSettingsStore(
  options: OpenPostgresSettingsStoreOptions,
): Promise<PostgresSettingsStore> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  assertSchemaName(schema);
  const timeouts = { ...SETTINGS_TIMEOUTS, ...options.timeouts };
  await migratePostgres(options.databaseUrl, schema);
  const pool = new pg.Pool(poolOptions(options.databaseUrl, timeouts, options.connections ?? 4, 'policy-bot settings'));
  // An idle connection the server dropped is replaced on the next request; the request that needs it reports trouble.
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'idle settings connection lost'));
  const storage = new PostgresStorage({
    pool,
    schema,
    database: describeDatabase(options.databaseUrl),
    logger: options.logger,
    notices: { databaseUrl: options.databaseUrl, timeouts },
  });
  // Which instance heard which change, and when: what an operator checks when one seems not to obey.
  storage.events.on('notice', (stored) => options.logger?.debug({ guild: stored.guildId }, 'settings change heard'));
  try {
    await storage.listen();
    return new PostgresSettingsStore(storage, await storage.loadAll(), options);
  } catch (error) {
    await storage.closed();
    throw error;
  }
}
