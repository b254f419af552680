import { EnvironmentError } from './environment.js';

/**
 * Which shards this machine runs, read from SHARD_COUNT and SHARD_LIST. Every machine of a bot
 * split across machines must agree on the total, so a list always comes with an explicit count.
 */
export interface ShardPlan {
  /** The total number of shards of the bot; 'auto' asks Discord (only when this machine runs them all). */
  readonly count: number | 'auto';
  /** The shards this machine runs, in order; undefined: all of them. */
  readonly list: readonly number[] | undefined;
}

const EXAMPLE = 'for example SHARD_COUNT=4 with SHARD_LIST=0,1 on one machine and SHARD_LIST=2-3 on the other';

/** SHARD_COUNT: a positive whole number, or unset for the count Discord recommends. */
function readCount(raw: string): number | 'auto' {
  if (raw === '' || raw === 'auto') return 'auto';
  const count = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(count) || count < 1) {
    throw new EnvironmentError(
      'SHARD_COUNT must be a positive whole number (for example 2), or left empty to run the number of shards Discord recommends.',
    );
  }
  return count;
}

/** One item of SHARD_LIST: `N` or `FIRST-LAST`. */
function readItem(item: string, count: number): number[] {
  const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(item);
  if (!match) {
    throw new EnvironmentError(
      `SHARD_LIST must be shard numbers and ranges separated by commas (${EXAMPLE}); "${item}" is neither.`,
    );
  }
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  if (last < first)
    throw new EnvironmentError(`SHARD_LIST: the range "${item}" runs backwards; write it lowest first.`);
  if (last >= count) {
    throw new EnvironmentError(
      `SHARD_LIST names shard ${last}, but with SHARD_COUNT=${count} the shards are 0 to ${count - 1}.`,
    );
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function readShardPlan(env: NodeJS.ProcessEnv): ShardPlan {
  const count = readCount(env['SHARD_COUNT']?.trim() ?? '');
  const rawList = env['SHARD_LIST']?.trim() ?? '';
  if (rawList === '') return { count, list: undefined };
  if (count === 'auto') {
    throw new EnvironmentError(
      `SHARD_LIST needs SHARD_COUNT: every machine must be told the same total number of shards (${EXAMPLE}).`,
    );
  }
  const list = new Set<number>();
  for (const item of rawList.split(',').map((part) => part.trim())) {
    for (const shard of readItem(item, count)) {
      if (list.has(shard)) throw new EnvironmentError(`SHARD_LIST names shard ${shard} twice.`);
      list.add(shard);
    }
  }
  return { count, list: [...list].sort((a, b) => a - b) };
}
