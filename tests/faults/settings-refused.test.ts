/**
 * A moderator changes a setting while the settings database cannot take the write: another
 * connection holds the lock, or the store was opened read-only. `/config` must say plainly that
 * nothing changed, and nothing must change, in memory or on disk.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ChannelType } from 'discord.js';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Invocation, Options } from '../../commands/command.js';
import { config } from '../../commands/config.js';
import { isProblem, type Reply } from '../../src/replies/answer.js';
import { openSettingsStore, SETTINGS_FILE_NAME, type SettingsStore } from '../../src/settings/index.js';
import { corpus, payloadProblems, render, search } from '../junk/support.js';

const GUILD = '100000000000000001';
const MOD = '300000000000000001';
const OTHER_MOD = '300000000000000002';
const LISTED = '200000000000000001';
const UNLISTED = '200000000000000002';

const dirs: string[] = [];
const stores: SettingsStore[] = [];
const connections: Database.Database[] = [];
afterEach(() => {
  for (const db of connections.splice(0)) if (db.open) db.close();
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-bot-faults-'));
  dirs.push(dir);
  return dir;
}

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** A pino logger whose lines land in `lines`. */
function capture(): { logger: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) }),
    lines,
  };
}

function open(
  dataDir: string,
  options: { busyTimeoutMs?: number; readonly?: boolean; logger?: pino.Logger } = {},
): SettingsStore {
  const store = openSettingsStore({ dataDir, ...options });
  stores.push(store);
  return store;
}

function raw(dataDir: string, readonly = false): Database.Database {
  const db = new Database(path.join(dataDir, SETTINGS_FILE_NAME), { fileMustExist: true, readonly });
  connections.push(db);
  return db;
}

const invocation = (userId: string): Invocation => ({
  userId,
  guildId: GUILD,
  channelId: LISTED,
  channels: new Map([
    [LISTED, { type: ChannelType.GuildText }],
    [UNLISTED, { type: ChannelType.GuildText }],
  ]),
});

/** `/config …` as the router runs it: flattened options, the store as the context's settings. */
function slash(store: SettingsStore, options: Options, userId = MOD): Promise<Reply> {
  return Promise.resolve(config.execute(options, { corpus, search, settings: store }, invocation(userId)));
}

/** The "Reset to defaults" button under `/config reset`. */
async function pressReset(store: SettingsStore, userId = MOD): Promise<Reply> {
  return (await config.buttons![0]!.press(['reset'], { corpus, search, settings: store }, invocation(userId))).reply;
}

/** Every change a moderator can ask for, each of which would move the seeded settings. */
const CHANGES: readonly [string, (store: SettingsStore) => Promise<Reply>][] = [
  ['/config visibility mode:ephemeral', (s) => slash(s, { _subcommand: 'visibility', mode: 'ephemeral' }, OTHER_MOD)],
  ['/config mentions enabled:true', (s) => slash(s, { _subcommand: 'mentions', enabled: true }, OTHER_MOD)],
  ['/config share enabled:false', (s) => slash(s, { _subcommand: 'share', enabled: false }, OTHER_MOD)],
  ['/config channels add', (s) => slash(s, { _group: 'channels', _subcommand: 'add', channel: UNLISTED }, OTHER_MOD)],
  [
    '/config channels remove',
    (s) => slash(s, { _group: 'channels', _subcommand: 'remove', channel: LISTED }, OTHER_MOD),
  ],
  ['/config channels clear', (s) => slash(s, { _group: 'channels', _subcommand: 'clear' }, OTHER_MOD)],
  ['Reset to defaults', (s) => pressReset(s, OTHER_MOD)],
];

/** A guild with a listed channel and @mentions off, set by MOD. */
async function seed(store: SettingsStore): Promise<void> {
  expect(await slash(store, { _group: 'channels', _subcommand: 'add', channel: LISTED })).toMatchObject({
    title: 'Answer channel added',
  });
  expect(await slash(store, { _subcommand: 'mentions', enabled: false })).toMatchObject({ title: 'Setting changed' });
}

