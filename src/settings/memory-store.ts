/**
 * An in-memory SettingsStore for tests of other layers: the same cached store and rules
 * as production, over a Map instead of a file.
 */
import { CachedSettingsStore } from './cached-store.js';
import type { SettingsStorage, StorageDecision, StoredGuild } from './storage.js';
import type { GuildSettings } from './types.js';

class MemoryStorage implements SettingsStorage {
  readonly #guilds = new Map<string, GuildSettings>();
  #revision = 0n;

  update<T>(
    guildId: string,
    decide: (stored: GuildSettings | undefined) => StorageDecision<T>,
  ): Promise<{ result: T; stored: StoredGuild }> {
    // A throw inside the executor becomes the rejection, and nothing is stored, as a failed commit would.
    return new Promise((resolve) => {
      const { result, write } = decide(this.#guilds.get(guildId));
      if (write !== undefined) this.#guilds.set(guildId, write);
      resolve({ result, stored: { guildId, settings: this.#guilds.get(guildId), revision: ++this.#revision } });
    });
  }

  guildsWithChannel(channelId: string): Promise<string[]> {
    const ids = [...this.#guilds.values()].filter((settings) => settings.answerChannels.includes(channelId));
    return Promise.resolve(ids.map((settings) => settings.guildId));
  }

  remove(guildId: string): Promise<StoredGuild> {
    this.#guilds.delete(guildId);
    return Promise.resolve({ guildId, settings: undefined, revision: ++this.#revision });
  }

  close(): void {}
}

export interface MemorySettingsStoreOptions {
  readonly now?: () => number;
}

export class MemorySettingsStore extends CachedSettingsStore {
  constructor(options: MemorySettingsStoreOptions = {}) {
    super(new MemoryStorage(), [], { now: options.now });
  }
}
