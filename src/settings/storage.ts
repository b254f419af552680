/**
 * Where settings are kept durably. The cached store reads and writes only through this,
 * so a server database can replace the embedded SQLite file by implementing it.
 */
import type { GuildSettings } from './types.js';

/** A view of the stored truth inside one atomic transaction. */
export interface StorageTransaction {
  /** The stored settings of the guild, or undefined if it has none. */
  read(guildId: string): GuildSettings | undefined;
  guildsWithChannel(channelId: string): string[];
  /** Replaces everything stored for the guild. */
  write(settings: GuildSettings): void;
  remove(guildId: string): void;
}

export interface SettingsStorage {
  loadAll(): GuildSettings[];
  /**
   * Runs `work` atomically: its writes are all committed before the promise resolves, or it
   * rejects and none of them are. The work reads the stored truth rather than a cache so
   * that several processes writing the same storage do not overwrite each other.
   */
  transaction<T>(work: (tx: StorageTransaction) => T): Promise<T>;
  close(): void;
}
