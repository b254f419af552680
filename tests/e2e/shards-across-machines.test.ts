import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiscord, shardOf, type Exchange, type SandboxGuild, type SandboxUser } from '../../src/sandbox/index.js';
import { dropSchemas, freshSchema, postgresUrl } from '../settings/postgres-support.js';
import {
  botEnv,
  killGroup,
  linesOf,
  polled,
  startSharded,
  stopSharded,
  whenShardsReady,
  type ShardedBot,
} from './sharded-process.js';
import { dataOf, descriptionOf, SLOW_DOWN, verdictOf } from './support.js';

/**
 * A bot split across two machines: two `npm run start:sharded` managers, one holding shard 0 of
 * 2 (SHARD_LIST=0) and the other shard 1 (SHARD_LIST=1), each with a data directory of its own,
 * both on one PostgreSQL database, against a local Discord that routes each guild to its shard.
 */

const LONG = 240_000;

let discord: LocalDiscord;
let schema: string;
const dataDirs: string[] = [];
/** The machines, by the shards they hold now. */
let machineA: ShardedBot | undefined;
let machineB: ShardedBot | undefined;
let onShard0: SandboxGuild;
let onShard1: SandboxGuild;
let people = 0;

async function machine(shardList: string, dataDir: string): Promise<ShardedBot> {
  const bot = startSharded(
    botEnv({
      DISCORD_TOKEN: discord.botToken,
      DISCORD_CLIENT_ID: discord.applicationId,
      DISCORD_API: discord.restApi,
      DATA_DIR: dataDir,
      DATABASE_URL: postgresUrl,
      DATABASE_SCHEMA: schema,
      LOG_LEVEL: 'debug',
      SHARD_COUNT: '2',
      SHARD_LIST: shardList,
    }),
  );
  const shards = shardList.includes('-') ? [0, 1] : [Number(shardList)];
  await whenShardsReady(bot, shards);
  return bot;
}

beforeAll(async () => {
  discord = await LocalDiscord.start({ shards: 2, quietMs: 200, timeoutMs: 60_000, interactionDeadlineMs: 20_000 });
  onShard0 = discord.world.addGuild('Machine A', { shard: 0 });
  onShard1 = discord.world.addGuild('Machine B', { shard: 1 });
  discord.world.channel(onShard1.id, 'answers');
  schema = freshSchema();
  for (const name of ['a', 'b']) dataDirs.push(await mkdtemp(join(tmpdir(), `policy-bot-machine-${name}-`)));
  // Started together: both bring the one schema up to date at once, taking turns.
  [machineA, machineB] = await Promise.all([machine('0', dataDirs[0]!), machine('1', dataDirs[1]!)]);
  await discord.whenReady(2);
}, LONG);

afterAll(async () => {
  killGroup(machineA);
  killGroup(machineB);
  await discord?.stop();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  await dropSchemas();
}, LONG);

/** Someone in both guilds, new for each test: the answer limit must not carry over between tests. */
function personInBoth(manageGuild = false): SandboxUser {
  const name = `across-${++people}`;
  discord.world.member(name, { guildId: onShard0.id, manageGuild });
  return discord.world.member(name, { guildId: onShard1.id, manageGuild });
}

function ask(user: SandboxUser, where: SandboxGuild | 'dm'): Promise<Exchange> {
  const options = [{ name: 'question', value: 'who gets demoted?' }];
  if (where === 'dm') return discord.command({ user, dm: true, name: 'ask', options });
  return discord.command({ user, guildId: where.id, name: 'ask', options });
}

/** The shards of `bot` that logged the interaction `name` in `guildId` (null: a DM) after log line `since`. */
function loggedBy(bot: ShardedBot, name: string, guildId: string | null, since = 0): unknown[] {
  return bot.logs
    .slice(since)
    .filter((line) => line.msg === 'interaction' && line['name'] === name && (line['guild'] ?? null) === guildId)
    .map((line) => line['shard']);
}

/**
 * The same, once `count` lines are there: a shard's line travels through its manager's stdout
 * and may arrive after the reply it logs (a bound of 30 s on a loaded machine, not an expectation).
 */
async function loggedOnce(
  bot: ShardedBot,
  name: string,
  guildId: string | null,
  { since = 0, count = 1 } = {},
): Promise<unknown[]> {
  await polled(() => loggedBy(bot, name, guildId, since).length >= count, 300, 100);
  return loggedBy(bot, name, guildId, since);
}

