import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WATCH_INTERVAL_MS } from '../../src/settings/sqlite-storage.js';
import {
  MAX_ANSWER_CHANNELS,
  SETTINGS_FILE_NAME,
  SettingsStoreError,
  openSettingsStore,
  type SettingsStore,
} from '../../src/settings/index.js';
import { FakeClock, GUILD, MOD, OTHER_GUILD, OTHER_MOD, channel, makeTempDir, removeTempDirs } from './support.js';

const open: SettingsStore[] = [];
const rawConnections: Database.Database[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
  for (const db of rawConnections.splice(0)) db.close();
  removeTempDirs();
});

function openStore(dataDir: string, clock: FakeClock, busyTimeoutMs?: number): SettingsStore {
  const store = openSettingsStore({ dataDir, now: clock.now, busyTimeoutMs });
  open.push(store);
  return store;
}

function rawConnection(dataDir: string): Database.Database {
  const db = new Database(path.join(dataDir, SETTINGS_FILE_NAME), { fileMustExist: true });
  rawConnections.push(db);
  return db;
}

describe('two connections writing the same settings file', () => {
  it('keeps every write from both, each deciding on the stored truth rather than its own cache', async () => {
    const dataDir = makeTempDir();
    const clock = new FakeClock();
    const first = openStore(dataDir, clock);
    const second = openStore(dataDir, clock);
    await first.addChannel(GUILD, channel(1), MOD);
    await second.addChannel(GUILD, channel(2), OTHER_MOD);
    await first.setVisibility(GUILD, 'ephemeral', MOD);
    await second.setMentions(GUILD, false, OTHER_MOD);
    await first.setShare(OTHER_GUILD, false, MOD);
    await second.addChannel(OTHER_GUILD, channel(3), OTHER_MOD);
    // The second store never saw channel 1 through its cache, yet its write kept it.
    expect(second.get(GUILD).answerChannels).toEqual([channel(1), channel(2)]);

    for (let n = 10; first.get(GUILD).answerChannels.length < MAX_ANSWER_CHANNELS - 1; n++) {
      await first.addChannel(GUILD, channel(n), MOD);
    }
    // The cap counts what is stored, including the other connection's channels.
    expect((await second.addChannel(GUILD, channel(98), OTHER_MOD)).outcome).toBe('added');
    expect((await second.addChannel(GUILD, channel(99), OTHER_MOD)).outcome).toBe('full');

    for (const store of open.splice(0)) store.close();
    const reopened = openStore(dataDir, clock);
    const guild = reopened.get(GUILD);
    expect(guild.answerChannels.slice(0, 2)).toEqual([channel(1), channel(2)]);
    expect(guild.answerChannels).toHaveLength(MAX_ANSWER_CHANNELS);
    expect(guild.answerChannels.at(-1)).toBe(channel(98));
    expect([guild.visibility, guild.mentions, guild.share]).toEqual(['ephemeral', false, true]);
    const other = reopened.get(OTHER_GUILD);
    expect([other.share, other.answerChannels]).toEqual([false, [channel(3)]]);
  });

  it("reports 'busy' while another connection holds the write lock, changing nothing, until it is released", async () => {
    const dataDir = makeTempDir();
    const clock = new FakeClock();
    const store = openStore(dataDir, clock, 50);
    await store.addChannel(GUILD, channel(1), MOD);
    const before = store.get(GUILD);
    const holder = rawConnection(dataDir);
    holder.exec('BEGIN IMMEDIATE');

    const attempts: Array<() => Promise<unknown>> = [
      () => store.setVisibility(GUILD, 'ephemeral', OTHER_MOD),
      () => store.addChannel(GUILD, channel(2), OTHER_MOD),
      () => store.reset(GUILD, OTHER_MOD),
      () => store.forgetChannel(channel(1)),
    ];
    for (const attempt of attempts) {
      const started = Date.now();
      let caught: unknown;
      try {
        await attempt();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SettingsStoreError);
      expect(caught).toMatchObject({ kind: 'busy', file: path.join(dataDir, SETTINGS_FILE_NAME) });
      // It waited for busy_timeout before giving up (allowing for timer granularity).
      expect(Date.now() - started).toBeGreaterThanOrEqual(40);
      expect(store.get(GUILD)).toBe(before);
    }

    holder.exec('ROLLBACK');
    expect((await store.setVisibility(GUILD, 'ephemeral', OTHER_MOD)).outcome).toBe('set');
    expect(store.get(GUILD).visibility).toBe('ephemeral');
  });

  it('rolls back a write that fails half-way, leaving the file and memory as they were', async () => {
    const dataDir = makeTempDir();
    const clock = new FakeClock();
    const store = openStore(dataDir, clock);
    const at = clock.advance();
    await store.addChannel(GUILD, channel(1), MOD);
    const before = store.get(GUILD);
    // The second channel row fails after the guild row and the first channel row were written.
    const saboteur = rawConnection(dataDir);
    saboteur.exec(`CREATE TRIGGER refuse_second BEFORE INSERT ON answer_channels WHEN NEW.position = 1
                   BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
    clock.advance();
    await expect(store.addChannel(GUILD, channel(2), OTHER_MOD)).rejects.toThrow(/refused by test/);
    expect(store.get(GUILD)).toBe(before);

    saboteur.exec('DROP TRIGGER refuse_second');
    store.close();
    open.splice(0);
    const reopened = openStore(dataDir, clock).get(GUILD);
    expect(reopened.answerChannels).toEqual([channel(1)]);
    expect(reopened.changed.answerChannels).toEqual({ by: MOD, at });
  });

  it('brings what another process changed into this one’s cache at its next look, a second later', async () => {
    // Only the watch's interval is driven by hand; writes keep their own timers.
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      const dataDir = makeTempDir();
      const clock = new FakeClock();
      const first = openStore(dataDir, clock);
      const second = openStore(dataDir, clock);
      await first.addChannel(GUILD, channel(1), MOD);
      await first.setMentions(GUILD, false, MOD);
      expect(second.get(GUILD).answerChannels).toEqual([]);
      vi.advanceTimersByTime(WATCH_INTERVAL_MS);
      expect(second.get(GUILD)).toMatchObject({ answerChannels: [channel(1)], mentions: false });

      // Either way, and a removal too.
      await second.setShare(GUILD, false, OTHER_MOD);
      expect(first.get(GUILD).share).toBe(true);
      vi.advanceTimersByTime(WATCH_INTERVAL_MS);
      expect(first.get(GUILD)).toMatchObject({ share: false, changed: { share: { by: OTHER_MOD } } });
      await first.forgetGuild(GUILD);
      vi.advanceTimersByTime(WATCH_INTERVAL_MS);
      expect(second.get(GUILD)).toMatchObject({ answerChannels: [], mentions: true, share: true });
    } finally {
      vi.useRealTimers();
    }
  });
});
