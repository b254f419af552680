import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBot } from '../../src/gateway/start.js';
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
/** The window each channel message was posted in, as the bucket's headers told the bot: its reset time (s). */
const posted: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'policy-bot-paced-'));
  discord = await LocalDiscord.start({
    // Each exchange ends on the bot's report; the time limit is only the failure path.
    settlement: 'reported',
    timeoutMs: 15_000,
    rateLimits: { routes: { 'POST /channels/:id/messages': { limit: 2, windowMs: WINDOW_MS } } },
    record: (entry: TrafficEntry) => {
      if (entry.kind === 'rest' && entry.route === '/channels/:id/messages' && entry.method === 'POST')
        posted.push(entry.headers['x-ratelimit-reset'] ?? '');
    },
  });
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
    expect(exchange.settlement).toEqual({ outcome: 'answered' });
    expect(exchange.replies.map((reply) => reply.kind)).toEqual(['message']);
  }
  // Paced, not refused: no request drew a 429, and the later replies waited for the refills.
  expect(discord.stats.rateLimited).toBe(0);
  expect(posted).toHaveLength(MENTIONS);
  // Two per window, each window begun after the one before it had passed: so the posts spread
  // over at least three windows, a full window apart, as the bucket counted them.
  const windows = new Map<string, number>();
  for (const reset of posted) windows.set(reset, (windows.get(reset) ?? 0) + 1);
  expect([...windows.values()].every((count) => count <= 2)).toBe(true);
  const resets = [...windows.keys()].map(Number).sort((a, b) => a - b);
  expect(resets.length).toBeGreaterThanOrEqual(Math.ceil(MENTIONS / 2));
  for (let i = 1; i < resets.length; i++)
    expect(Math.round((resets[i]! - resets[i - 1]!) * 1000)).toBeGreaterThanOrEqual(WINDOW_MS);

  // Meanwhile each interaction was acknowledged within Discord's 3 s (the local Discord refuses later ones).
  for (const exchange of asked) {
    expect(exchange.denied).toBeUndefined();
    expect(exchange.rejected).toEqual([]);
    expect(exchange.timing).not.toBeNull();
    expect(exchange.timing!.callbackMs).toBeLessThan(3000);
  }
}, 60_000);
