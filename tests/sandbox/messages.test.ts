import { ChannelType, Events, GatewayIntentBits, type Message } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalDiscord } from '../../src/sandbox/index.js';
import type { RunningBot } from '../../src/sandbox/bot-contract.js';
import { startNoopBot } from './noop-bot.js';
import { SpecChecker } from './spec/responses.js';

const spec = new SpecChecker();
let discord: LocalDiscord;
let bot: RunningBot;
const received: Message[] = [];

beforeAll(async () => {
  discord = await LocalDiscord.start({ messageQuietMs: 400, record: spec.sink });
  // Guild messages but no MessageContent intent: guild text arrives blank unless the bot is mentioned.
  bot = await startNoopBot(discord, {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
  });
  bot.client.on(Events.MessageCreate, (message) => {
    if (message.author.bot) return;
    received.push(message);
    const mentioned = message.mentions.users.has(bot.client.user?.id ?? '');
    if (message.channel.type === ChannelType.DM || mentioned)
      void message.reply({ content: `heard: ${message.content}`, allowedMentions: { parse: [] } });
  });
});
afterAll(async () => {
  await bot?.stop();
  await discord?.stop();
});

it('delivers a DM (channel_type 1) to messageCreate and collects the reply', async () => {
  const alice = discord.world.member('alice');
  const exchange = await discord.say({ user: alice, dm: true, content: 'hello there' });
  const message = received.at(-1);
  expect(message?.channel.type).toBe(ChannelType.DM);
  expect(message?.content).toBe('hello there');
  expect(exchange.replies.map((reply) => [reply.kind, (reply.body as { content: string }).content])).toEqual([
    ['message', 'heard: hello there'],
  ]);
  const stored = discord.world.message(discord.world.dmChannel(alice).id, exchange.replies[0]?.messageId ?? '');
  expect(stored?.messageReference?.message_id).toBe(exchange.messageId);
});

it('blanks guild text without the MessageContent intent unless the bot is mentioned', async () => {
  const bob = discord.world.member('bob');
  const quiet = await discord.say({ user: bob, content: 'just chatting' });
  expect(quiet.delivered).toBe(true);
  expect(received.at(-1)?.content).toBe('');
  expect(quiet.replies).toEqual([]);
  const asked = await discord.say({ user: bob, content: `<@${discord.applicationId}> what does ¶3 say?` });
  expect(received.at(-1)?.mentions.users.has(discord.applicationId)).toBe(true);
  expect(asked.replies).toHaveLength(1);
  expect((asked.replies[0]?.body as { content: string }).content).toContain('what does ¶3 say?');
});

it('ends a silent exchange after the quiet window', async () => {
  const exchange = await discord.say({
    user: discord.world.member('carol'),
    content: 'nobody answers this',
    quietMs: 30,
  });
  expect(exchange.replies).toEqual([]);
  expect(exchange.timedOut).toBe(false);
});

it('answers only as Discord’s OpenAPI spec allows', () => {
  expect(spec.violations).toEqual([]);
  expect(spec.checked.size).toBeGreaterThan(0);
});
