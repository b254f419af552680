/**
 * An in-memory SettingsStore for tests of other layers: the same cached store and rules
 * as production, over a Map instead of a file.
 */
import { CachedSettingsStore } from './cached-store.js';
import type { SettingsStorage, StorageTransaction } from './storage.js';
import type { GuildSettings } from './types.js';

class MemoryStorage implements SettingsStorage {
  readonly #guilds = new Map<string, GuildSettings>();

  loadAll(): GuildSettings[] {
    return [...this.#guilds.values()];
  }

  transaction<T>(work: (tx: StorageTransaction) => T): Promise<T> {
    // Writes are staged and applied only when the work returns, mirroring a rollback on throw.
    const staged = new Map<string, GuildSettings | undefined>();
    const read = (guildId: string): GuildSettings | undefined =>
      staged.has(guildId) ? staged.get(guildId) : this.#guilds.get(guildId);
    const tx: StorageTransaction = {
      read,
      guildsWithChannel: (channelId) => {
        const ids = new Set([...this.#guilds.keys(), ...staged.keys()]);
        return [...ids].filter((id) => read(id)?.answerChannels.includes(channelId) === true);
      },
      write: (settings) => void staged.set(settings.guildId, settings),
      remove: (guildId) => void staged.set(guildId, undefined),
    };
    // A throw inside the executor becomes the rejection, as a failed commit would.
    return new Promise((resolve) => {
      const result = work(tx);
      for (const [guildId, settings] of staged) {
        if (settings === undefined) this.#guilds.delete(guildId);
        else this.#guilds.set(guildId, settings);
      }
      resolve(result);
    });
  }

  close(): void {}
}

export interface MemorySettingsStoreOptions {
  readonly now?: () => number;
}

export class MemorySettingsStore extends CachedSettingsStore {
  constructor(options: MemorySettingsStoreOptions = {}) {
    super(new MemoryStorage(), options.now);
  }
}
