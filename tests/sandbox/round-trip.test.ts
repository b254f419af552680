import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalDiscord } from '../../src/sandbox/index.js';
import { startNoopBot, type NoopBot } from './noop-bot.js';

const ROUND_TRIP_MS = 150;
const replyTook: number[] = [];
let discord: LocalDiscord;
let bot: NoopBot;

beforeAll(async () => {
  discord = await LocalDiscord.start({ settlement: 'reported', restRoundTripMs: ROUND_TRIP_MS });
  bot = await startNoopBot(discord, {
    commands: [{ name: 'more', description: 'Replies, then follows up' }],
    handle: async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const start = performance.now();
      await interaction.reply('first');
      replyTook.push(performance.now() - start);
      await interaction.followUp('and one more thing');
    },
  });
});
afterAll(async () => {
  await bot?.stop();
  await discord?.stop();
});

it('holds each REST response for the round trip; the exchange ends on the report, with both answers', async () => {
  const exchange = await discord.command({ user: discord.world.member('alice'), name: 'more' });
  expect(exchange.timedOut).toBe(false);
  expect(exchange.settlement).toEqual({ outcome: 'answered' });
  expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback', 'followup']);
  const followUp = discord.world.message(discord.world.general.id, exchange.replies[1]?.messageId ?? '');
  expect(followUp?.content).toBe('and one more thing');
  // Timers never fire early by more than the clock's rounding.
  expect(replyTook[0]).toBeGreaterThanOrEqual(ROUND_TRIP_MS - 2);
});
