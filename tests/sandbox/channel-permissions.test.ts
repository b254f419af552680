import {
  ApplicationCommandType,
  DiscordAPIError,
  GatewayDispatchEvents,
  GatewayIntentBits,
  InteractionType,
  PermissionFlagsBits,
  Routes,
  type APIInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiscord, type Settlement } from '../../src/sandbox/index.js';
import { startNoopBot, type NoopBot } from './noop-bot.js';
import { SpecChecker } from './spec/responses.js';

const spec = new SpecChecker();
let discord: LocalDiscord;
let bot: NoopBot;

/** The resolved channel's `permissions` as Discord's JSON carried it (discord.js swaps in its cached channel). */
const rawResolved = new Map<string, string | undefined>();
/** What the bot saw of an interaction's permissions, by interaction id. */
const seen = new Map<string, { app: bigint; resolved: string | undefined }>();

const COMMANDS = [
  {
    name: 'where',
    description: 'Names a channel',
    options: [{ type: 7, name: 'channel', description: 'Which', required: true }],
  },
];

async function handle(interaction: Interaction): Promise<Settlement> {
  if (!interaction.isChatInputCommand()) return { outcome: 'ignored', reason: 'not a command' };
  const command: ChatInputCommandInteraction = interaction;
  seen.set(command.id, { app: command.appPermissions.bitfield, resolved: rawResolved.get(command.id) });
  await command.reply({ content: 'ok', flags: 64 });
  return { outcome: 'answered' };
}

/** Replies to a mention with an embed; reports Discord's error code when it is refused. */
async function handleMessage(message: Message): Promise<Settlement> {
  try {
    await message.reply({ embeds: [{ description: 'an answer' }], allowedMentions: { parse: [] } });
    return { outcome: 'answered' };
  } catch (error) {
    return { outcome: 'error', reason: error instanceof DiscordAPIError ? String(error.code) : 'unknown' };
  }
}

beforeAll(async () => {
  discord = await LocalDiscord.start({ settlement: 'reported', record: spec.sink });
  bot = await startNoopBot(discord, {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    commands: COMMANDS,
    handle,
    handleMessage,
  });
  bot.client.ws.on(GatewayDispatchEvents.InteractionCreate, remember);
});

function remember(interaction: APIInteraction): void {
  const resolved =
    interaction.type === InteractionType.ApplicationCommand &&
    interaction.data.type === ApplicationCommandType.ChatInput
      ? interaction.data.resolved
      : undefined;
  rawResolved.set(interaction.id, Object.values(resolved?.channels ?? {})[0]?.permissions);
}

afterAll(async () => {
  await bot?.stop();
  await discord?.stop();
});

const mention = (channelId: string, name: string) =>
  discord.say({ user: discord.world.member(name), channelId, content: `<@${discord.applicationId}> hello` });

