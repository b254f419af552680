import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalDiscord, type TrafficEntry } from '../../src/sandbox/index.js';
import { startNoopBot, type NoopBot } from './noop-bot.js';

let dir: string;
let file: string;
let discord: LocalDiscord;
let bot: NoopBot;
let interactionToken = '';
let entries: TrafficEntry[] = [];
let text = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-record-'));
  file = join(dir, 'traffic.jsonl');
  discord = await LocalDiscord.start({ settlement: 'reported', record: file });
  bot = await startNoopBot(discord, {
    commands: [{ name: 'think', description: 'Defers, edits, follows up' }],
    handle: async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply('done');
      await interaction.followUp('one more');
    },
  });
  const exchange = await discord.command({ user: discord.world.member('alice'), name: 'think' });
  interactionToken = exchange.token;
  await bot.stop();
  await discord.stop();
  text = await readFile(file, 'utf8');
  entries = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TrafficEntry);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('writes every REST exchange with its method, path, status and both bodies', () => {
  const rest = entries.filter((entry) => entry.kind === 'rest');
  expect(rest.map((entry) => `${entry.method} ${entry.route} ${entry.status}`)).toEqual(
    expect.arrayContaining([
      'PUT /applications/:id/commands 200',
      'GET /gateway/bot 200',
      'POST /interactions/:id/:token/callback 204',
      'PATCH /webhooks/:id/:token/messages/:id 200',
      'POST /webhooks/:id/:token 200',
    ]),
  );
  const edit = rest.find((entry) => entry.method === 'PATCH');
  expect(edit?.request).toMatchObject({ content: 'done' });
  expect(edit?.response).toMatchObject({ content: 'done', author: { bot: true } });
  expect(edit?.path).toMatch(/^\/webhooks\/\d+\/\[token\]\/messages\/%40original$/);
});

it('writes every gateway frame both ways, in order', () => {
  const gateway = entries.filter((entry) => entry.kind === 'gateway');
  const names = gateway.map((entry) => {
    const frame = entry.frame as { op: number; t?: string };
    return `${entry.direction} ${frame.t ?? `op ${frame.op}`}`;
  });
  expect(names.slice(0, 4)).toEqual(['to-bot op 10', 'from-bot op 2', 'to-bot READY', 'to-bot GUILD_CREATE']);
  expect(names).toContain('to-bot INTERACTION_CREATE');
});

it('leaves no token in the record: not the bot’s, not the interaction’s', () => {
  expect(interactionToken.length).toBeGreaterThan(20);
  expect(text).not.toContain(discord.botToken);
  expect(text).not.toContain(interactionToken);
  const identify = entries.find(
    (entry) => entry.kind === 'gateway' && (entry.frame as { op: number }).op === 2,
  ) as Extract<TrafficEntry, { kind: 'gateway' }>;
  expect((identify.frame as { d: { token: string } }).d.token).toBe('[redacted]');
});
