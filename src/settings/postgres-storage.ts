/**
 * SettingsStorage over PostgreSQL. A change is a read and a conditional write, each one
 * statement with no transaction held open between them: the write only lands if the row still
 * has the revision that was read, otherwise the decision is made again on what is there now.
 * Every failure is reported as a SettingsStoreError naming the database.
 */
import { EventEmitter } from 'node:events';
import type pg from 'pg';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { postgresStoreError, toPostgresStoreError } from './postgres-errors.js';
import { SettingsNotices, type SettingsNoticesOptions } from './postgres-notices.js';
import { ROW_COLUMNS, rowValues, STORED_COLUMNS, storedOfRow } from './postgres-rows.js';
import type { SettingsStorage, StorageDecision, StorageWatcher, StoredGuild } from './storage.js';
import type { GuildSettings } from './types.js';

/**
 * Of writers racing on one guild, one wins each round, so the rest soon get through; a guild
 * still changing under every attempt for this long means something is wrong.
 */
const PATIENCE_MS = 1_500;

export interface PostgresStorageEvents {
  /** A change made elsewhere was heard and is now in the cache (echoes of this store's own writes are not). */
  notice: [stored: StoredGuild];
  /** Notices were lost (the connection dropped); they resume with `reloaded`. */
  lost: [error: unknown];
  /** After notices resumed, everything was read again; the cache holds it. */
  reloaded: [guilds: number];
}

export interface PostgresStorageOptions {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** The database as errors name it (no password). */
  readonly database: string;
  readonly notices: Omit<SettingsNoticesOptions, 'onNotice' | 'onResumed' | 'onLost' | 'schema' | 'logger'>;
  readonly logger?: Logger | undefined;
}

export class PostgresStorage implements SettingsStorage {
  readonly events = new EventEmitter<PostgresStorageEvents>();
  readonly #pool: pg.Pool;
  readonly #database: string;
  readonly #notices: SettingsNotices;
  readonly #sql: ReturnType<typeof statements>;
  #watcher: StorageWatcher | undefined;
  /** Notices heard before the cache was ready for them. */
  readonly #early: StoredGuild[] = [];
  #closed: Promise<void> | undefined;

  constructor(options: PostgresStorageOptions) {
    this.#pool = options.pool;
    this.#database = options.database;
    this.#sql = statements(options.schema);
    this.#notices = new SettingsNotices({
      ...options.notices,
      schema: options.schema,
      logger: options.logger,
      onNotice: (stored) => this.#heard(stored),
      onLost: (error) => this.events.emit('lost', error),
      onResumed: async () => {
        const all = await this.loadAll();
        this.#watcher?.reloaded(all);
        this.events.emit('reloaded', all.length);
      },
    });
  }

  /** Starts hearing changes; called before the first read, so that nothing committed after it goes unheard. */
  listen(): Promise<void> {
    return this.#run(() => this.#notices.start());
  }

  loadAll(): Promise<StoredGuild[]> {
    return this.#run(async () => (await this.#pool.query(this.#sql.selectAll)).rows.map(storedOfRow));
  }

  update<T>(
    guildId: string,
    decide: (stored: GuildSettings | undefined) => StorageDecision<T>,
  ): Promise<{ result: T; stored: StoredGuild }> {
    return this.#run(async () => {
      const giveUpAt = performance.now() + PATIENCE_MS;
      for (let attempt = 1; ; attempt++) {
        const read = (await this.#pool.query({ ...this.#sql.select, values: [guildId] })).rows[0] as unknown;
        const current = read === undefined ? undefined : storedOfRow(read);
        const { result, write } = decide(current?.settings);
        if (write === undefined) return { result, stored: current ?? { guildId, settings: undefined, revision: 0n } };
        const written =
          current === undefined
            ? await this.#pool.query({ ...this.#sql.insertIfAbsent, values: [guildId, ...rowValues(write)] })
            : await this.#pool.query({
                ...this.#sql.updateIfUnchanged,
                values: [guildId, ...rowValues(write), current.revision.toString()],
              });
        const revision = (written.rows[0] as { revision?: string } | undefined)?.revision;
        if (revision !== undefined) return { result, stored: { guildId, settings: write, revision: BigInt(revision) } };
        if (performance.now() > giveUpAt) {
          throw postgresStoreError(
            'busy',
            this.#database,
            `guild ${guildId} changed under each of ${attempt} attempts`,
          );
        }
      }
    });
  }

  guildsWithChannel(channelId: string): Promise<string[]> {
    return this.#run(async () => {
      const result = await this.#pool.query<{ guild_id: string }>({ ...this.#sql.withChannel, values: [channelId] });
      return result.rows.map((row) => row.guild_id);
    });
  }

  remove(guildId: string): Promise<StoredGuild> {
    return this.#run(async () => {
      const result = await this.#pool.query<{ revision: string }>({ ...this.#sql.remove, values: [guildId] });
      return { guildId, settings: undefined, revision: BigInt(result.rows[0]?.revision ?? '0') };
    });
  }

  watch(watcher: StorageWatcher): void {
    this.#watcher = watcher;
    for (const stored of this.#early.splice(0)) watcher.changed(stored);
  }

  close(): void {
    void this.closed();
  }

  /** Stops hearing notices and closes every connection. */
  closed(): Promise<void> {
    this.#closed ??= (async () => {
      await this.#notices.stop();
      await this.#pool.end().catch(() => undefined);
    })();
    return this.#closed;
  }

  #heard(stored: StoredGuild): void {
    if (this.#watcher === undefined) {
      this.#early.push(stored);
      return;
    }
    if (this.#watcher.changed(stored)) this.events.emit('notice', stored);
  }

  async #run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ZodError) {
        throw postgresStoreError(
          'corrupt',
          this.#database,
          `a stored row is not a guild's settings: ${error.message}`,
          {
            cause: error,
          },
        );
      }
      throw toPostgresStoreError(error, this.#database);
    }
  }
}

/** Named, so each connection parses and plans them once. */
function statements(s: string) {
  const columns = ROW_COLUMNS.join(', ');
  const values = ROW_COLUMNS.map((_, i) => `$${i + 2}`).join(', ');
  const assignments = ROW_COLUMNS.map((column, i) => `${column} = $${i + 2}`).join(', ');
  return {
    selectAll: `SELECT ${STORED_COLUMNS} FROM ${s}.guild_settings`,
    select: { name: `${s}.select`, text: `SELECT ${STORED_COLUMNS} FROM ${s}.guild_settings WHERE guild_id = $1` },
    insertIfAbsent: {
      name: `${s}.insert`,
      text: `INSERT INTO ${s}.guild_settings (guild_id, ${columns}) VALUES ($1, ${values})
             ON CONFLICT (guild_id) DO NOTHING RETURNING revision::text AS revision`,
    },
    updateIfUnchanged: {
      name: `${s}.update`,
      text: `UPDATE ${s}.guild_settings SET ${assignments}
             WHERE guild_id = $1 AND revision = $${ROW_COLUMNS.length + 2} RETURNING revision::text AS revision`,
    },
    withChannel: {
      name: `${s}.with-channel`,
      text: `SELECT guild_id FROM ${s}.guild_settings WHERE answer_channels @> ARRAY[$1::text]`,
    },
    remove: {
      name: `${s}.remove`,
      text: `WITH gone AS (DELETE FROM ${s}.guild_settings WHERE guild_id = $1)
             SELECT nextval('${s}.guild_settings_revision')::text AS revision`,
    },
  };
}