/** The rows as stored, read through a connection of their own. */
function storedRows(dataDir: string): unknown {
  const db = raw(dataDir, true);
  const rows = {
    guilds: db.prepare('SELECT * FROM guild_settings ORDER BY guild_id').all(),
    channels: db.prepare('SELECT * FROM answer_channels ORDER BY guild_id, position').all(),
    integrity: db.pragma('integrity_check', { simple: true }),
  };
  db.close();
  return rows;
}

/** One error line for each of `count` refused changes, naming the guild and the cause. */
function expectLoggedRefusals(lines: readonly LogLine[], count: number, kind: string): void {
  expect(lines).toHaveLength(count);
  for (const line of lines) {
    expect(line).toMatchObject({ level: 50, msg: 'settings change not saved', guild: GUILD, err: { kind } });
  }
}

function expectNothingChanged(reply: Reply, why: RegExp, what: string): void {
  expect(isProblem(reply), what).toBe(true);
  if (!isProblem(reply)) return;
  expect(reply.problem, what).toMatch(/^Nothing was changed: /);
  expect(reply.problem, what).toMatch(why);
  const payload = render(reply);
  // Said to the moderator alone, within limits, pinging no one.
  expect(payload.flags, what).toBeDefined();
  expect(payload.content).toBe(reply.problem);
  expect(payloadProblems(payload), what).toEqual([]);
}

describe('/config while another connection holds the settings database’s write lock', () => {
  it('answers that nothing was changed, changes nothing, and takes the change once the lock is gone', async () => {
    const dataDir = tempDir();
    const { logger, lines } = capture();
    const bot = open(dataDir, { busyTimeoutMs: 50, logger });
    const second = open(dataDir, { busyTimeoutMs: 50 });
    await seed(bot);
    const before = bot.get(GUILD);
    const rowsBefore = storedRows(dataDir);

    const holder = raw(dataDir);
    holder.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    const reply = await slash(bot, { _subcommand: 'visibility', mode: 'ephemeral' });
    const waited = performance.now() - started;
    expectNothingChanged(reply, /busy/, 'visibility');
    // It waited for the lock as configured, and not much longer: a deferred reply has 15 minutes, a moderator less patience.
    expect(waited).toBeGreaterThanOrEqual(25);
    expect(waited).toBeLessThan(3_000);
    for (const [what, change] of CHANGES) {
      expectNothingChanged(await change(bot), /busy/, what);
      expectNothingChanged(await change(second), /busy/, `${what} (second store)`);
    }
    expectLoggedRefusals(
      lines.filter((line) => line.level >= 40),
      CHANGES.length + 1,
      'busy',
    );
    // Reading goes on: /config show answers from memory, with the settings as they were.
    const shown = await slash(bot, { _subcommand: 'show' });
    expect(isProblem(shown)).toBe(false);
    expect(JSON.stringify(shown)).toContain(`<#${LISTED}>`);
    expect(bot.get(GUILD)).toEqual(before);
    expect(second.get(GUILD).visibility).toBe('public');

    holder.exec('ROLLBACK');
    // Released: still as it was, in memory and on disk, until someone sets it again.
    expect(bot.get(GUILD)).toEqual(before);
    expect(storedRows(dataDir)).toEqual(rowsBefore);
    const reopened = open(dataDir);
    expect(reopened.get(GUILD)).toEqual(before);
    expect(reopened.get(GUILD).changed.visibility).toBeUndefined();

    expect(await slash(bot, { _subcommand: 'visibility', mode: 'ephemeral' })).toMatchObject({
      title: 'Visibility changed',
    });
    expect(bot.get(GUILD).visibility).toBe('ephemeral');
    for (const store of stores.splice(0)) store.close();
    const after = open(dataDir).get(GUILD);
    expect([after.visibility, after.mentions, after.share, after.answerChannels]).toEqual([
      'ephemeral',
      false,
      true,
      [LISTED],
    ]);
    expect(after.changed.visibility?.by).toBe(MOD);
    expect(after.changed.mentions).toEqual(before.changed.mentions);
  });

  it('writes none of a change interrupted by the lock: a second store sees only what was committed', async () => {
    const dataDir = tempDir();
    const bot = open(dataDir, { busyTimeoutMs: 50 });
    await seed(bot);
    const holder = raw(dataDir);
    holder.exec('BEGIN IMMEDIATE');
    // The holder's own uncommitted write is never what the bot reports or keeps.
    holder.prepare('UPDATE guild_settings SET share = 0 WHERE guild_id = ?').run(GUILD);
    expectNothingChanged(await pressReset(bot), /busy/, 'reset');
    expect(bot.get(GUILD).share).toBe(true);
    holder.exec('ROLLBACK');
    const rows = storedRows(dataDir) as { guilds: { share: number; mentions: number }[]; integrity: unknown };
    expect(rows.integrity).toBe('ok');
    expect(rows.guilds.map((g) => [g.share, g.mentions])).toEqual([[1, 0]]);
    expect(await pressReset(bot)).toMatchObject({ title: 'Settings reset' });
    expect(open(dataDir).get(GUILD)).toMatchObject({
      answerChannels: [],
      mentions: true,
      share: true,
      visibility: 'public',
    });
  });
});

