/** Discord's epoch (2015-01-01T00:00:00Z): snowflake timestamps count from here. */
export const DISCORD_EPOCH = 1_420_070_400_000;

/**
 * Real-looking snowflakes (timestamp << 22 | worker << 17 | increment). They must be 17–19
 * digits: @discordjs/rest buckets routes by `\d{17,19}` ids, and short ids would share a queue.
 * Pass a fixed `clock` to get the same ids on every run.
 */
export class SnowflakeGenerator {
  #lastMs = 0;
  #increment = 0;

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly workerId = 1,
  ) {}

  next(): string {
    let ms = Math.max(this.clock(), this.#lastMs);
    if (ms === this.#lastMs) {
      this.#increment++;
      // 4096 ids per millisecond: borrow the next millisecond rather than repeat an id.
      if (this.#increment > 4095) {
        ms++;
        this.#increment = 0;
      }
    } else {
      this.#increment = 0;
    }
    this.#lastMs = ms;
    return this.#compose(ms, this.#increment);
  }

  /**
   * An id whose timestamp puts it on `shard` of `shardCount`. Guilds are spread over shards
   * by `(id >> 22) % shardCount`, so a guild meant for shard 1 needs a matching millisecond.
   */
  nextOnShard(shard: number, shardCount: number): string {
    let ms = Math.max(this.clock(), this.#lastMs + 1);
    while ((ms - DISCORD_EPOCH) % shardCount !== shard) ms++;
    this.#lastMs = ms;
    this.#increment = 0;
    return this.#compose(ms, 0);
  }

  #compose(ms: number, increment: number): string {
    const id = (BigInt(ms - DISCORD_EPOCH) << 22n) | (BigInt(this.workerId & 31) << 17n) | BigInt(increment);
    return id.toString();
  }
}

/** The shard Discord routes a guild's events to; DMs always go to shard 0. */
export function shardOf(guildId: string | null, shardCount: number): number {
  if (guildId === null || shardCount <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export function timestampOf(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
}
