import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot, type Settled } from '../../src/gateway/start.js';
import { startHttpBot, type RunningHttpBot } from '../../src/http/start.js';
import { LocalDiscord } from '../../src/sandbox/index.js';
import { callbackType, dataOf, descriptionOf, onlyReply } from './support.js';

/**
 * The second way to run: `npm run start:http` answers interactions, and one `npm start` with
 * INTERACTIONS=http keeps the gateway for what arrives only there, DMs and @mentions. Each
 * answers its own, on one settings folder.
 */
let discord: LocalDiscord;
let dataDir: string;
let http: RunningHttpBot;
let gateway: RunningBot;

beforeAll(async () => {
  discord = await LocalDiscord.start({ settlement: 'reported', timeoutMs: 10_000 });
  dataDir = await mkdtemp(join(tmpdir(), 'policy-bot-beside-'));
  const common = {
    token: discord.botToken,
    applicationId: discord.applicationId,
    restApi: discord.restApi,
    dataDir,
    logger: pino({ level: 'silent' }),
    onSettled: (done: Settled) => void discord.settle(done),
  };
  http = await startHttpBot({ ...common, publicKey: discord.publicKey });
  expect(await discord.setInteractionsEndpoint(http.interactionsUrl)).toEqual({ ok: true });
  gateway = await startBot({ ...common, interactions: 'http' });
  await discord.whenReady();
});
afterAll(async () => {
  await gateway?.stop();
  await http?.stop();
  await discord?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('HTTP for interactions, one gateway process for messages', () => {
  it('answers a slash command over HTTP and a DM over the gateway', async () => {
    const alice = discord.world.member('alice');
    const asked = await discord.command({
      user: alice,
      name: 'ask',
      options: [{ name: 'question', value: 'who gets demoted?' }],
    });
    expect(callbackType(onlyReply(asked))).toBe(4);
    expect(descriptionOf(dataOf(onlyReply(asked)))).toMatch(/— ¶4(\.\d+)?$/m);
    const dm = await discord.say({ user: alice, dm: true, content: 'who gets demoted?' });
    expect(onlyReply(dm).kind).toBe('message');
    expect(dm.settlement).toEqual({ outcome: 'answered' });
  });

  it('leaves an interaction alone on the gateway, should Discord send one there', async () => {
    // Cleared, the Interactions Endpoint URL sends interactions back to the gateway.
    await discord.setInteractionsEndpoint(null);
    try {
      const exchange = await discord.command({
        user: discord.world.member('bob'),
        name: 'ask',
        options: [{ name: 'question', value: 'who gets demoted?' }],
      });
      expect(exchange.replies).toEqual([]);
      expect(exchange.settlement).toEqual({ outcome: 'ignored', reason: 'interactions are answered over HTTP' });
    } finally {
      expect(await discord.setInteractionsEndpoint(http.interactionsUrl)).toEqual({ ok: true });
    }
  });
});
