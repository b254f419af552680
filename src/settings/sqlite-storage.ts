/**
 * SettingsStorage over an opened, migrated better-sqlite3 connection. Every failure is
 * reported as a SettingsStoreError naming the file; a failed transaction is rolled back.
 */
import type Database from 'better-sqlite3';
import { retryWhileBusy } from './busy-retry.js';
import { ATTRIBUTION_COLUMNS } from './columns.js';
import { SettingsStoreError, toSettingsStoreError } from './errors.js';
import { assertSameFile, type FileIdentity } from './file-identity.js';
import { freezeSettings } from './rules.js';
import type { SettingsStorage, StorageDecision, StorageWatcher, StoredGuild } from './storage.js';
import type { Attribution, GuildSettings, SettingName } from './types.js';

interface GuildRow {
  readonly guild_id: string;
  readonly visibility: string;
  readonly mentions: number;
  readonly share: number;
  readonly channels_by: string | null;
  readonly channels_at: number | null;
  readonly visibility_by: string | null;
  readonly visibility_at: number | null;
  readonly mentions_by: string | null;
  readonly mentions_at: number | null;
  readonly share_by: string | null;
  readonly share_at: number | null;
}

interface ChannelRow {
  readonly guild_id: string;
  readonly channel_id: string;
}

/**
 * How often the file is asked whether another process changed it: so a change made through one
 * process (an HTTP instance's /config, a shard's) reaches the others within a second.
 */
export const WATCH_INTERVAL_MS = 1_000;

export interface SqliteStorageOptions {
  /** How long a write keeps trying a file another connection has locked before failing with 'busy'. */
  readonly busyTimeoutMs: number;
  /** The file as it was opened: a write into a deleted or replaced one would be lost. */
  readonly identity: FileIdentity;
}

export class SqliteStorage implements SettingsStorage {
  readonly #db: Database.Database;
  readonly #file: string;
  readonly #options: SqliteStorageOptions;
  #revision = 0n;
  readonly #selectGuild: Database.Statement<[string], GuildRow>;
  readonly #selectAllGuilds: Database.Statement<[], GuildRow>;
  readonly #selectChannels: Database.Statement<[string], ChannelRow>;
  readonly #selectAllChannels: Database.Statement<[], ChannelRow>;
  readonly #selectGuildsWithChannel: Database.Statement<[string], ChannelRow>;
  readonly #upsertGuild: Database.Statement<[Record<string, string | number | null>]>;
  readonly #deleteChannels: Database.Statement<[string]>;
  readonly #insertChannel: Database.Statement<[string, string, number]>;
  readonly #deleteGuild: Database.Statement<[string]>;
  #watching: NodeJS.Timeout | undefined;