describe('shards split across machines (SHARD_COUNT=2, SHARD_LIST=0 and SHARD_LIST=1)', () => {
  it('each machine spawns only the shards of its SHARD_LIST, and each shard holds its own guilds', () => {
    expect([shardOf(onShard0.id, 2), shardOf(onShard1.id, 2)]).toEqual([0, 1]);
    for (const [bot, shard] of [
      [machineA!, 0],
      [machineB!, 1],
    ] as const) {
      expect(linesOf(bot, 'starting shards')[0]).toMatchObject({ shards: 2, chosen: 'SHARD_COUNT', held: [shard] });
      expect(linesOf(bot, 'shard spawned').map((line) => line['shard'])).toEqual([shard]);
      const guilds = discord.world.guilds.filter((guild) => shardOf(guild.id, 2) === shard).length;
      expect(linesOf(bot, 'ready').map((line) => [line['shard'], line['guilds']])).toEqual([[shard, guilds]]);
      // One database for both: nothing says the shards keep their counts apart.
      expect(bot.logs.filter((line) => /without DATABASE_URL/.test(line.msg ?? ''))).toEqual([]);
    }
  });

  it(
    "answers in each guild from its shard's machine, and every DM from the machine with shard 0",
    async () => {
      const user = personInBoth();
      const sinceA = machineA!.logs.length;
      const sinceB = machineB!.logs.length;
      for (const where of [onShard0, onShard1, 'dm'] as const)
        expect(verdictOf(await ask(user, where))).toBe('answered');
      expect(await loggedOnce(machineA!, 'ask', onShard0.id, { since: sinceA })).toEqual([0]);
      expect(await loggedOnce(machineB!, 'ask', onShard1.id, { since: sinceB })).toEqual([1]);
      expect(await loggedOnce(machineA!, 'ask', null, { since: sinceA })).toEqual([0]);
      // Every line the three answers brought is in: none came from the other machine.
      expect(loggedBy(machineB!, 'ask', null, sinceB)).toEqual([]);
      expect(loggedBy(machineA!, 'ask', onShard1.id, sinceA)).toEqual([]);
      expect(loggedBy(machineB!, 'ask', onShard0.id, sinceB)).toEqual([]);
    },
    LONG,
  );

  it(
    "counts one person's answers across both machines: the seventh is refused whichever shard gets it",
    async () => {
      const user = personInBoth();
      const sinceB = machineB!.logs.length;
      // Three answers through each machine, taking turns.
      for (let n = 0; n < 6; n++)
        expect(verdictOf(await ask(user, n % 2 === 0 ? onShard0 : onShard1))).toBe('answered');
      for (const where of [onShard1, onShard0, 'dm'] as const) {
        const exchange = await ask(user, where);
        expect(verdictOf(exchange)).toBe('refused');
        const seconds = Number(SLOW_DOWN.exec(dataOf(exchange.replies[0]).content ?? '')?.[1]);
        expect(seconds).toBeGreaterThanOrEqual(1);
        expect(seconds).toBeLessThanOrEqual(30);
      }
      // Machine B did refuse one itself: the count it consulted held machine A's answers.
      expect(await loggedOnce(machineB!, 'ask', onShard1.id, { since: sinceB, count: 4 })).toEqual([1, 1, 1, 1]);
    },
    LONG,
  );

  it(
    'answers exactly six of eight asks sent at once through both machines',
    async () => {
      const user = personInBoth();
      const exchanges = await Promise.all(
        Array.from({ length: 8 }, (_, n) => ask(user, n % 2 === 0 ? onShard0 : onShard1)),
      );
      const verdicts = exchanges.map(verdictOf);
      expect(verdicts.filter((verdict) => verdict === 'answered')).toHaveLength(6);
      expect(verdicts.filter((verdict) => verdict === 'refused')).toHaveLength(2);
    },
    LONG,
  );

  it(
    "keeps a setting made through machine B's shard when machine A, which never saw it, takes over both shards",
    async () => {
      const mod = personInBoth(true);
      const answers = discord.world.channel(onShard1.id, 'answers').id;
      const configure = (options: unknown[]): Promise<Exchange> =>
        discord.command({ user: mod, guildId: onShard1.id, name: 'config', options: options as never });
      const added = await configure([
        { name: 'channels', options: [{ name: 'add', options: [{ name: 'channel', value: answers }] }] },
      ]);
      expect(added.denied).toBeUndefined();
      expect(dataOf(added.replies[1]).embeds?.[0]?.title).toBe('Answer channel added');
      expect(await loggedOnce(machineB!, 'config', onShard1.id)).toEqual([1]);

      // Machine B goes away; machine A is restarted to run both shards, with its own data directory.
      expect(await stopSharded(machineB!)).toEqual({ code: 0, signal: null });
      expect(await stopSharded(machineA!)).toEqual({ code: 0, signal: null });
      machineB = undefined;
      machineA = await machine('0-1', dataDirs[0]!);
      await discord.whenReady(2);
      expect(linesOf(machineA, 'starting shards')[0]).toMatchObject({ held: [0, 1] });

      const shown = await configure([{ name: 'show' }]);
      expect(shown.denied).toBeUndefined();
      expect(dataOf(shown.replies[1]).embeds?.[0]?.title).toBe('Settings for this server');
      expect(descriptionOf(dataOf(shown.replies[1]))).toContain(`<#${answers}>`);
      expect(await loggedOnce(machineA, 'config', onShard1.id)).toEqual([1]);
      // And it is obeyed: outside the answer channel the answer is private.
      const elsewhere = await ask(personInBoth(), onShard1);
      expect(verdictOf(elsewhere)).toBe('answered');
      expect(elsewhere.replies[0]?.ephemeral).toBe(true);
    },
    LONG,
  );
});

describe('npm run start:sharded with a SHARD_LIST it cannot run', () => {
  const token = `${'a'.repeat(24)}.${'b'.repeat(6)}.${'c'.repeat(27)}`;
  it.each([
    [{ SHARD_LIST: '0,1' }, /SHARD_LIST needs SHARD_COUNT/],
    [{ SHARD_COUNT: '2', SHARD_LIST: '1-2' }, /SHARD_LIST names shard 2, but with SHARD_COUNT=2 the shards are 0 to 1/],
  ])(
    'refuses %j before spawning anything, saying what to write',
    async (shards, message) => {
      const run = startSharded(botEnv({ DISCORD_TOKEN: token, DISCORD_CLIENT_ID: '123456789012345678', ...shards }));
      const exit = await run.exited;
      expect(exit.code).toBe(1);
      expect(run.stderr()).toMatch(/^policy-bot cannot start: /);
      expect(run.stderr()).toMatch(message);
      expect(linesOf(run, 'shard spawned')).toEqual([]);
    },
    LONG,
  );
});
