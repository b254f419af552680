/**
 * Where settings are kept durably. The cached store reads and writes only through this, so the
 * embedded SQLite file, a PostgreSQL database and the in-memory map of tests are interchangeable.
 */
import type { GuildSettings } from './types.js';

/** What a storage holds for one guild, and how recent that knowledge is. */
export interface StoredGuild {
  readonly guildId: string;
  /** Undefined when nothing is stored: the guild has the defaults. */
  readonly settings: GuildSettings | undefined;
  /**
   * Grows with every change a storage makes or hears of: a copy known at a higher revision is
   * never replaced by one from a lower, however late the lower arrives.
   */
  readonly revision: bigint;
}

export interface StorageDecision<T> {
  readonly result: T;
  /** What to store in place of what was read; absent to store nothing. */
  readonly write?: GuildSettings;
}

/** Changes made elsewhere (another instance on the same database), as the storage hears of them. */
export interface StorageWatcher {
  /** Returns whether it was news: false for what was already known (an echo of this process's own write). */
  changed(stored: StoredGuild): boolean;
  /** Everything was read again (after the storage lost touch and may have missed changes). */
  reloaded(all: readonly StoredGuild[]): void;
}

export interface SettingsStorage {
  /**
   * Reads what is stored for the guild, lets `decide` choose what to store, and stores it
   * atomically. If another writer changes the guild in between, `decide` runs again on the new
   * truth, so it must be a pure function of what it is given. Rejects, storing nothing, when the
   * storage cannot take the write.
   */
  update<T>(
    guildId: string,
    decide: (stored: GuildSettings | undefined) => StorageDecision<T>,
  ): Promise<{ readonly result: T; readonly stored: StoredGuild }>;
  /** The guilds whose answer channels include the channel, as stored. */
  guildsWithChannel(channelId: string): Promise<string[]>;
  /** Drops everything stored for the guild. */
  remove(guildId: string): Promise<StoredGuild>;
  /** Storages shared by several processes report each other's changes here. */
  watch?(watcher: StorageWatcher): void;
  close(): void;
}