describe('/config on a store opened read-only', () => {
  it('answers every change with “nothing was changed”, still shows the settings, and leaves the file byte for byte', async () => {
    const dataDir = tempDir();
    const writable = open(dataDir);
    await seed(writable);
    const before = writable.get(GUILD);
    writable.close();
    stores.splice(0);
    const file = path.join(dataDir, SETTINGS_FILE_NAME);
    const digest = (): string => createHash('sha256').update(readFileSync(file)).digest('hex');
    const bytesBefore = digest();
    const rowsBefore = storedRows(dataDir);

    const { logger, lines } = capture();
    const readonly = open(dataDir, { readonly: true, logger });
    expect(readonly.get(GUILD)).toEqual(before);
    for (const [what, change] of CHANGES) expectNothingChanged(await change(readonly), /read-only/, what);
    expectLoggedRefusals(lines, CHANGES.length, 'readonly');
    expect(readonly.get(GUILD)).toEqual(before);
    const shown = JSON.stringify(await slash(readonly, { _subcommand: 'show' }));
    expect(shown).toContain(`<#${LISTED}>`);
    expect(shown).toContain('Answers @mentions:** no');

    readonly.close();
    stores.splice(0);
    expect(digest()).toBe(bytesBefore);
    expect(storedRows(dataDir)).toEqual(rowsBefore);
    expect(open(dataDir).get(GUILD)).toEqual(before);
  });
});

describe('/config after the settings file was deleted or replaced while the bot runs', () => {
  const faults: [string, (file: string) => void][] = [
    [
      'deleted',
      (file) => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      },
    ],
    [
      'replaced by a copy of itself',
      (file) => {
        copyFileSync(file, `${file}.copy`);
        renameSync(`${file}.copy`, file);
      },
    ],
  ];

  for (const [fault, make] of faults) {
    it(`when ${fault}: confirms nothing, logs each refusal, and a restart shows exactly what was confirmed`, async () => {
      const dataDir = tempDir();
      const { logger, lines } = capture();
      const bot = open(dataDir, { logger });
      await seed(bot);
      const before = bot.get(GUILD);
      const file = path.join(dataDir, SETTINGS_FILE_NAME);
      make(file);

      for (const [what, change] of CHANGES) expectNothingChanged(await change(bot), /could not be written/, what);
      expectLoggedRefusals(lines, CHANGES.length, 'missing');
      expect(lines[0]?.['err']).toMatchObject({ file });
      // Still answering from the settings it had.
      expect(bot.get(GUILD)).toEqual(before);

      bot.close();
      stores.splice(0);
      const restarted = open(dataDir).get(GUILD);
      // Nothing was confirmed after the fault, so nothing confirmed is missing after the restart.
      if (fault === 'deleted') expect(restarted).toMatchObject({ answerChannels: [], mentions: true, changed: {} });
      else expect(restarted).toEqual(before);
    });
  }
});
