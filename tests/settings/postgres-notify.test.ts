/**
 * Several instances on one PostgreSQL database: a change through one is in every other's cache
 * as soon as its notice arrives (asserted by waiting for that notice, never by sleeping), and an
 * instance that lost touch reads everything again when it is back.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { PostgresSettingsStore, StoredGuild } from '../../src/settings/index.js';
import { dropSchemas, freshSchema, Opened } from './postgres-support.js';
import { GUILD, MOD, OTHER_GUILD, OTHER_MOD, channel } from './support.js';

const opened = new Opened();
afterEach(() => opened.closeAll());
afterAll(dropSchemas);

/** Resolves with the first notice about `guildId` that `store` applies to its cache. */
function noticeOf(store: PostgresSettingsStore, guildId: string): Promise<StoredGuild> {
  return new Promise((resolve) => {
    const listener = (stored: StoredGuild): void => {
      if (stored.guildId !== guildId) return;
      store.events.off('notice', listener);
      resolve(stored);
    };
    store.events.on('notice', listener);
  });
}

describe('settings changes reach every instance', () => {
  it('puts a change made through one instance into the other’s cache within a second, for every kind of change', async () => {
    const schema = freshSchema();
    const [first, second] = [await opened.store(schema), await opened.store(schema)];
    expect(second.get(GUILD).visibility).toBe('public');

    const steps: [string, () => Promise<unknown>, () => void][] = [
      [
        'set visibility',
        () => first.setVisibility(GUILD, 'ephemeral', MOD),
        () => expect(second.get(GUILD).visibility).toBe('ephemeral'),
      ],
      [
        'add a channel',
        () => first.addChannel(GUILD, channel(1), MOD),
        () => expect(second.get(GUILD).answerChannels).toEqual([channel(1)]),
      ],
      [
        'forget a deleted channel',
        () => first.forgetChannel(channel(1)),
        () => expect(second.get(GUILD).answerChannels).toEqual([]),
      ],
      ['reset', () => first.reset(GUILD, OTHER_MOD), () => expect(second.get(GUILD)).toEqual(first.get(GUILD))],
      ['forget the guild', () => first.forgetGuild(GUILD), () => expect(second.get(GUILD).changed).toEqual({})],
    ];
    for (const [what, change, expectSeen] of steps) {
      const heard = noticeOf(second, GUILD);
      const started = performance.now();
      await change();
      await heard;
      expect(performance.now() - started, what).toBeLessThan(1_000);
      expectSeen();
    }
    // Each instance's own writes arrive as notices too, and change nothing it did not already know.
    expect(first.get(GUILD)).toEqual(second.get(GUILD));
  });

  it('hears a change an operator makes by hand in psql', async () => {
    const schema = freshSchema();
    const store = await opened.store(schema);
    await store.setShare(GUILD, false, MOD);
    const heard = noticeOf(store, GUILD);
    const session = await opened.session();
    await session.query(`UPDATE ${schema}.guild_settings SET share = true, share_by = NULL, share_at = NULL`);
    await heard;
    expect(store.get(GUILD).share).toBe(true);
    expect(store.get(GUILD).changed.share).toBeUndefined();
  });

  it('keeps both instances’ changes when they change one guild at the same moment', async () => {
    const schema = freshSchema();
    const [first, second] = [await opened.store(schema), await opened.store(schema)];
    const added = await Promise.all(
      Array.from({ length: 10 }, (_, n) => (n % 2 === 0 ? first : second).addChannel(OTHER_GUILD, channel(n), MOD)),
    );
    expect(added.map((result) => result.outcome)).toEqual(Array.from({ length: 10 }, () => 'added'));
    const reopened = await opened.store(schema);
    expect([...reopened.get(OTHER_GUILD).answerChannels].sort()).toEqual(
      Array.from({ length: 10 }, (_, n) => channel(n)).sort(),
    );
  });

  it('reads everything again after losing touch, so a change made meanwhile is not missed', async () => {
    const schema = freshSchema();
    const link = await opened.link();
    const direct = await opened.store(schema);
    const behind = await opened.store(schema, link.url);
    const first = noticeOf(behind, GUILD);
    await direct.setMentions(GUILD, false, MOD);
    await first;

    const lost = new Promise((resolve) => behind.events.once('lost', resolve));
    await link.cut();
    await lost;
    // Made while `behind` could hear nothing: only a fresh read can bring these.
    await direct.setMentions(GUILD, true, OTHER_MOD);
    await direct.addChannel(OTHER_GUILD, channel(5), OTHER_MOD);
    expect(behind.get(GUILD).mentions).toBe(false);

    const reloaded = new Promise<number>((resolve) => behind.events.once('reloaded', resolve));
    await link.restore();
    expect(await reloaded).toBe(2);
    expect(behind.get(GUILD)).toEqual(direct.get(GUILD));
    expect(behind.get(OTHER_GUILD).answerChannels).toEqual([channel(5)]);

    // And it hears changes again.
    const heard = noticeOf(behind, GUILD);
    await direct.setShare(GUILD, false, MOD);
    await heard;
    expect(behind.get(GUILD).share).toBe(false);
  });

  it('recovers when the server ends its sessions, as a restart does (57P01), and reads everything again', async () => {
    const schema = freshSchema();
    const link = await opened.link();
    const direct = await opened.store(schema);
    const behind = await opened.store(schema, link.url);
    const session = await opened.session();

    const lost = new Promise((resolve) => behind.events.once('lost', resolve));
    const reloaded = new Promise<number>((resolve) => behind.events.once('reloaded', resolve));
    const ended = await session.query<{ ended: boolean }>(
      'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE client_port = ANY($1::int[])',
      [link.upstreamPorts],
    );
    expect(ended.rows.length).toBeGreaterThan(0);
    await lost;
    await direct.setVisibility(GUILD, 'ephemeral', MOD);
    await reloaded;
    // Heard live or read again: either way it is there, and writes go through fresh connections.
    expect(behind.get(GUILD).visibility).toBe('ephemeral');
    expect((await behind.setVisibility(GUILD, 'public', OTHER_MOD)).outcome).toBe('set');
  });
});
