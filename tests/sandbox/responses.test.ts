import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  EmbedBuilder,
  MessageFlags,
  Routes,
  type Interaction,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiscord } from '../../src/sandbox/index.js';
import { startNoopBot, type NoopBot } from './noop-bot.js';
import { readOperations, schemaOf, SpecChecker } from './spec/responses.js';

const COMMANDS = [
  { name: 'ping', description: 'Replies ok' },
  { name: 'card', description: 'An embed with a button' },
  { name: 'think', description: 'Defers, edits, follows up, deletes the follow-up' },
  { name: 'respond', description: 'Replies with_response' },
  {
    name: 'search',
    description: 'Autocompletes',
    options: [{ type: 3, name: 'query', description: 'Text', autocomplete: true, required: true }],
  },
];

async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    await interaction.respond([{ name: 'one', value: '1' }]);
    return;
  }
  if (interaction.isButton()) {
    if (interaction.customId === 'later') {
      await interaction.deferUpdate();
      await interaction.editReply({ content: 'updated later' });
    } else if (interaction.customId === 'answer') {
      await interaction.reply({ content: 'answered', flags: MessageFlags.Ephemeral, withResponse: true });
      await interaction.followUp({ content: 'and more', flags: MessageFlags.Ephemeral });
    } else {
      await interaction.update({ content: 'updated', components: [] });
    }
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case 'card': {
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('now').setLabel('Now').setStyle(ButtonStyle.Primary),
        new ButtonBuilder().setCustomId('later').setLabel('Later').setStyle(ButtonStyle.Secondary),
        new ButtonBuilder().setCustomId('answer').setLabel('Answer').setStyle(ButtonStyle.Secondary),
        new ButtonBuilder().setURL('https://example.invalid/').setLabel('Link').setStyle(ButtonStyle.Link),
      );
      const embed = new EmbedBuilder().setTitle('¶3').setDescription('> words').addFields({ name: 'a', value: 'b' });
      await interaction.reply({ embeds: [embed], components: [row] });
      return;
    }
    case 'think': {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply('thought');
      const extra = await interaction.followUp('and more');
      await interaction.fetchReply();
      await interaction.webhook.fetchMessage(extra.id);
      await interaction.deleteReply(extra.id);
      return;
    }
    case 'respond':
      await interaction.reply({ content: 'with response', withResponse: true });
      return;
    default:
      await interaction.reply('ok');
  }
}

const checker = new SpecChecker();
let discord: LocalDiscord;
let bot: NoopBot;

beforeAll(async () => {
  discord = await LocalDiscord.start({ settlement: 'reported', record: checker.sink });
  bot = await startNoopBot(discord, { commands: COMMANDS, handle });
});
afterAll(async () => {
  await bot?.stop();
  await discord?.stop();
});

/** The bot's own REST client: every request carries its token, as the bot's would. */
const rest = () => bot.client.rest;
const refused = async (request: Promise<unknown>): Promise<number> => {
  try {
    await request;
    return 0;
  } catch (error) {
    return error instanceof DiscordAPIError ? Number(error.code) : -1;
  }
};

