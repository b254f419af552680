/**
 * The one SettingsStore implementation: reads from a Map, writes through to a storage.
 * The Map is updated only after the storage has committed, so a failed write leaves
 * memory and storage both as they were.
 */
import * as rules from './rules.js';
import type { SettingsStorage, StorageTransaction } from './storage.js';
import type { Attribution, ChangeOutcome, ChangeResult, GuildSettings, SettingsStore, Visibility } from './types.js';

export class CachedSettingsStore implements SettingsStore {
  readonly #storage: SettingsStorage;
  readonly #now: () => number;
  readonly #cache = new Map<string, GuildSettings>();

  constructor(storage: SettingsStorage, now: () => number = Date.now) {
    this.#storage = storage;
    this.#now = now;
    for (const settings of storage.loadAll()) this.#cache.set(settings.guildId, settings);
  }

  get(guildId: string): GuildSettings {
    const cached = this.#cache.get(guildId);
    if (cached !== undefined) return cached;
    rules.assertSnowflake('guildId', guildId);
    // Remembered so that the hot path allocates nothing the next time this guild asks.
    const defaults = rules.defaultSettings(guildId);
    this.#cache.set(guildId, defaults);
    return defaults;
  }

  async addChannel(
    guildId: string,
    channelId: string,
    by: string,
  ): Promise<ChangeResult<'added' | 'unchanged' | 'full'>> {
    rules.assertSnowflake('channelId', channelId);
    return this.#change(guildId, by, (current, change) => rules.addChannel(current, channelId, change));
  }

  async removeChannel(guildId: string, channelId: string, by: string): Promise<ChangeResult<'removed' | 'unchanged'>> {
    rules.assertSnowflake('channelId', channelId);
    return this.#change(guildId, by, (current, change) => rules.removeChannel(current, channelId, change));
  }

  async clearChannels(guildId: string, by: string): Promise<ChangeResult<'cleared' | 'unchanged'>> {
    return this.#change(guildId, by, rules.clearChannels);
  }

  async setVisibility(guildId: string, value: Visibility, by: string): Promise<ChangeResult<'set' | 'unchanged'>> {
    if (value !== 'public' && value !== 'ephemeral') throw new RangeError(`unknown visibility ${String(value)}`);
    return this.#change(guildId, by, (current, change) => rules.setScalar(current, 'visibility', value, change));
  }

  async setMentions(guildId: string, value: boolean, by: string): Promise<ChangeResult<'set' | 'unchanged'>> {
    assertBoolean('mentions', value);
    return this.#change(guildId, by, (current, change) => rules.setScalar(current, 'mentions', value, change));
  }

  async setShare(guildId: string, value: boolean, by: string): Promise<ChangeResult<'set' | 'unchanged'>> {
    assertBoolean('share', value);
    return this.#change(guildId, by, (current, change) => rules.setScalar(current, 'share', value, change));
  }

  async reset(guildId: string, by: string): Promise<ChangeResult<'reset' | 'unchanged'>> {
    return this.#change(guildId, by, rules.reset);
  }

  async forgetChannel(channelId: string): Promise<string[]> {
    rules.assertSnowflake('channelId', channelId);
    const committed = await this.#storage.transaction((tx) => {
      const dropped: GuildSettings[] = [];
      for (const guildId of tx.guildsWithChannel(channelId)) {
        const next = rules.dropChannel(readOrDefault(tx, guildId), channelId);
        if (next === undefined) continue;
        tx.write(next);
        dropped.push(next);
      }
      return dropped;
    });
    for (const settings of committed) this.#cache.set(settings.guildId, settings);
    return committed.map((settings) => settings.guildId);
  }

  async forgetGuild(guildId: string): Promise<void> {
    rules.assertSnowflake('guildId', guildId);
    await this.#storage.transaction((tx) => tx.remove(guildId));
    this.#cache.delete(guildId);
  }

  close(): void {
    this.#storage.close();
  }

  async #change<O extends ChangeOutcome>(
    guildId: string,
    by: string,
    rule: (current: GuildSettings, change: Attribution) => ChangeResult<O>,
  ): Promise<ChangeResult<O>> {
    rules.assertSnowflake('guildId', guildId);
    rules.assertSnowflake('by', by);
    const at = this.#now();
    if (!Number.isSafeInteger(at)) throw new RangeError(`the clock must return whole milliseconds, got ${at}`);
    const result = await this.#storage.transaction((tx) => {
      const decided = rule(readOrDefault(tx, guildId), { by, at });
      if (decided.outcome !== 'unchanged' && decided.outcome !== 'full') tx.write(decided.settings);
      return decided;
    });
    // Even an unchanged result refreshes the cache: it was read from the stored truth,
    // which another process may have moved since this one loaded it.
    this.#cache.set(guildId, result.settings);
    return result;
  }
}

// The types already say so; this catches a raw option value ("true") passed through a cast.
function assertBoolean(what: string, value: boolean): void {
  if (typeof value !== 'boolean') throw new RangeError(`${what} must be a boolean, got ${typeof value}`);
}

function readOrDefault(tx: StorageTransaction, guildId: string): GuildSettings {
  return tx.read(guildId) ?? rules.defaultSettings(guildId);
}