describe('channel permission overwrites', () => {
  it('reach the bot on CHANNEL_UPDATE: discord.js computes the same permissions the sandbox enforces', async () => {
    const { world } = discord;
    const guild = world.addGuild('Overwrites');
    const channel = world.channel(guild.id, 'no-embeds');
    world.setOverwrite(
      channel.id,
      { id: world.botRole(guild.id).id, type: 0 },
      { deny: PermissionFlagsBits.EmbedLinks },
    );
    const refused = await mention(channel.id, 'asker-1');
    expect(refused.settlement).toEqual({ outcome: 'error', reason: '50013' });
    expect(refused.replies).toEqual([]);
    const cached = bot.client.channels.cache.get(channel.id);
    const me = bot.client.guilds.cache.get(guild.id)?.members.me;
    expect(cached && 'permissionsFor' in cached && me ? cached.permissionsFor(me).has('EmbedLinks') : null).toBe(false);
    expect(world.channelPermissionsOf(channel.id, world.bot.id) & PermissionFlagsBits.EmbedLinks).toBe(0n);

    // A member overwrite granting it back outranks the role's denial.
    world.setOverwrite(channel.id, { id: world.bot.id, type: 1 }, { allow: PermissionFlagsBits.EmbedLinks });
    expect((await mention(channel.id, 'asker-2')).settlement).toEqual({ outcome: 'answered' });
  });

  it('refuse a reply without Read Message History, and a post without Send Messages, with 50013', async () => {
    const { world } = discord;
    const guild = world.addGuild('No history');
    const channel = world.channel(guild.id, 'no-history');
    world.setOverwrite(channel.id, { id: guild.id, type: 0 }, { deny: PermissionFlagsBits.ReadMessageHistory });
    expect((await mention(channel.id, 'asker-3')).settlement).toEqual({ outcome: 'error', reason: '50013' });
    world.setOverwrite(channel.id, { id: guild.id, type: 0 }, { deny: PermissionFlagsBits.SendMessages });
    await expect(
      bot.client.rest.post(Routes.channelMessages(channel.id), { body: { content: 'hi' } }),
    ).rejects.toMatchObject({ code: 50013, status: 403 });
  });

  it('hide a channel the bot may not view: its messages never reach the bot, a post there is 50001', async () => {
    const { world } = discord;
    const guild = world.addGuild('Hidden');
    const channel = world.channel(guild.id, 'hidden');
    world.setOverwrite(channel.id, { id: guild.id, type: 0 }, { deny: PermissionFlagsBits.ViewChannel });
    const unseen = await mention(channel.id, 'asker-4');
    expect(unseen.delivered).toBe(false);
    await expect(
      bot.client.rest.post(Routes.channelMessages(channel.id), { body: { content: 'hi' } }),
    ).rejects.toMatchObject({ code: 50001, status: 403 });
  });

  it('server-wide role permissions apply everywhere once changed (GUILD_ROLE_UPDATE)', async () => {
    const { world } = discord;
    const guild = world.addGuild('Role change');
    const channel = world.channel(guild.id, 'talk');
    const role = world.botRole(guild.id);
    world.setRolePermissions(
      guild.id,
      guild.id,
      world.guild(guild.id)!.roles.get(guild.id)!.permissions & ~PermissionFlagsBits.SendMessages,
    );
    world.setRolePermissions(guild.id, role.id, role.permissions & ~PermissionFlagsBits.SendMessages);
    expect((await mention(channel.id, 'asker-5')).settlement).toEqual({ outcome: 'error', reason: '50013' });
    expect(bot.client.guilds.cache.get(guild.id)?.members.me?.permissions.has('SendMessages')).toBe(false);
  });
});

describe('permissions in interactions, as Discord computes them', () => {
  it("app_permissions are the bot's in the channel used; a resolved channel carries the invoking member's", async () => {
    const { world } = discord;
    const guild = world.addGuild('Interaction permissions');
    const here = world.channel(guild.id, 'here');
    const there = world.channel(guild.id, 'there');
    world.setOverwrite(here.id, { id: world.botRole(guild.id).id, type: 0 }, { deny: PermissionFlagsBits.EmbedLinks });
    const member = world.member('chooser', { guildId: guild.id });
    world.setOverwrite(there.id, { id: member.id, type: 1 }, { deny: PermissionFlagsBits.SendMessages });
    const exchange = await discord.command({
      user: member,
      guildId: guild.id,
      channelId: here.id,
      name: 'where',
      options: [{ name: 'channel', value: there.id }],
    });
    expect(exchange.settlement).toEqual({ outcome: 'answered' });
    const got = seen.get(exchange.interactionId);
    expect(got?.app).toBe(world.channelPermissionsOf(here.id, world.bot.id));
    expect((got?.app ?? 0n) & PermissionFlagsBits.EmbedLinks).toBe(0n);
    expect(got?.resolved).toBe(world.channelPermissionsOf(there.id, member.id).toString());
    expect(BigInt(got?.resolved ?? '0') & PermissionFlagsBits.SendMessages).toBe(0n);
  });
});

it('answers only as Discord’s OpenAPI spec allows', () => {
  expect(spec.violations).toEqual([]);
  expect(spec.checked.size).toBeGreaterThan(0);
});
