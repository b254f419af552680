import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiscord, shardOf, type Exchange, type SandboxGuild, type SandboxUser } from '../../src/sandbox/index.js';
import { botEnv, linesOf, startSharded, type ShardedBot, type ShardLogLine } from './sharded-process.js';
import { dataOf, descriptionOf, eventually, quotesOf } from './support.js';

/**
 * `npm run start:sharded` as an operator runs it: a child process (the ShardingManager) that
 * spawns one process per shard, against a local Discord that recommends 2 shards.
 */

// Generous bounds for a loaded 2-core machine: each is a limit on a wait, never an expectation.
const START_POLLS = 1_200; // × 100 ms
const EXIT_WAIT_MS = 90_000;
const LONG = 240_000;

function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms)),
  );
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

const lines = (bot: ShardedBot, msg: string): ShardLogLine[] => linesOf(bot, msg);

async function whenAllShardsReady(bot: ShardedBot, discord: LocalDiscord): Promise<void> {
  // The manager hears "ready" over IPC, possibly before the shard's own "ready" line reaches stdout: wait for both.
  const shardsReady = (): boolean =>
    lines(bot, 'all shards ready').length > 0 && new Set(lines(bot, 'ready').map((line) => line['shard'])).size === 2;
  const ready = await eventually(() => shardsReady() || bot.child.exitCode !== null, START_POLLS, 100);
  if (!ready || bot.child.exitCode !== null)
    throw new Error(`the sharded bot did not start:\n${bot.stderr()}\n${JSON.stringify(bot.logs.slice(-20))}`);
  await withinMs(discord.whenReady(2), 30_000, 'two live shard sessions');
}