describe('every answer of the local Discord conforms to Discord’s OpenAPI spec', () => {
  it('for interactions: callbacks of each type, webhook edits, follow-ups and deletes', async () => {
    const alice = discord.world.member('alice');
    await discord.command({ user: alice, name: 'ping' });
    await discord.command({ user: alice, name: 'respond' });
    await discord.command({ user: alice, name: 'think' });
    await discord.autocomplete({
      user: alice,
      name: 'search',
      options: [{ name: 'query', value: 'x', focused: true }],
    });
    const card = await discord.command({ user: alice, name: 'card' });
    const message = discord.world.message(discord.world.general.id, card.replies[0]?.messageId ?? '');
    expect(message).toBeDefined();
    await discord.pressButton({ user: alice, message: message!, customId: 'answer' });
    await discord.pressButton({ user: alice, message: message!, customId: 'later' });
    await discord.pressButton({ user: alice, message: message!, customId: 'now' });
    expect(checker.violations).toEqual([]);
  });

  it('for the bot’s own look-ups, messages, commands and errors', async () => {
    const { world } = discord;
    const general = world.general.id;
    const guild = world.defaultGuild.id;
    const app = discord.applicationId;
    const alice = world.member('alice');
    await rest().get(Routes.gateway());
    await rest().get(Routes.gatewayBot());
    await rest().get(Routes.user('@me'));
    await rest().get(Routes.user(alice.id));
    await rest().get(Routes.currentApplication());
    await rest().get(Routes.channel(general));
    const posted = (await rest().post(Routes.channelMessages(general), { body: { content: 'hello' } })) as {
      id: string;
    };
    await rest().get(Routes.channelMessages(general));
    await rest().get(Routes.channelMessage(general, posted.id));
    await rest().patch(Routes.channelMessage(general, posted.id), { body: { content: 'edited' } });
    await rest().put(Routes.channelMessageOwnReaction(general, posted.id, encodeURIComponent('👍')));
    await rest().delete(Routes.channelMessageOwnReaction(general, posted.id, encodeURIComponent('👍')));
    await rest().post(Routes.channelTyping(general));
    await rest().delete(Routes.channelMessage(general, posted.id));
    await rest().post(Routes.userChannels(), { body: { recipient_id: alice.id } });
    await rest().get(Routes.guild(guild));
    await rest().get(Routes.guildRoles(guild));
    await rest().get(Routes.guildChannels(guild));
    await rest().get(Routes.guildMembers(guild));
    await rest().get(Routes.guildMember(guild, alice.id));
    for (const commands of [Routes.applicationCommands(app), Routes.applicationGuildCommands(app, guild)]) {
      await rest().put(commands, { body: COMMANDS });
      const created = (await rest().post(commands, { body: { name: 'extra', description: 'One more' } })) as {
        id: string;
      };
      await rest().get(commands);
      await rest().get(`${commands}/${created.id}`);
      await rest().patch(`${commands}/${created.id}`, { body: { description: 'Changed' } });
      await rest().delete(`${commands}/${created.id}`);
    }
    await rest().put(Routes.applicationGuildCommands(app, guild), { body: [] });
    expect(await refused(rest().get(Routes.channelMessage(general, '1'.repeat(18))))).toBe(10008);
    expect(await refused(rest().post(Routes.channelMessages(general), { body: { content: 'x'.repeat(2001) } }))).toBe(
      50035,
    );
    const unauthorized = await fetch(`${discord.restApi}/v10/users/@me`, { headers: { authorization: 'Bot nope' } });
    expect(unauthorized.status).toBe(401);
    await unauthorized.arrayBuffer();
    expect(checker.violations).toEqual([]);
  });

  it('covers every route the local Discord serves', () => {
    const served = new Set(discord.routes);
    const checked = new Set(
      [...checker.checked.keys()].map((key) => key.replace('/messages/@original', '/messages/:id')),
    );
    expect([...served].filter((route) => !checked.has(route))).toEqual([]);
  });
});

describe('the checker', () => {
  it('reads a schema for every response of every operation in the spec', () => {
    const operations = readOperations();
    expect(operations.size).toBeGreaterThan(200);
    expect(operations.get('GET /channels/:id')?.get('200')).toMatch(/GuildChannelResponse \| PrivateChannelResponse/);
    const unreadable: string[] = [];
    for (const [key, table] of operations)
      for (const [status, expression] of table) {
        try {
          schemaOf(expression);
        } catch {
          unreadable.push(`${key} ${status}: ${expression}`);
        }
      }
    expect(unreadable).toEqual([]);
  });

  it('finds a response that misses what Discord always sends', () => {
    const strict = new SpecChecker();
    strict.check({
      kind: 'rest',
      time: new Date().toISOString(),
      method: 'GET',
      path: '/users/123456789012345678',
      route: '/users/:id',
      status: 200,
      request: undefined,
      response: { id: '123456789012345678', username: 'x', discriminator: '0', avatar: null, global_name: null },
      headers: {},
    });
    expect(strict.violations).toHaveLength(1);
    expect(strict.violations[0]?.problem).toMatch(/public_flags|primary_guild/);
  });

  it('refuses a status the spec does not list for the operation', () => {
    const strict = new SpecChecker();
    strict.check({
      kind: 'rest',
      time: new Date().toISOString(),
      method: 'GET',
      path: '/gateway',
      route: '/gateway',
      status: 201,
      request: undefined,
      response: { url: 'ws://x' },
      headers: {},
    });
    expect(strict.violations[0]?.problem).toMatch(/status not in the spec/);
  });
});
