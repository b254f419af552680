import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiscord, type SettledReport, type TrafficEntry } from '../../src/sandbox/index.js';
import { startNoopBot, startNoopBotWith, type NoopBot } from './noop-bot.js';

const COMMANDS = [
  { name: 'ping', description: 'Replies ok' },
  { name: 'hush', description: 'Says nothing, and says why' },
  { name: 'hang', description: 'Replies, then never reports' },
  { name: 'early', description: 'Reports while its follow-up is still on the wire' },
  { name: 'slowly', description: 'Replies, pauses, follows up' },
];

describe("settlement: 'reported'", () => {
  const ROUND_TRIP_MS = 200;
  const recorded: TrafficEntry[] = [];
  let discord: LocalDiscord;
  let bot: NoopBot;
  beforeAll(async () => {
    discord = await LocalDiscord.start({
      settlement: 'reported',
      restRoundTripMs: ROUND_TRIP_MS,
      record: (entry) => void recorded.push(entry),
    });
    bot = await startNoopBot(discord, {
      commands: COMMANDS,
      handle: async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        if (interaction.commandName === 'hush') return { outcome: 'ignored', reason: 'not an answer channel' };
        if (interaction.commandName === 'hang') {
          await interaction.reply('ok');
          return new Promise(() => undefined);
        }
        if (interaction.commandName === 'early') {
          await interaction.reply('first');
          const followUp = interaction.followUp('second');
          // The follow-up has been handled, its answer is still held for the round trip: report now.
          while (!discord.world.messages(interaction.channelId).some((message) => message.content === 'second'))
            await new Promise((resolve) => setImmediate(resolve));
          discord.settle({ id: interaction.id, outcome: 'answered' });
          await followUp;
          return new Promise(() => undefined);
        }
        await interaction.reply('ok');
      },
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await discord?.stop();
  });

  it('ends the exchange on the report, carrying it', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'ping' });
    expect(exchange.settlement).toEqual({ outcome: 'answered' });
    expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback']);
    expect(exchange.timedOut).toBe(false);
  });

  it('asserts silence through the outcome and its reason', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'hush' });
    expect(exchange.replies).toEqual([]);
    expect(exchange.settlement).toEqual({ outcome: 'ignored', reason: 'not an answer channel' });
  });

  it('waits, after an early report, for the requests still in flight', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'early' });
    expect(exchange.settlement).toEqual({ outcome: 'answered' });
    expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback', 'followup']);
    // The follow-up's answer had left (it is recorded as it is written) before the exchange ended.
    expect(recorded.some((entry) => entry.kind === 'rest' && entry.route === '/webhooks/:id/:token')).toBe(true);
  });

  it('fails by the timeout when no report comes', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'hang', timeoutMs: 600 });
    expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback']);
    expect(exchange.timedOut).toBe(true);
    expect(exchange.settlement).toBeNull();
  });

  it('refuses reports for no open exchange, and malformed ones', () => {
    expect(discord.settle({ id: '1'.repeat(18), outcome: 'answered' })).toBe(false);
    expect(discord.settle({ id: '1'.repeat(18), outcome: '' })).toBe(false);
    expect(discord.settle(JSON.parse('{"id": 5, "outcome": "answered"}') as { id: string; outcome: string })).toBe(
      false,
    );
  });
});

describe("settlement: 'quiet', for bots that never report", () => {
  let discord: LocalDiscord;
  let bot: NoopBot;
  beforeAll(async () => {
    discord = await LocalDiscord.start({ settlement: 'quiet' });
    // Started without onSettled, as the benchmark's bots are.
    bot = await startNoopBotWith({
      token: discord.botToken,
      applicationId: discord.applicationId,
      restApi: discord.restApi,
      dataDir: '',
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await discord?.stop();
  });

  it('still ends an exchange after the quiet window', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'ping', quietMs: 30 });
    expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback']);
    expect(exchange.timedOut).toBe(false);
    expect(exchange.settlement).toBeNull();
  });
});

describe("settlement: 'auto'", () => {
  let discord: LocalDiscord;
  let bot: NoopBot;
  const reported = new Set<string>();
  beforeAll(async () => {
    discord = await LocalDiscord.start({ settlement: 'auto', quietMs: 50 });
    const options = {
      token: discord.botToken,
      applicationId: discord.applicationId,
      restApi: discord.restApi,
      dataDir: '',
      onSettled: (report: SettledReport) => {
        discord.settle(report);
        reported.add(report.id);
      },
    };
    bot = await startNoopBotWith(options, {
      commands: COMMANDS,
      handle: async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply('first');
        // Far longer than the quiet window, which starts before this pause does.
        await sleep(400);
        await interaction.followUp('second');
      },
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await discord?.stop();
  });

  it('uses the quiet window until the bot first reports, then waits for reports', async () => {
    const before = await discord.command({ user: discord.world.member('alice'), name: 'slowly' });
    expect(before.replies.map((reply) => reply.kind)).toEqual(['callback']);
    expect(before.settlement).toBeNull();
    // That interaction's report comes after its exchange has ended; it switches the mode.
    while (!reported.has(before.interactionId)) await new Promise((resolve) => setImmediate(resolve));
    const after = await discord.command({ user: discord.world.member('alice'), name: 'slowly' });
    expect(after.replies.map((reply) => reply.kind)).toEqual(['callback', 'followup']);
    expect(after.settlement).toEqual({ outcome: 'answered' });
  });
});
