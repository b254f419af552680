import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalDiscord } from '../../src/sandbox/index.js';
import type { RunningBot } from '../../src/sandbox/bot-contract.js';
import { startNoopBot } from './noop-bot.js';

// Longer than the exchange's quiet window (60 ms): the exchange must wait for the answer to leave.
const ROUND_TRIP_MS = 150;
const replyTook: number[] = [];
let discord: LocalDiscord;
let bot: RunningBot;

beforeAll(async () => {
  discord = await LocalDiscord.start({ restRoundTripMs: ROUND_TRIP_MS });
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

it('holds each REST response for the round trip, and keeps the exchange open until it has left', async () => {
  const exchange = await discord.command({ user: discord.world.member('alice'), name: 'more' });
  expect(exchange.timedOut).toBe(false);
  // The follow-up leaves once the reply's answer is back, a round trip after the reply was handled:
  // an exchange that went quiet from the moment the reply was handled would have ended before it.
  expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback', 'followup']);
  const followUp = discord.world.message(discord.world.general.id, exchange.replies[1]?.messageId ?? '');
  expect(followUp?.content).toBe('and one more thing');
  // Timers never fire early by more than the clock's rounding.
  expect(replyTook[0]).toBeGreaterThanOrEqual(ROUND_TRIP_MS - 2);
});
