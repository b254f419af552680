import { DiscordAPIError } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalDiscord, type Settlement } from '../../src/sandbox/index.js';
import { startNoopBot, type NoopBot } from './noop-bot.js';
import { SpecChecker } from './spec/responses.js';

// Discord's 3 s and 15 min, each shortened (in a local Discord of its own) so the test can cross
// it quickly; the other stays Discord's, so that only the limit under test can be missed.
const DEADLINE_MS = 150;
const WEBHOOK_MS = 400;
const spec = new SpecChecker();
let discord: LocalDiscord;
let bot: NoopBot;
let tokens: LocalDiscord;
let tokenBot: NoopBot;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const codeOf = (error: unknown): string => (error instanceof DiscordAPIError ? String(error.code) : 'unknown');

beforeAll(async () => {
  discord = await LocalDiscord.start({ settlement: 'reported', interactionDeadlineMs: DEADLINE_MS, record: spec.sink });
  tokens = await LocalDiscord.start({ settlement: 'reported', webhookLifetimeMs: WEBHOOK_MS, record: spec.sink });
  // Each handler reports what Discord answered it, so the test reads it from the settlement.
  bot = await startNoopBot(discord, {
    commands: [{ name: 'slow', description: 'Answers too late' }],
    handle: async (interaction): Promise<Settlement | void> => {
      if (!interaction.isChatInputCommand()) return;
      // Timers never fire early: the callback leaves at least twice the deadline after delivery.
      await sleep(DEADLINE_MS * 2);
      return interaction.reply('too late').then(
        () => ({ outcome: 'answered' }),
        (error: unknown) => ({ outcome: 'expired', reason: codeOf(error) }),
      );
    },
  });
  tokenBot = await startNoopBot(tokens, {
    commands: [{ name: 'later', description: 'Follows up after the token expired' }],
    handle: async (interaction): Promise<Settlement | void> => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply('now');
      await sleep(WEBHOOK_MS + 100);
      return interaction.followUp('much later').then(
        () => ({ outcome: 'answered' }),
        (error: unknown) => ({ outcome: 'expired', reason: codeOf(error) }),
      );
    },
  });
});
afterAll(async () => {
  await bot?.stop();
  await tokenBot?.stop();
  await discord?.stop();
  await tokens?.stop();
});

it('answers a callback after the deadline with 404 / 10062 (Unknown interaction)', async () => {
  const exchange = await discord.command({ user: discord.world.member('alice'), name: 'slow' });
  expect(exchange.replies).toEqual([]);
  expect(exchange.rejected).toMatchObject([{ status: 404, code: 10062 }]);
  expect(exchange.settlement).toEqual({ outcome: 'expired', reason: '10062' });
  expect(exchange.timedOut).toBe(false);
});

it('refuses webhook requests once the interaction token has expired (10015)', async () => {
  const exchange = await tokens.command({ user: tokens.world.member('alice'), name: 'later' });
  expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback']);
  expect(exchange.settlement).toEqual({ outcome: 'expired', reason: '10015' });
});

it('answers only as Discord’s OpenAPI spec allows', () => {
  expect(spec.violations).toEqual([]);
  expect(spec.checked.size).toBeGreaterThan(0);
});
