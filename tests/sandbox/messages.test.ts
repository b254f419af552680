import { ChannelType, GatewayIntentBits, type Message } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalDiscord, type Settlement } from '../../src/sandbox/index.js';
import { startNoopBot, type NoopBot } from './noop-bot.js';
import { SpecChecker } from './spec/responses.js';

const spec = new SpecChecker();
let discord: LocalDiscord;
let bot: NoopBot;
const received: Message[] = [];

/** Answers DMs and mentions; says why it stays silent otherwise. */
async function handleMessage(message: Message): Promise<Settlement> {
  received.push(message);
  const mentioned = message.mentions.users.has(bot.client.user?.id ?? '');
  if (message.channel.type !== ChannelType.DM && !mentioned) return { outcome: 'ignored', reason: 'not mentioned' };
  await message.reply({ content: `heard: ${message.content}`, allowedMentions: { parse: [] } });
  return { outcome: 'answered' };
}

beforeAll(async () => {
  discord = await LocalDiscord.start({ settlement: 'reported', record: spec.sink });
  // Guild messages but no MessageContent intent: guild text arrives blank unless the bot is mentioned.
  bot = await startNoopBot(discord, {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    handleMessage,
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
  expect(exchange.settlement).toEqual({ outcome: 'answered' });
  const stored = discord.world.message(discord.world.dmChannel(alice).id, exchange.replies[0]?.messageId ?? '');
  expect(stored?.messageReference?.message_id).toBe(exchange.messageId);
});

it('blanks guild text without the MessageContent intent unless the bot is mentioned', async () => {
  const bob = discord.world.member('bob');
  const quiet = await discord.say({ user: bob, content: 'just chatting' });
  expect(quiet.delivered).toBe(true);
  expect(received.at(-1)?.content).toBe('');
  // Silence, asserted through the bot's own account of it rather than a quiet window.
  expect(quiet.replies).toEqual([]);
  expect(quiet.settlement).toEqual({ outcome: 'ignored', reason: 'not mentioned' });
  const asked = await discord.say({ user: bob, content: `<@${discord.applicationId}> what does ¶3 say?` });
  expect(received.at(-1)?.mentions.users.has(discord.applicationId)).toBe(true);
  expect(asked.replies).toHaveLength(1);
  expect((asked.replies[0]?.body as { content: string }).content).toContain('what does ¶3 say?');
});

it('answers only as Discord’s OpenAPI spec allows', () => {
  expect(spec.violations).toEqual([]);
  expect(spec.checked.size).toBeGreaterThan(0);
});