/** Kills whatever is left of a run (the manager and its shards, one process group). */
function killGroup(bot: ShardedBot | undefined): void {
  if (!bot?.child.pid || bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  try {
    process.kill(-bot.child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let discord: LocalDiscord;
let dataDir: string;
let bot: ShardedBot | undefined;
let onShard0: SandboxGuild;
let onShard1: SandboxGuild;
let people = 0;
const member = (guild: SandboxGuild, manageGuild = false): SandboxUser =>
  discord.world.member(`sharded-${++people}`, { guildId: guild.id, manageGuild });

beforeAll(async () => {
  discord = await LocalDiscord.start({ shards: 2, quietMs: 200, timeoutMs: 60_000, interactionDeadlineMs: 20_000 });
  onShard0 = discord.world.addGuild('Shard zero', { shard: 0 });
  onShard1 = discord.world.addGuild('Shard one', { shard: 1 });
  discord.world.channel(onShard1.id, 'answers');
  dataDir = await mkdtemp(join(tmpdir(), 'policy-bot-sharded-'));
  bot = startSharded(
    botEnv({
      DISCORD_TOKEN: discord.botToken,
      DISCORD_CLIENT_ID: discord.applicationId,
      DISCORD_API: discord.restApi,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
    }),
  );
  await whenAllShardsReady(bot, discord);
}, LONG);

afterAll(async () => {
  killGroup(bot);
  await discord?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, LONG);

function ask(guild: SandboxGuild | 'dm'): Promise<Exchange> {
  const options = [{ name: 'question', value: 'who gets demoted?' }];
  if (guild === 'dm')
    return discord.command({ user: discord.world.member(`sharded-${++people}`), dm: true, name: 'ask', options });
  return discord.command({ user: member(guild), guildId: guild.id, name: 'ask', options });
}

/** The shards whose processes logged the interaction `name` in `guildId` (null: a DM), after log line `since`. */
async function answeringShard(name: string, guildId: string | null, since = 0): Promise<unknown[]> {
  const logged = (): ShardLogLine[] =>
    bot!.logs
      .slice(since)
      .filter((line) => line.msg === 'interaction' && line['name'] === name && (line['guild'] ?? null) === guildId);
  await eventually(() => logged().length > 0, 300, 100);
  return logged().map((line) => line['shard']);
}

describe('npm run start:sharded', () => {
  it('spawns one process per recommended shard; each identifies as its own shard and holds its guilds', () => {
    expect(shardOf(onShard0.id, 2)).toBe(0);
    expect(shardOf(onShard1.id, 2)).toBe(1);
    expect(lines(bot!, 'starting shards')[0]).toMatchObject({ shards: 2, chosen: 'recommended by Discord' });
    const spawned = lines(bot!, 'shard spawned');
    expect(spawned.map((line) => line['shard']).sort()).toEqual([0, 1]);
    expect(new Set(spawned.map((line) => line['childPid'])).size).toBe(2);
    expect(
      lines(bot!, 'shard ready')
        .map((line) => line['shard'])
        .sort(),
    ).toEqual([0, 1]);
    expect(discord.stats.identifies).toBeGreaterThanOrEqual(2);
    // Each shard process says it is ready with the guilds the local Discord sent that shard only.
    const guildsOn = (shard: number): number =>
      discord.world.guilds.filter((guild) => shardOf(guild.id, 2) === shard).length;
    const ready = lines(bot!, 'ready');
    expect(ready.map((line) => [line['shard'], line['guilds']]).sort()).toEqual([
      [0, guildsOn(0)],
      [1, guildsOn(1)],
    ]);
  });

  it(
    "answers /ask in a guild of each shard, from that shard's process",
    async () => {
      for (const [guild, shard] of [
        [onShard0, 0],
        [onShard1, 1],
      ] as const) {
        const exchange = await ask(guild);
        expect(exchange.denied).toBeUndefined();
        expect(exchange.replies[0]?.kind).toBe('callback');
        expect(quotesOf(descriptionOf(dataOf(exchange.replies[0])))[0]?.citation).toMatch(/^¶4/);
        expect(await answeringShard('ask', guild.id)).toEqual([shard]);
      }
    },
    LONG,
  );

  it(
    'answers /ask in a DM, from shard 0',
    async () => {
      const exchange = await ask('dm');
      expect(exchange.denied).toBeUndefined();
      expect(quotesOf(descriptionOf(dataOf(exchange.replies[0])))[0]?.citation).toMatch(/^¶4/);
      expect(await answeringShard('ask', null)).toEqual([0]);
    },
    LONG,
  );

  it(
    'respawns a shard whose process dies, and that shard answers again',
    async () => {
      const since = bot!.logs.length;
      const [victim] = lines(bot!, 'shard spawned').filter((line) => line['shard'] === 1);
      process.kill(Number(victim?.['childPid']), 'SIGKILL');
      const respawned = await eventually(
        () => bot!.logs.slice(since).some((line) => line.msg === 'shard ready' && line['shard'] === 1),
        START_POLLS,
        100,
      );
      expect(respawned).toBe(true);
      await withinMs(discord.whenReady(2), 30_000, 'two live shard sessions');
      const died = bot!.logs.slice(since).filter((line) => line.msg === 'shard died; respawning');
      expect(died.map((line) => [line['shard'], line['signal']])).toEqual([[1, 'SIGKILL']]);
      expect(
        bot!.logs
          .slice(since)
          .filter((line) => line.msg === 'shard spawned')
          .map((line) => line['shard']),
      ).toEqual([1]);

      const exchange = await ask(onShard1);
      expect(quotesOf(descriptionOf(dataOf(exchange.replies[0])))[0]?.citation).toMatch(/^¶4/);
      expect(await answeringShard('ask', onShard1.id, since)).toEqual([1]);
    },
    LONG,
  );

  it(
    'keeps an answer channel set through shard 1 across SIGTERM (exit 0) and a new start with SHARD_COUNT=2',
    async () => {
      const mod = member(onShard1, true);
      const answers = discord.world.channel(onShard1.id, 'answers').id;
      const added = await discord.command({
        user: mod,
        guildId: onShard1.id,
        name: 'config',
        options: [{ name: 'channels', options: [{ name: 'add', options: [{ name: 'channel', value: answers }] }] }],
      });
      expect(added.denied).toBeUndefined();
      expect(dataOf(added.replies[1]).embeds?.[0]?.title).toBe('Answer channel added');
      expect(await answeringShard('config', onShard1.id)).toEqual([1]);

      const first = bot!;
      const pids = lines(first, 'shard spawned').map((line) => Number(line['childPid']));
      const since = first.logs.length;
      first.child.kill('SIGTERM');
      expect(await withinMs(first.exited, EXIT_WAIT_MS, 'exit after SIGTERM')).toEqual({ code: 0, signal: null });
      const afterSignal = first.logs.slice(since);
      expect(
        afterSignal
          .filter((line) => line.msg === 'shard stopped')
          .map((line) => [line['shard'], line['code']])
          .sort(),
      ).toEqual([
        [0, 0],
        [1, 0],
      ]);
      expect(
        afterSignal.filter((line) => line.msg === 'shard died; respawning' || line.msg === 'shard spawned'),
      ).toEqual([]);
      // Each shard stopped itself (its replies finished, storage closed), then the manager.
      expect(
        afterSignal
          .filter((line) => line.msg === 'stopped')
          .map((line) => line['shard'])
          .sort(),
      ).toEqual([0, 1, undefined]);
      expect(pids.filter(isAlive)).toEqual([]);

      const identifiesBefore = discord.stats.identifies;
      bot = startSharded(
        botEnv({
          DISCORD_TOKEN: discord.botToken,
          DISCORD_CLIENT_ID: discord.applicationId,
          DISCORD_API: discord.restApi,
          DATA_DIR: dataDir,
          LOG_LEVEL: 'debug',
          SHARD_COUNT: '2',
        }),
      );
      await whenAllShardsReady(bot, discord);
      expect(lines(bot, 'starting shards')[0]).toMatchObject({ shards: 2, chosen: 'SHARD_COUNT' });
      expect(discord.stats.identifies - identifiesBefore).toBeGreaterThanOrEqual(2);

      const shown = await discord.command({
        user: mod,
        guildId: onShard1.id,
        name: 'config',
        options: [{ name: 'show' }],
      });
      expect(shown.denied).toBeUndefined();
      expect(dataOf(shown.replies[1]).embeds?.[0]?.title).toBe('Settings for this server');
      expect(descriptionOf(dataOf(shown.replies[1]))).toContain(`<#${answers}>`);
      // And the setting is in force: outside the answer channel the answer is private.
      const elsewhere = await ask(onShard1);
      expect(elsewhere.replies[0]?.ephemeral).toBe(true);
    },
    LONG,
  );
});

describe('npm run start:sharded with a bad environment', () => {
  it(
    'refuses to start without DISCORD_TOKEN, saying how to fix it',
    async () => {
      const run = startSharded(botEnv({ DISCORD_CLIENT_ID: '123456789012345678' }));
      const exit = await withinMs(run.exited, EXIT_WAIT_MS, 'exit');
      expect(exit.code).not.toBe(0);
      expect(exit.code).not.toBeNull();
      expect(run.stderr()).toMatch(/DISCORD_TOKEN is not set/);
      expect(run.stderr()).toContain('.env.example');
      expect(run.stderr()).toContain('npm run sandbox');
      expect(lines(run, 'shard spawned')).toEqual([]);
    },
    LONG,
  );

  it(
    'refuses a SHARD_COUNT that is not a positive whole number',
    async () => {
      const token = `${'a'.repeat(24)}.${'b'.repeat(6)}.${'c'.repeat(27)}`;
      for (const count of ['0', '-1', '1.5', 'two']) {
        const run = startSharded(
          botEnv({ DISCORD_TOKEN: token, DISCORD_CLIENT_ID: '123456789012345678', SHARD_COUNT: count }),
        );
        const exit = await withinMs(run.exited, EXIT_WAIT_MS, 'exit');
        expect(exit.code).toBe(1);
        expect(run.stderr()).toMatch(/SHARD_COUNT must be a positive whole number/);
      }
    },
    LONG,
  );
});
