import { ChannelType as DjsChannelType, Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiscord, shardOf } from '../../src/sandbox/index.js';
import { startNoopBot, type NoopBot } from './noop-bot.js';
import { SpecChecker } from './spec/responses.js';

const spec = new SpecChecker();

function waitFor(client: NoopBot['client'], event: Events.ShardResume | Events.ShardReady): Promise<void> {
  return new Promise((resolve) => client.once(event, () => resolve()));
}

describe('one shard', () => {
  let discord: LocalDiscord;
  let bot: NoopBot;
  beforeAll(async () => {
    discord = await LocalDiscord.start({ settlement: 'reported', record: spec.sink });
    bot = await startNoopBot(discord);
  });
  afterAll(async () => {
    await bot?.stop();
    await discord?.stop();
  });

  it('delivers READY and a full GUILD_CREATE to the client', async () => {
    await discord.whenReady();
    const { client } = bot;
    expect(client.user?.id).toBe(discord.applicationId);
    expect(client.application?.id).toBe(discord.applicationId);
    const guild = client.guilds.cache.get(discord.world.defaultGuild.id);
    expect(guild?.available).toBe(true);
    expect(guild?.name).toBe('Sandbox');
    expect(guild?.channels.cache.find((channel) => channel.name === 'general')?.type).toBe(DjsChannelType.GuildText);
    expect(guild?.members.cache.has(discord.applicationId)).toBe(true);
    expect(guild?.ownerId).toBe(discord.world.owner.id);
    expect(discord.stats.identifies).toBe(1);
    const application = await client.application?.fetch();
    expect(application?.name).toBe('policy-bot');
  });

  it('announces channels created and deleted later', async () => {
    const created = new Promise<string>((resolve) =>
      bot.client.once(Events.ChannelCreate, (channel) => resolve(channel.id)),
    );
    const channel = discord.world.channel(discord.world.defaultGuild.id, 'Late Channel');
    expect(await created).toBe(channel.id);
    expect(channel.name).toBe('late-channel');
    const deleted = new Promise<string>((resolve) => bot.client.once(Events.ChannelDelete, (gone) => resolve(gone.id)));
    discord.world.deleteChannel(channel.id);
    expect(await deleted).toBe(channel.id);
  });

  it('resumes after close 4000 and answers an interaction sent while disconnected', async () => {
    const before = discord.stats;
    const resumed = waitFor(bot.client, Events.ShardResume);
    discord.closeGateway(4000);
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'ping' });
    await resumed;
    expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback']);
    expect(discord.stats.resumes).toBe(before.resumes + 1);
    expect(discord.stats.identifies).toBe(before.identifies);
  });

  it('resumes after the TCP connection is cut without a close frame', async () => {
    const before = discord.stats;
    discord.dropConnection();
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'ping' });
    expect(exchange.replies).toHaveLength(1);
    expect(discord.stats.resumes + discord.stats.identifies).toBe(before.resumes + before.identifies + 1);
  });

  it('resumes on op 7 (reconnect)', async () => {
    const before = discord.stats;
    const resumed = waitFor(bot.client, Events.ShardResume);
    discord.sendReconnect();
    await resumed;
    expect(discord.stats.resumes).toBe(before.resumes + 1);
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'ping' });
    expect(exchange.replies).toHaveLength(1);
  });

  it('resumes on the same socket on op 9 when the session is resumable', async () => {
    const before = discord.stats;
    const resumed = waitFor(bot.client, Events.ShardResume);
    discord.invalidateSession(true);
    await resumed;
    expect(discord.stats.resumes).toBe(before.resumes + 1);
    expect(discord.stats.connections).toBe(before.connections);
  });

  it('identifies afresh on op 9 (session not resumable)', async () => {
    const before = discord.stats;
    discord.invalidateSession(false);
    // The session is gone at once: until the client identifies again there is nobody to send to.
    const meanwhile = await discord.command({ user: discord.world.member('alice'), name: 'ping' });
    expect(meanwhile.denied).toMatch(/not connected/);
    await discord.whenReady();
    expect(discord.stats.identifies).toBe(before.identifies + 1);
    const after = await discord.command({ user: discord.world.member('alice'), name: 'ping' });
    expect(after.replies).toHaveLength(1);
  });
});

describe('two shards', () => {
  let discord: LocalDiscord;
  const bots: NoopBot[] = [];
  const received: Record<number, string[]> = { 0: [], 1: [] };
  beforeAll(async () => {
    discord = await LocalDiscord.start({ shards: 2, settlement: 'reported', record: spec.sink });
    discord.world.addGuild('Second');
    for (const shard of [0, 1]) {
      bots.push(
        await startNoopBot(discord, {
          shards: [shard],
          shardCount: 2,
          handle: async (interaction) => {
            if (!interaction.isChatInputCommand()) return;
            received[shard]?.push(interaction.guildId ?? 'dm');
            await interaction.reply(`shard ${shard}`);
          },
        }),
      );
    }
    await discord.whenReady(2);
  });
  afterAll(async () => {
    for (const bot of bots) await bot.stop();
    await discord?.stop();
  });

  it('spreads guilds over the shards and routes each guild to its own shard', async () => {
    const [first, second] = discord.world.guilds;
    expect(first && second).toBeTruthy();
    expect(shardOf(first!.id, 2)).toBe(0);
    expect(shardOf(second!.id, 2)).toBe(1);
    expect(bots[0]?.client.guilds.cache.has(first!.id)).toBe(true);
    expect(bots[0]?.client.guilds.cache.has(second!.id)).toBe(false);
    expect(bots[1]?.client.guilds.cache.has(second!.id)).toBe(true);
    const alice = discord.world.member('alice', { guildId: second!.id });
    const inSecond = await discord.command({ user: alice, guildId: second!.id, name: 'ping' });
    const inFirst = await discord.command({ user: alice, name: 'ping' });
    const inDm = await discord.command({ user: alice, name: 'ping', dm: true });
    expect(
      [inFirst, inSecond, inDm].map(
        (exchange) => (exchange.replies[0]?.body as { data: { content: string } }).data.content,
      ),
    ).toEqual(['shard 0', 'shard 1', 'shard 0']);
    expect(received).toEqual({ 0: [first!.id, 'dm'], 1: [second!.id] });
  });
});

it('answers only as Discord’s OpenAPI spec allows', () => {
  expect(spec.violations).toEqual([]);
  expect(spec.checked.size).toBeGreaterThan(0);
});
