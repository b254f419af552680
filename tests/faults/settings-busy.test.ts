/**
 * Another process holds the settings file's write lock while a moderator changes a setting and
 * other people ask: waiting for the lock must never hold the bot's event loop, so everyone else
 * is answered within Discord's 3 s, and the moderator is told the database is busy, with the
 * refusal logged for the operator.
 *
 * The bot runs as `npm start` runs it, in a process of its own: a local Discord in the same
 * process would stand still whenever the bot's event loop did, and could never see it late.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiscord, type Exchange } from '../../src/sandbox/index.js';
import { SETTINGS_FILE_NAME } from '../../src/settings/index.js';
import { configOptions, dataOf, descriptionOf, eventually, LEVEL, quotesOf, type LogLine } from '../e2e/support.js';

const QUESTION = 'who gets demoted?';
const root = fileURLToPath(new URL('../../', import.meta.url));

let discord: LocalDiscord;
let dataDir: string;
let bot: ChildProcess | undefined;
const logs: LogLine[] = [];
let stderr = '';
/** Called as each interaction callback reaches the local Discord, and as each log line arrives. */
const onCallback = new Set<() => void>();
const onLog = new Set<(line: LogLine) => void>();
const nextCallback = (): Promise<void> =>
  new Promise((resolve) => {
    const seen = (): void => {
      onCallback.delete(seen);
      resolve();
    };
    onCallback.add(seen);
  });
const logged = (matches: (line: LogLine) => boolean, since: number): Promise<LogLine> => {
  const found = logs.slice(since).find(matches);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const seen = (line: LogLine): void => {
      if (!matches(line)) return;
      onLog.delete(seen);
      resolve(line);
    };
    onLog.add(seen);
  });
};

/** The test's environment without any of the bot's settings, plus the local Discord's. */
function botEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(DISCORD_|GUILD_ID$|DATA_DIR$|LOG_LEVEL$|SANDBOX_|SHARD)/.test(name)) env[name] = value;
  }
  return {
    ...env,
    DISCORD_TOKEN: discord.botToken,
    DISCORD_CLIENT_ID: discord.applicationId,
    DISCORD_API: discord.restApi,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
}

beforeAll(async () => {
  discord = await LocalDiscord.start({
    quietMs: 150,
    record: (entry) => {
      if (entry.kind === 'rest' && entry.route === '/interactions/:id/:token/callback')
        for (const seen of [...onCallback]) seen();
    },
  });
  dataDir = await mkdtemp(path.join(tmpdir(), 'policy-bot-busy-'));
  bot = spawn(process.execPath, ['--import', 'tsx', 'src/main/gateway.ts'], {
    cwd: root,
    env: botEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pending = '';
  bot.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const text of lines) {
      const line = JSON.parse(text) as LogLine;
      logs.push(line);
      for (const seen of [...onLog]) seen(line);
    }
  });
  bot.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started = await eventually(() => logs.some((line) => line.msg === 'ready') || bot?.exitCode !== null, 600, 100);
  if (!started || bot.exitCode !== null) throw new Error(`the bot did not start: ${stderr}`);
  await discord.whenReady();
}, 90_000);

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    const exited = new Promise((resolve) => bot?.once('close', resolve));
    bot.kill('SIGTERM');
    await exited;
  }
  await discord?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 30_000);

let people = 0;
const ask = (): Promise<Exchange> =>
  discord.command({
    user: discord.world.member(`asker-${++people}`),
    name: 'ask',
    options: [{ name: 'question', value: QUESTION }],
    // Long enough to see a reply that comes late, not just none.
    timeoutMs: 10_000,
  });

/** Answered in time: Discord took the callback, and it holds the cited passage. */
function expectAnsweredInTime(exchange: Exchange): void {
  expect(exchange.rejected).toEqual([]);
  expect(exchange.timedOut).toBe(false);
  expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback']);
  expect(quotesOf(descriptionOf(dataOf(exchange.replies[0])))[0]?.citation).toMatch(/^¶4/);
}

/** What the moderator is finally shown: the edit that replaces the deferral. */
function editOf(exchange: Exchange): string {
  expect(exchange.rejected).toEqual([]);
  const data = dataOf(exchange.replies.find((reply) => reply.kind === 'edit'));
  return `${data.embeds?.[0]?.title ?? ''}\n${data.content ?? ''}`;
}

describe('/config while another process holds the settings file’s write lock', () => {
  it('answers everyone who asks meanwhile in time, tells the moderator it is busy, and logs it', async () => {
    const mod = discord.world.member('moderator', { manageGuild: true });
    const holder = new Database(path.join(dataDir, SETTINGS_FILE_NAME), { fileMustExist: true });
    try {
      holder.exec('BEGIN IMMEDIATE');
      const logStart = logs.length;
      const deferred = nextCallback();
      const configured = discord.command({
        user: mod,
        name: 'config',
        options: configOptions.mentions(false),
        timeoutMs: 15_000,
      });
      // The deferral is the bot's last step before it writes: these questions arrive while it waits on the lock.
      await deferred;
      const asked = await Promise.all([ask(), ask(), ask()]);
      for (const exchange of asked) expectAnsweredInTime(exchange);

      expect(editOf(await configured)).toMatch(/^\nNothing was changed: the settings database is busy\./);
      await logged((line) => line.level === LEVEL.error, logStart);
      const errors = logs.slice(logStart).filter((line) => line.level === LEVEL.error);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ guild: discord.world.defaultGuild.id, err: { kind: 'busy' } });
      expect(JSON.stringify(errors)).not.toContain(QUESTION);

      holder.exec('ROLLBACK');
      const retried = await discord.command({ user: mod, name: 'config', options: configOptions.mentions(false) });
      expect(editOf(retried)).toMatch(/^Setting changed\n/);
    } finally {
      holder.close();
    }
  }, 60_000);
});
