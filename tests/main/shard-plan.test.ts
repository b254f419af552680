import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/main/environment.js';
import { readShardPlan } from '../../src/main/shard-plan.js';

describe('which shards this machine runs', () => {
  it('runs every shard, as many as Discord recommends, when neither variable is set', () => {
    expect(readShardPlan({})).toEqual({ count: 'auto', list: undefined });
    expect(readShardPlan({ SHARD_COUNT: ' ', SHARD_LIST: '' })).toEqual({ count: 'auto', list: undefined });
  });

  it('runs every one of SHARD_COUNT shards without a list', () => {
    expect(readShardPlan({ SHARD_COUNT: '4' })).toEqual({ count: 4, list: undefined });
  });

  it.each([
    ['0,1', [0, 1]],
    ['2-3', [2, 3]],
    [' 3 , 0 - 1 ', [0, 1, 3]],
    ['5', [5]],
    ['0-5', [0, 1, 2, 3, 4, 5]],
  ])('reads SHARD_LIST=%s of 6 shards as %j', (list, shards) => {
    expect(readShardPlan({ SHARD_COUNT: '6', SHARD_LIST: list })).toEqual({ count: 6, list: shards });
  });

  it.each([
    [{ SHARD_LIST: '0,1' }, /SHARD_LIST needs SHARD_COUNT: every machine must be told the same total/],
    [{ SHARD_COUNT: 'auto', SHARD_LIST: '0' }, /SHARD_LIST needs SHARD_COUNT/],
    [{ SHARD_COUNT: '2', SHARD_LIST: '2' }, /names shard 2, but with SHARD_COUNT=2 the shards are 0 to 1/],
    [{ SHARD_COUNT: '4', SHARD_LIST: '2-4' }, /names shard 4, but with SHARD_COUNT=4 the shards are 0 to 3/],
    [{ SHARD_COUNT: '4', SHARD_LIST: '3-1' }, /the range "3-1" runs backwards/],
    [{ SHARD_COUNT: '4', SHARD_LIST: '0-2,1' }, /names shard 1 twice/],
    [{ SHARD_COUNT: '4', SHARD_LIST: '0,,1' }, /separated by commas .*""/],
    [{ SHARD_COUNT: '4', SHARD_LIST: 'one' }, /"one" is neither/],
    [{ SHARD_COUNT: '4', SHARD_LIST: '-1' }, /"-1" is neither/],
    [{ SHARD_COUNT: '4', SHARD_LIST: '1.5' }, /"1.5" is neither/],
    [{ SHARD_COUNT: '0', SHARD_LIST: '0' }, /SHARD_COUNT must be a positive whole number/],
  ])('refuses %j, saying what to write', (env, message) => {
    expect(() => readShardPlan(env)).toThrow(EnvironmentError);
    expect(() => readShardPlan(env)).toThrow(message);
  });
});
