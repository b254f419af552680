import { DiscordAPIError } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalDiscord } from '../../src/sandbox/index.js';
import type { RunningBot } from '../../src/sandbox/bot-contract.js';
import { startNoopBot } from './noop-bot.js';
import { SpecChecker } from './spec/responses.js';

// Discord's 3 s and 15 min, shortened so the test can cross them quickly.
const DEADLINE_MS = 150;
const WEBHOOK_MS = 400;
const errors: number[] = [];
let followUpFailed!: () => void;
const followUpDone = new Promise<void>((resolve) => (followUpFailed = resolve));
const spec = new SpecChecker();
let discord: LocalDiscord;
let bot: RunningBot;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const record = (error: unknown): void => void errors.push(error instanceof DiscordAPIError ? Number(error.code) : -1);

beforeAll(async () => {
  discord = await LocalDiscord.start({
    interactionDeadlineMs: DEADLINE_MS,
    webhookLifetimeMs: WEBHOOK_MS,
    record: spec.sink,
  });
  bot = await startNoopBot(discord, {
    commands: [
      { name: 'slow', description: 'Answers too late' },
      { name: 'later', description: 'Follows up after the token expired' },
    ],
    handle: async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      if (interaction.commandName === 'slow') {
        await sleep(DEADLINE_MS * 2);
        await interaction.reply('too late').catch(record);
      } else {
        await interaction.reply('now');
        await sleep(WEBHOOK_MS + 100);
        await interaction.followUp('much later').catch(record);
        followUpFailed();
      }
    },
  });
});
afterAll(async () => {
  await bot?.stop();
  await discord?.stop();
});

it('answers a callback after the deadline with 404 / 10062 (Unknown interaction)', async () => {
  const exchange = await discord.command({ user: discord.world.member('alice'), name: 'slow', timeoutMs: 1500 });
  expect(exchange.replies).toEqual([]);
  expect(exchange.rejected).toMatchObject([{ status: 404, code: 10062 }]);
  expect(exchange.timedOut).toBe(true);
  expect(errors).toContain(10062);
});

it('refuses webhook requests once the interaction token has expired (10015)', async () => {
  const exchange = await discord.command({ user: discord.world.member('alice'), name: 'later' });
  expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback']);
  await followUpDone;
  expect(errors).toContain(10015);
});

it('answers only as Discord’s OpenAPI spec allows', () => {
  expect(spec.violations).toEqual([]);
  expect(spec.checked.size).toBeGreaterThan(0);
});
