/**
 * The one SettingsStore implementation: reads from a Map, writes through to a storage.
 * The Map is updated only after the storage has committed, so a failed write leaves
 * memory and storage both as they were; what other processes change reaches the Map
 * through the storage's watcher, when it has one.
 */
import type { Logger } from 'pino';
import * as rules from './rules.js';
import type { SettingsStorage, StorageDecision, StoredGuild } from './storage.js';
import type { Attribution, ChangeOutcome, ChangeResult, GuildSettings, SettingsStore, Visibility } from './types.js';

export interface CachedSettingsStoreOptions {
  readonly now?: (() => number) | undefined;
  /** Every failed write is logged here at error, with the guild (or channel) and the cause. */
  readonly logger?: Logger | undefined;
}

export class CachedSettingsStore implements SettingsStore {
  readonly #storage: SettingsStorage;
  readonly #now: () => number;
  readonly #logger: Logger | undefined;
  readonly #cache = new Map<string, GuildSettings>();
  /** The revision each cached guild was known at; kept apart so that `get` reads one Map only. */
  readonly #revisions = new Map<string, bigint>();

  /** `loaded`: everything the storage held when it was opened. */
  constructor(storage: SettingsStorage, loaded: readonly StoredGuild[], options: CachedSettingsStoreOptions = {}) {
    this.#storage = storage;
    this.#now = options.now ?? Date.now;
    this.#logger = options.logger;
    this.#replaceAll(loaded);
    storage.watch?.({ changed: (stored) => this.#offer(stored), reloaded: (all) => this.#replaceAll(all) });
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

  /** Each guild's list is changed atomically; a failure part-way leaves the guilds already done changed. */
  async forgetChannel(channelId: string): Promise<string[]> {
    rules.assertSnowflake('channelId', channelId);
    const guildIds = await this.#logged({ channel: channelId }, () => this.#storage.guildsWithChannel(channelId));
    const dropped: string[] = [];
    for (const guildId of guildIds) {
      const changed = await this.#update(guildId, { channel: channelId }, (stored) => {
        const next = rules.dropChannel(stored ?? rules.defaultSettings(guildId), channelId);
        return next === undefined ? { result: false } : { result: true, write: next };
      });
      if (changed) dropped.push(guildId);
    }
    return dropped;
  }

  async forgetGuild(guildId: string): Promise<void> {
    rules.assertSnowflake('guildId', guildId);
    const removed = await this.#logged({ guild: guildId }, () => this.#storage.remove(guildId));
    this.#offer(removed);
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
    return this.#update(guildId, { guild: guildId }, (stored) => {
      const decided = rule(stored ?? rules.defaultSettings(guildId), { by, at });
      const moved = decided.outcome !== 'unchanged' && decided.outcome !== 'full';
      return moved ? { result: decided, write: decided.settings } : { result: decided };
    });
  }

  async #update<T>(
    guildId: string,
    about: { guild: string } | { channel: string },
    decide: (stored: GuildSettings | undefined) => StorageDecision<T>,
  ): Promise<T> {
    const { result, stored } = await this.#logged(about, () => this.#storage.update(guildId, decide));
    // Even an unchanged result refreshes the cache: it was read from the stored truth,
    // which another process may have moved since this one loaded it.
    this.#offer(stored);
    return result;
  }

  /** The operator hears of every write that failed; the moderator is told by the caller. */
  async #logged<T>(about: { guild: string } | { channel: string }, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.#logger?.error({ ...about, err: error }, 'settings change not saved');
      throw error;
    }
  }

  /** Takes what a storage says unless a newer revision is known already; returns whether it did. */
  #offer(stored: StoredGuild): boolean {
    const known = this.#revisions.get(stored.guildId);
    if (known !== undefined && known >= stored.revision) return false;
    this.#revisions.set(stored.guildId, stored.revision);
    this.#cache.set(stored.guildId, stored.settings ?? rules.defaultSettings(stored.guildId));
    return true;
  }

  /** A full read is the truth as of now: guilds it does not hold are back to defaults. */
  #replaceAll(all: readonly StoredGuild[]): void {
    this.#cache.clear();
    this.#revisions.clear();
    for (const stored of all) this.#offer(stored);
  }
}

// The types already say so; this catches a raw option value ("true") passed through a cast.
function assertBoolean(what: string, value: boolean): void {
  if (typeof value !== 'boolean') throw new RangeError(`${what} must be a boolean, got ${typeof value}`);
}
