import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBot } from '../../src/bot/start.js';
import { LocalDiscord, type BotOptions, type RunningBot, type TrafficEntry } from '../../src/sandbox/index.js';

/**
 * The real bot under Discord's limits: a channel's message bucket runs out in the middle of a
 * burst of mentions and slash commands. The bot must pace its channel messages by the headers
 * (never drawing a 429), and no interaction of the burst may miss its 3 seconds meanwhile.
 */
const WINDOW_MS = 1000;
const MENTIONS = 5;
const COMMANDS = 12;

let dataDir: string;
let discord: LocalDiscord;
let bot: RunningBot;
const posted: number[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'policy-bot-paced-'));
  discord = await LocalDiscord.start({
    settlement: 'auto',
    quietMs: 150,
    messageQuietMs: 300,
    timeoutMs: 15_000,
    rateLimits: { routes: { 'POST /channels/:id/messages': { limit: 2, windowMs: WINDOW_MS } } },
    record: (entry: TrafficEntry) => {
      if (entry.kind === 'rest' && entry.route === '/channels/:id/messages' && entry.method === 'POST')
        posted.push(performance.now());
    },
  });
  // Reports, once the bot makes them, end each exchange; until the first, quiet windows do ('auto').
  const options: BotOptions & { logger: pino.Logger } = {
    token: discord.botToken,
    applicationId: discord.applicationId,
    restApi: discord.restApi,
    dataDir,
    logger: pino({ level: 'silent' }),
    onSettled: (report) => void discord.settle(report),
  };
  bot = await startBot(options);
  await discord.whenReady();
}, 30_000);
afterAll(async () => {
  await bot?.stop();
  await discord?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('paces its channel messages by the bucket, and answers every interaction of the burst in time', async () => {
  const { world } = discord;
  const mentions = Array.from({ length: MENTIONS }, (_, i) =>
    discord.say({
      user: world.member(`paced-mention-${i}`),
      content: `<@${discord.applicationId}> who gets demoted?`,
    }),
  );
  const commands = Array.from({ length: COMMANDS }, (_, i) =>
    discord.timedCommand({
      user: world.member(`paced-asker-${i}`),
      name: 'ask',
      options: [{ name: 'question', value: 'who gets promoted?' }],
    }),
  );
  const [said, asked] = await Promise.all([Promise.all(mentions), Promise.all(commands)]);

  // Every mention was answered, as a reply to it, though the bucket held two a second.
  for (const exchange of said) {
    expect(exchange.timedOut).toBe(false);
    expect(exchange.replies.map((reply) => reply.kind)).toEqual(['message']);
  }
  // Paced, not refused: no request drew a 429, and the later replies waited for the refills.
  expect(discord.stats.rateLimited).toBe(0);
  expect(posted).toHaveLength(MENTIONS);
  const sorted = [...posted].sort((a, b) => a - b);
  // Two per window: the (2k+1)th post cannot come before k windows have passed (2 ms: the clocks' rounding).
  for (let k = 1; 2 * k < sorted.length; k++)
    expect(sorted[2 * k]! - sorted[0]!).toBeGreaterThanOrEqual(k * WINDOW_MS - 2);

  // Meanwhile each interaction was acknowledged within Discord's 3 s (the local Discord refuses later ones).
  for (const exchange of asked) {
    expect(exchange.denied).toBeUndefined();
    expect(exchange.rejected).toEqual([]);
    expect(exchange.timing).not.toBeNull();
    expect(exchange.timing!.callbackMs).toBeLessThan(3000);
  }
}, 60_000);
