/**
 * The behaviour every SettingsStore must have, run against the SQLite store, the PostgreSQL
 * store and the in-memory one alike, so tests of other layers can trust the memory store.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHANNELS, type SettingsStore } from '../../src/settings/index.js';
import { FakeClock, GUILD, MOD, OTHER_GUILD, OTHER_MOD, THIRD_GUILD, channel, removeTempDirs } from './support.js';

export interface StoreHarness {
  open(now: () => number): SettingsStore | Promise<SettingsStore>;
  /** Closes and reopens on the same storage, like a bot restart; a memory store stays as it is. */
  restart(store: SettingsStore, now: () => number): SettingsStore | Promise<SettingsStore>;
  /** Closes the store and whatever the harness made for it. */
  close(store: SettingsStore): void | Promise<void>;
}

export function describeStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`${name}: the SettingsStore contract`, () => {
    let harness: StoreHarness;
    let clock: FakeClock;
    let store: SettingsStore;
    const restart = async (): Promise<SettingsStore> => (store = await harness.restart(store, clock.now));

    beforeEach(async () => {
      harness = makeHarness();
      clock = new FakeClock();
      store = await harness.open(clock.now);
    });
    afterEach(async () => {
      await harness.close(store);
      removeTempDirs();
    });

    it('gives defaults to a guild with nothing stored', () => {
      expect(store.get(GUILD)).toEqual({
        guildId: GUILD,
        answerChannels: [],
        visibility: 'public',
        mentions: true,
        share: true,
        changed: {},
      });
    });

    it('keeps every setter, with who and when, across a restart', async () => {
      const t1 = clock.advance();
      expect((await store.setVisibility(GUILD, 'ephemeral', MOD)).outcome).toBe('set');
      const t2 = clock.advance();
      expect((await store.setMentions(GUILD, false, OTHER_MOD)).outcome).toBe('set');
      const t3 = clock.advance();
      expect((await store.setShare(GUILD, false, MOD)).outcome).toBe('set');
      clock.advance();
      await store.addChannel(GUILD, channel(2), MOD);
      const t5 = clock.advance();
      const last = await store.addChannel(GUILD, channel(1), OTHER_MOD);
      const expected = {
        guildId: GUILD,
        answerChannels: [channel(2), channel(1)],
        visibility: 'ephemeral',
        mentions: false,
        share: false,
        changed: {
          visibility: { by: MOD, at: t1 },
          mentions: { by: OTHER_MOD, at: t2 },
          share: { by: MOD, at: t3 },
          answerChannels: { by: OTHER_MOD, at: t5 },
        },
      };
      expect(last.settings).toEqual(expected);
      expect(store.get(GUILD)).toEqual(expected);
      expect((await restart()).get(GUILD)).toEqual(expected);
    });

    it('turns settings back on, and reports the same value again as unchanged without moving the attribution', async () => {
      await store.setMentions(GUILD, false, MOD);
      const at = clock.advance();
      expect((await store.setMentions(GUILD, true, OTHER_MOD)).outcome).toBe('set');
      clock.advance();
      const again = await store.setMentions(GUILD, true, MOD);
      expect(again.outcome).toBe('unchanged');
      expect(again.settings.changed.mentions).toEqual({ by: OTHER_MOD, at });
      expect((await store.setVisibility(GUILD, 'public', MOD)).outcome).toBe('unchanged');
      expect((await restart()).get(GUILD).changed).toEqual({ mentions: { by: OTHER_MOD, at } });
    });

    it('ignores a channel added twice', async () => {
      const at = clock.advance();
      expect((await store.addChannel(GUILD, channel(1), MOD)).outcome).toBe('added');
      clock.advance();
      const again = await store.addChannel(GUILD, channel(1), OTHER_MOD);
      expect(again.outcome).toBe('unchanged');
      expect(again.settings.answerChannels).toEqual([channel(1)]);
      expect(again.settings.changed.answerChannels).toEqual({ by: MOD, at });
    });

    it(`refuses channel ${MAX_ANSWER_CHANNELS + 1} and keeps the first ${MAX_ANSWER_CHANNELS} in order`, async () => {
      const wanted = Array.from({ length: MAX_ANSWER_CHANNELS }, (_, i) => channel(100 - i));
      for (const id of wanted) expect((await store.addChannel(GUILD, id, MOD)).outcome).toBe('added');
      const refused = await store.addChannel(GUILD, channel(500), MOD);
      expect(refused.outcome).toBe('full');
      expect(refused.settings.answerChannels).toEqual(wanted);
      expect((await store.addChannel(GUILD, wanted[3] ?? '', MOD)).outcome).toBe('unchanged');
      expect((await restart()).get(GUILD).answerChannels).toEqual(wanted);
      await store.removeChannel(GUILD, wanted[0] ?? '', MOD);
      expect((await store.addChannel(GUILD, channel(500), MOD)).outcome).toBe('added');
      expect(store.get(GUILD).answerChannels).toHaveLength(MAX_ANSWER_CHANNELS);
    });

    it('removes and clears channels, saying when there was nothing to do', async () => {
      await store.addChannel(GUILD, channel(1), MOD);
      await store.addChannel(GUILD, channel(2), MOD);
      await store.addChannel(GUILD, channel(3), MOD);
      expect((await store.removeChannel(GUILD, channel(2), MOD)).settings.answerChannels).toEqual([
        channel(1),
        channel(3),
      ]);
      expect((await store.removeChannel(GUILD, channel(2), MOD)).outcome).toBe('unchanged');
      expect((await restart()).get(GUILD).answerChannels).toEqual([channel(1), channel(3)]);
      const at = clock.advance();
      expect((await store.clearChannels(GUILD, OTHER_MOD)).outcome).toBe('cleared');
      expect((await store.clearChannels(GUILD, MOD)).outcome).toBe('unchanged');
      const after = (await restart()).get(GUILD);
      expect(after.answerChannels).toEqual([]);
      expect(after.changed.answerChannels).toEqual({ by: OTHER_MOD, at });
    });

    it('forgets a deleted channel in every guild that listed it, and only there', async () => {
      const at = clock.advance();
      await store.addChannel(GUILD, channel(1), MOD);
      await store.addChannel(GUILD, channel(2), MOD);
      await store.addChannel(OTHER_GUILD, channel(1), MOD);
      await store.addChannel(THIRD_GUILD, channel(3), MOD);
      clock.advance();
      expect((await store.forgetChannel(channel(1))).sort()).toEqual([GUILD, OTHER_GUILD]);
      expect(store.get(GUILD).answerChannels).toEqual([channel(2)]);
      expect(store.get(OTHER_GUILD).answerChannels).toEqual([]);
      // Nobody chose the removal, so the list stays attributed to whoever last edited it.
      expect(store.get(GUILD).changed.answerChannels).toEqual({ by: MOD, at });
      expect(await store.forgetChannel(channel(1))).toEqual([]);
      await restart();
      expect(store.get(GUILD).answerChannels).toEqual([channel(2)]);
      expect(store.get(OTHER_GUILD).answerChannels).toEqual([]);
      expect(store.get(THIRD_GUILD).answerChannels).toEqual([channel(3)]);
    });

    it('resets to defaults, attributing only what the reset moved', async () => {
      const chosen = clock.advance();
      await store.setShare(GUILD, false, OTHER_MOD);
      await store.setShare(GUILD, true, OTHER_MOD);
      await store.setVisibility(GUILD, 'ephemeral', OTHER_MOD);
      await store.addChannel(GUILD, channel(1), OTHER_MOD);
      const at = clock.advance();
      expect((await store.reset(GUILD, MOD)).outcome).toBe('reset');
      const expected = {
        guildId: GUILD,
        answerChannels: [],
        visibility: 'public',
        mentions: true,
        share: true,
        changed: {
          answerChannels: { by: MOD, at },
          visibility: { by: MOD, at },
          share: { by: OTHER_MOD, at: chosen },
        },
      };
      expect(store.get(GUILD)).toEqual(expected);
      clock.advance();
      expect((await store.reset(GUILD, OTHER_MOD)).outcome).toBe('unchanged');
      expect((await restart()).get(GUILD)).toEqual(expected);
    });

    it('keeps guilds apart, and forgets a guild the bot left', async () => {
      await store.setVisibility(GUILD, 'ephemeral', MOD);
      await store.addChannel(GUILD, channel(1), MOD);
      await store.setMentions(OTHER_GUILD, false, MOD);
      expect(store.get(OTHER_GUILD).visibility).toBe('public');
      await store.forgetGuild(GUILD);
      expect(store.get(GUILD)).toEqual({ ...store.get(THIRD_GUILD), guildId: GUILD });
      await restart();
      expect(store.get(GUILD).changed).toEqual({});
      expect(store.get(GUILD).answerChannels).toEqual([]);
      expect(store.get(OTHER_GUILD).mentions).toBe(false);
    });

    it('refuses anything but snowflake ids, so no message text can be stored', async () => {
      await expect(store.addChannel(GUILD, 'please answer here', MOD)).rejects.toThrow(RangeError);
      await expect(store.setShare('my server', false, MOD)).rejects.toThrow(RangeError);
      await expect(store.setShare(GUILD, false, '<@123>')).rejects.toThrow(RangeError);
      expect((await restart()).get(GUILD)).toEqual({ ...store.get(THIRD_GUILD), guildId: GUILD });
    });

    it('hands out frozen settings, so a caller cannot edit the cached copy', async () => {
      const settings = (await store.addChannel(GUILD, channel(1), MOD)).settings;
      expect(() => (settings.answerChannels as string[]).push(channel(2))).toThrow(TypeError);
      expect(() => Object.assign(settings, { share: false })).toThrow(TypeError);
      expect(store.get(GUILD).answerChannels).toEqual([channel(1)]);
      expect(store.get(GUILD).share).toBe(true);
    });

    it('matches a plain list model over random add/remove/clear sequences', async () => {
      const op = fc.oneof(
        fc.record({ kind: fc.constant('add' as const), n: fc.integer({ min: 0, max: 30 }) }),
        fc.record({ kind: fc.constant('remove' as const), n: fc.integer({ min: 0, max: 30 }) }),
        fc.record({ kind: fc.constant('clear' as const), n: fc.constant(0) }),
      );
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
          const guildId = (500_000_000_000_000_000n + BigInt(run++)).toString();
          let model: string[] = [];
          for (const { kind, n } of ops) {
            const id = channel(n);
            if (kind === 'add') {
              const outcome = (await store.addChannel(guildId, id, MOD)).outcome;
              const expected = model.includes(id)
                ? 'unchanged'
                : model.length >= MAX_ANSWER_CHANNELS
                  ? 'full'
                  : 'added';
              expect(outcome).toBe(expected);
              if (expected === 'added') model = [...model, id];
            } else if (kind === 'remove') {
              await store.removeChannel(guildId, id, MOD);
              model = model.filter((m) => m !== id);
            } else {
              await store.clearChannels(guildId, MOD);
              model = [];
            }
            expect(store.get(guildId).answerChannels).toEqual(model);
          }
        }),
        { numRuns: 40, seed: 20_240_601 },
      );
    });
  });
}