  /** `db` must have no busy timeout by the first write: waiting for a lock is done here, off the event loop. */
  constructor(db: Database.Database, file: string, options: SqliteStorageOptions) {
    this.#db = db;
    this.#file = file;
    this.#options = options;
    this.#selectGuild = db.prepare('SELECT * FROM guild_settings WHERE guild_id = ?');
    this.#selectAllGuilds = db.prepare('SELECT * FROM guild_settings');
    this.#selectChannels = db.prepare(
      'SELECT guild_id, channel_id FROM answer_channels WHERE guild_id = ? ORDER BY position',
    );
    this.#selectAllChannels = db.prepare(
      'SELECT guild_id, channel_id FROM answer_channels ORDER BY guild_id, position',
    );
    this.#selectGuildsWithChannel = db.prepare('SELECT guild_id, channel_id FROM answer_channels WHERE channel_id = ?');
    this.#upsertGuild = db.prepare(`
      INSERT INTO guild_settings (guild_id, visibility, mentions, share,
        channels_by, channels_at, visibility_by, visibility_at, mentions_by, mentions_at, share_by, share_at)
      VALUES (@guild_id, @visibility, @mentions, @share,
        @channels_by, @channels_at, @visibility_by, @visibility_at, @mentions_by, @mentions_at, @share_by, @share_at)
      ON CONFLICT (guild_id) DO UPDATE SET
        visibility = excluded.visibility, mentions = excluded.mentions, share = excluded.share,
        channels_by = excluded.channels_by, channels_at = excluded.channels_at,
        visibility_by = excluded.visibility_by, visibility_at = excluded.visibility_at,
        mentions_by = excluded.mentions_by, mentions_at = excluded.mentions_at,
        share_by = excluded.share_by, share_at = excluded.share_at`);
    this.#deleteChannels = db.prepare('DELETE FROM answer_channels WHERE guild_id = ?');
    this.#insertChannel = db.prepare('INSERT INTO answer_channels (guild_id, channel_id, position) VALUES (?, ?, ?)');
    // Answer channels go with it, through ON DELETE CASCADE.
    this.#deleteGuild = db.prepare('DELETE FROM guild_settings WHERE guild_id = ?');
  }

  /** Everything stored, read when the store opens. */
  loadAll(): StoredGuild[] {
    try {
      const channels = new Map<string, string[]>();
      for (const row of this.#selectAllChannels.all()) {
        const list = channels.get(row.guild_id) ?? [];
        list.push(row.channel_id);
        channels.set(row.guild_id, list);
      }
      return this.#selectAllGuilds.all().map((row) => ({
        guildId: row.guild_id,
        settings: this.#toSettings(row, channels.get(row.guild_id) ?? []),
        revision: this.#nextRevision(),
      }));
    } catch (error) {
      throw toSettingsStoreError(error, this.#file, false);
    }
  }

  update<T>(
    guildId: string,
    decide: (stored: GuildSettings | undefined) => StorageDecision<T>,
  ): Promise<{ result: T; stored: StoredGuild }> {
    // IMMEDIATE takes the write lock before reading, so the read-decide-write cannot be
    // interleaved with another process's write.
    return this.#writing(() => {
      const current = this.#read(guildId);
      const { result, write } = decide(current);
      if (write !== undefined) this.#write(write);
      return { result, stored: { guildId, settings: write ?? current, revision: this.#nextRevision() } };
    });
  }

  guildsWithChannel(channelId: string): Promise<string[]> {
    return new Promise((resolve) => {
      try {
        resolve(this.#selectGuildsWithChannel.all(channelId).map((row) => row.guild_id));
      } catch (error) {
        throw toSettingsStoreError(error, this.#file, false);
      }
    });
  }

  remove(guildId: string): Promise<StoredGuild> {
    return this.#writing(() => {
      this.#deleteGuild.run(guildId);
      return { guildId, settings: undefined, revision: this.#nextRevision() };
    });
  }

  /**
   * SQLite's data_version moves when another connection commits (never for this one's own
   * commits); then everything is read again. Reading does not wait on a writer's lock.
   */
  watch(watcher: StorageWatcher): void {
    const version = (): number => this.#db.pragma('data_version', { simple: true }) as number;
    let seen = version();
    this.#watching = setInterval(() => {
      try {
        const now = version();
        if (now === seen) return;
        seen = now;
        watcher.reloaded(this.loadAll());
      } catch {
        // A file gone or unreadable for a moment: the next look tries again, and writes say why.
      }
    }, WATCH_INTERVAL_MS).unref();
  }

  close(): void {
    clearInterval(this.#watching);
    if (this.#db.open) this.#db.close();
  }

  /** One write transaction, tried again from timers while another connection holds the lock. */
  #writing<T>(work: () => T): Promise<T> {
    const attempt = (): T => {
      try {
        assertSameFile(this.#file, this.#options.identity);
        return this.#db.transaction(work).immediate();
      } catch (error) {
        throw toSettingsStoreError(error, this.#file, true);
      }
    };
    return retryWhileBusy(attempt, this.#options.busyTimeoutMs);
  }

  #read(guildId: string): GuildSettings | undefined {
    const row = this.#selectGuild.get(guildId);
    if (row === undefined) return undefined;
    return this.#toSettings(
      row,
      this.#selectChannels.all(guildId).map((channel) => channel.channel_id),
    );
  }

  /** One connection serves one process, whose transactions run one at a time: a counter orders them. */
  #nextRevision(): bigint {
    return ++this.#revision;
  }

  #write(settings: GuildSettings): void {
    const row: Record<string, string | number | null> = {
      guild_id: settings.guildId,
      visibility: settings.visibility,
      mentions: settings.mentions ? 1 : 0,
      share: settings.share ? 1 : 0,
    };
    for (const column of ATTRIBUTION_COLUMNS) {
      const change = settings.changed[column.name];
      row[column.by] = change?.by ?? null;
      row[column.at] = change?.at ?? null;
    }
    this.#upsertGuild.run(row);
    this.#deleteChannels.run(settings.guildId);
    settings.answerChannels.forEach((channelId, position) =>
      this.#insertChannel.run(settings.guildId, channelId, position),
    );
  }

  #toSettings(row: GuildRow, answerChannels: string[]): GuildSettings {
    // The CHECK constraints make these impossible unless the file was edited by hand.
    if (row.visibility !== 'public' && row.visibility !== 'ephemeral') {
      throw new SettingsStoreError('corrupt', this.#file, `guild ${row.guild_id} has visibility ${row.visibility}`);
    }
    const changed: Partial<Record<SettingName, Attribution>> = {};
    for (const column of ATTRIBUTION_COLUMNS) {
      const by = row[column.by];
      const at = row[column.at];
      if (typeof by === 'string' && typeof at === 'number') changed[column.name] = { by, at };
    }
    return freezeSettings({
      guildId: row.guild_id,
      answerChannels,
      visibility: row.visibility,
      mentions: row.mentions === 1,
      share: row.share === 1,
      changed,
    });
  }
}
