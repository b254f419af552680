import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  MessageFlags,
  Routes,
  type Interaction,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiscord } from '../../src/sandbox/index.js';
import { startNoopBot, type NoopBot } from './noop-bot.js';
import { SpecChecker } from './spec/responses.js';
import { contentOf } from './reply-content.js';

/** Commands whose handlers each exercise one part of the interaction protocol. */
const COMMANDS = [
  { name: 'ping', description: 'Replies ok' },
  { name: 'think', description: 'Defers, then edits the reply' },
  { name: 'more', description: 'Replies, then follows up' },
  { name: 'secret', description: 'Replies ephemerally' },
  { name: 'hidden-think', description: 'Defers ephemerally' },
  { name: 'menu', description: 'Replies with a button' },
  { name: 'private-menu', description: 'Replies ephemerally with a button and an embed' },
  {
    name: 'settings',
    description: 'Moderators only',
    default_member_permissions: '32',
    options: [
      {
        type: 2,
        name: 'channels',
        description: 'Channel settings',
        options: [
          {
            type: 1,
            name: 'add',
            description: 'Adds a channel',
            options: [{ type: 7, name: 'channel', description: 'Which', required: true }],
          },
        ],
      },
    ],
  },
  { name: 'twice', description: 'Acknowledges twice' },
  {
    name: 'search',
    description: 'Autocompletes',
    options: [
      { type: 3, name: 'query', description: 'Text', autocomplete: true, required: true },
      { type: 4, name: 'limit', description: 'How many' },
    ],
  },
  { name: 'long', description: 'Sends too much' },
  { name: 'serveronly', description: 'Not in DMs', contexts: [0] },
  { name: 'Quote', type: 3 },
  { name: 'file', description: 'Replies with a file' },
  { name: 'respond', description: 'Replies with_response' },
  { name: 'lang', description: 'Says which locales it was sent', contexts: [0, 1, 2], integration_types: [0, 1] },
];

const responseIds: (string | undefined)[] = [];

const seen: { bitfield: bigint; options: unknown }[] = [];
const ackErrors: number[] = [];

async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused();
    await interaction.respond([
      { name: `${typed} one`, value: `${typed}-1` },
      { name: `${typed} two`, value: `${typed}-2` },
    ]);
    return;
  }
  if (interaction.isButton()) {
    await interaction.update({ content: `pressed ${interaction.customId}`, components: [] });
    return;
  }
  if (interaction.isMessageContextMenuCommand()) {
    await interaction.reply(`quoted: ${interaction.targetMessage.content}`);
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  seen.push({ bitfield: interaction.memberPermissions?.bitfield ?? 0n, options: interaction.options.data });
  switch (interaction.commandName) {
    case 'think':
      await interaction.deferReply();
      await interaction.editReply('done thinking');
      return;
    case 'hidden-think':
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.followUp('filled by the first follow-up');
      return;
    case 'more':
      await interaction.reply('first');
      await interaction.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
      return;
    case 'secret':
      await interaction.reply({ content: 'just you', flags: MessageFlags.Ephemeral });
      return;
    case 'menu': {
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('again').setLabel('Again').setStyle(ButtonStyle.Primary),
      );
      await interaction.reply({ content: 'choose', components: [row] });
      return;
    }
    case 'private-menu': {
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('mine').setLabel('Mine').setStyle(ButtonStyle.Primary),
        new ButtonBuilder().setCustomId('numbered').setLabel('Numbered').setStyle(ButtonStyle.Secondary).setId(7),
      );
      await interaction.reply({
        embeds: [{ title: '¶1', fields: [{ name: 'Cited', value: '¶1.1' }] }],
        components: [row],
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    case 'settings': {
      const channel = interaction.options.getChannel('channel', true);
      await interaction.reply(
        `added ${interaction.options.getSubcommandGroup()}/${interaction.options.getSubcommand()} #${channel.name ?? '?'}`,
      );
      return;
    }
    case 'twice':
      await interaction.reply('once');
      // discord.js refuses a second reply itself; a second process answering would not be stopped.
      await interaction.client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: 4, data: { content: 'twice' } },
          auth: false,
        })
        .catch((error: unknown) => {
          if (error instanceof DiscordAPIError) ackErrors.push(Number(error.code));
        });
      return;
    case 'respond': {
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      responseIds.push(response.resource?.message?.id);
      return;
    }
    case 'lang':
      await interaction.reply(`${interaction.locale} ${interaction.guildLocale ?? 'no server'}`);
      return;
    case 'file':
      await interaction.reply({
        content: 'attached',
        files: [{ attachment: Buffer.from('¶1 text'), name: 'excerpt.txt' }],
      });
      return;
    case 'long':
      await interaction.reply('x'.repeat(2001)).catch(() => interaction.reply('shorter'));
      return;
    default:
      await interaction.reply('ok');
  }
}

const spec = new SpecChecker();
let discord: LocalDiscord;
let bot: NoopBot;
beforeAll(async () => {
  discord = await LocalDiscord.start({ settlement: 'reported', record: spec.sink });
  bot = await startNoopBot(discord, { commands: COMMANDS, handle });
});
afterAll(async () => {
  await bot?.stop();
  await discord?.stop();
});

describe('slash commands', () => {
  it('records the callback of a plain reply', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'ping' });
    expect(exchange.denied).toBeUndefined();
    expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback']);
    expect(contentOf(exchange.replies[0])).toBe('ok');
    expect(exchange.replies[0]?.ephemeral).toBe(false);
  });

  it('waits for the edit after a deferred reply', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'think' });
    expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback', 'edit']);
    expect((exchange.replies[0]?.body as { type: number }).type).toBe(5);
    expect(contentOf(exchange.replies[1])).toBe('done thinking');
    const message = discord.world.message(discord.world.general.id, exchange.replies[1]?.messageId ?? '');
    expect(message?.content).toBe('done thinking');
  });

  it('records follow-ups with their own ephemeral flag', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'more' });
    expect(exchange.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([
      ['callback', false],
      ['followup', true],
    ]);
  });

  it('detects the ephemeral flag (64), also when a follow-up fills an ephemeral deferral', async () => {
    const secret = await discord.command({ user: discord.world.member('alice'), name: 'secret' });
    expect(secret.replies[0]?.ephemeral).toBe(true);
    const hidden = await discord.command({ user: discord.world.member('alice'), name: 'hidden-think' });
    expect(hidden.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([
      ['callback', true],
      ['followup', true],
    ]);
    expect(hidden.replies[1]?.messageId).toBe(hidden.replies[0]?.messageId);
  });

  it('answers a second acknowledgement with 40060', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'twice' });
    expect(exchange.replies).toHaveLength(1);
    expect(exchange.rejected.map((rejection) => rejection.code)).toEqual([40060]);
    expect(ackErrors).toContain(40060);
  });

  it('refuses a payload Discord would refuse (content over 2000 characters)', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'long' });
    expect(exchange.rejected[0]).toMatchObject({ status: 400, code: 50035 });
    expect(contentOf(exchange.replies[0])).toBe('shorter');
  });

  it('answers with_response=true with the callback resource (200)', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'respond' });
    expect(responseIds.at(-1)).toBe(exchange.replies[0]?.messageId);
    expect(responseIds.at(-1)).toMatch(/^\d{17,19}$/);
  });

  it('reads multipart bodies: payload_json and the files', async () => {
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'file' });
    expect(contentOf(exchange.replies[0])).toBe('attached');
    expect(exchange.replies[0]?.files).toEqual([
      expect.objectContaining({ filename: 'excerpt.txt', size: Buffer.byteLength('¶1 text') }),
    ]);
    const message = discord.world.message(discord.world.general.id, exchange.replies[0]?.messageId ?? '');
    expect(message?.attachments.map((file) => file.filename)).toEqual(['excerpt.txt']);
  });
});

describe('locale', () => {
  it('sends the person’s locale and the server’s with every interaction (en-US unless told)', async () => {
    const alice = discord.world.member('alice');
    const plain = await discord.command({ user: alice, name: 'lang' });
    expect(contentOf(plain.replies[0])).toBe('en-US en-US');
    const chinese = await discord.command({ user: alice, name: 'lang', locale: 'zh-CN' });
    expect(contentOf(chinese.replies[0])).toBe('zh-CN en-US');
    const inDm = await discord.command({ user: alice, name: 'lang', locale: 'zh-tw', dm: true });
    expect(contentOf(inDm.replies[0])).toBe('zh-TW no server');
    const french = discord.world.addGuild('Français', { locale: 'fr' });
    const claire = discord.world.member('claire', { guildId: french.id });
    const there = await discord.command({ user: claire, guildId: french.id, name: 'lang', locale: 'ja' });
    expect(contentOf(there.replies[0])).toBe('ja fr');
  });

  it('refuses a locale Discord does not have', async () => {
    await expect(
      discord.command({ user: discord.world.member('alice'), name: 'lang', locale: 'xx-XX' }),
    ).rejects.toThrow(/not a Discord locale/);
  });
});

describe('what Discord refuses before the bot sees it', () => {
  it('refuses a command needing Manage Server to an ordinary member, not to a moderator', async () => {
    const channel = discord.world.channel(discord.world.defaultGuild.id, 'policy');
    const options = [
      { name: 'channels', options: [{ name: 'add', options: [{ name: 'channel', value: channel.id }] }] },
    ];
    const before = seen.length;
    const refused = await discord.command({ user: discord.world.member('bob'), name: 'settings', options });
    expect(refused.denied).toMatch(/Manage Server/);
    expect(refused.replies).toEqual([]);
    expect(seen.length).toBe(before);
    const allowed = await discord.command({
      user: discord.world.member('mod', { manageGuild: true }),
      name: 'settings',
      options,
    });
    expect(contentOf(allowed.replies[0])).toBe('added channels/add #policy');
    expect(seen.at(-1)?.bitfield !== undefined && seen.at(-1)!.bitfield & 32n).toBe(32n);
  });

  it('refuses unknown commands and commands outside their contexts', async () => {
    const unknown = await discord.command({ user: discord.world.member('alice'), name: 'nope' });
    expect(unknown.denied).toMatch(/unknown command \/nope/);
    const inDm = await discord.command({ user: discord.world.member('alice'), name: 'serveronly', dm: true });
    expect(inDm.denied).toMatch(/not available in direct messages/);
    const badOption = await discord.command({
      user: discord.world.member('alice'),
      name: 'search',
      options: [{ name: 'limit', value: 'many' }],
    });
    expect(badOption.denied).toMatch(/whole number|missing required/);
  });
});

describe('components, autocomplete and context menus', () => {
  it('presses a button on a posted message', async () => {
    const alice = discord.world.member('alice');
    const menu = await discord.command({ user: alice, name: 'menu' });
    const message = discord.world.message(discord.world.general.id, menu.replies[0]?.messageId ?? '');
    expect(message).toBeDefined();
    const press = await discord.pressButton({ user: alice, message: message!, customId: 'again' });
    expect(press.replies.map((reply) => reply.kind)).toEqual(['callback']);
    expect((press.replies[0]?.body as { type: number }).type).toBe(7);
    expect(discord.world.message(message!.channelId, message!.id)?.content).toBe('pressed again');
    const gone = await discord.pressButton({ user: alice, message: message!, customId: 'again' });
    expect(gone.denied).toMatch(/no button/);
  });

  it('lets only the person an ephemeral message was for press its buttons', async () => {
    const alice = discord.world.member('alice');
    const menu = await discord.command({ user: alice, name: 'private-menu' });
    const message = discord.world.message(discord.world.general.id, menu.replies[0]?.messageId ?? '');
    expect(message?.visibleTo).toBe(alice.id);
    const stranger = await discord.pressButton({
      user: discord.world.member('bob'),
      message: message!,
      customId: 'mine',
    });
    expect(stranger.denied).toMatch(/ephemeral: only alice can see it/);
    expect(stranger.replies).toEqual([]);
    const own = await discord.pressButton({ user: alice, message: message!, customId: 'mine' });
    expect(own.denied).toBeUndefined();
    expect((own.replies[0]?.body as { type: number }).type).toBe(7);
  });

  it('refuses a press whose custom_id the message does not carry (Discord never sends it)', async () => {
    const alice = discord.world.member('alice');
    const menu = await discord.command({ user: alice, name: 'menu' });
    const message = discord.world.message(discord.world.general.id, menu.replies[0]?.messageId ?? '');
    const forged = await discord.pressButton({ user: alice, message: message!, customId: 'cfg:reset' });
    expect(forged.denied).toMatch(/no button with custom_id "cfg:reset"/);
    expect(forged.interactionId).toBe('');
  });

  it('returns components with their ids and embeds with type "rich", as Discord stores them', async () => {
    const alice = discord.world.member('alice');
    const menu = await discord.command({ user: alice, name: 'private-menu' });
    const sent = (menu.replies[0]?.body as { data: { components: { components: { id?: number }[] }[] } }).data;
    expect(sent.components[0]?.components[0]?.id).toBeUndefined();
    const stored = discord.world.message(discord.world.general.id, menu.replies[0]?.messageId ?? '');
    expect(stored?.components).toMatchObject([
      {
        type: 1,
        id: 1,
        components: [
          { custom_id: 'mine', id: 2 },
          { custom_id: 'numbered', id: 7 },
        ],
      },
    ]);
    expect(stored?.embeds).toMatchObject([{ type: 'rich', title: '¶1', fields: [{ name: 'Cited', inline: false }] }]);
  });

  it('returns the autocomplete choices', async () => {
    const choices = await discord.autocomplete({
      user: discord.world.member('alice'),
      name: 'search',
      options: [{ name: 'query', value: 'frag', focused: true }],
    });
    expect(choices).toEqual([
      { name: 'frag one', value: 'frag-1' },
      { name: 'frag two', value: 'frag-2' },
    ]);
  });

  it('runs a message command on a stored message', async () => {
    const said = await discord.say({ user: discord.world.member('carol'), content: 'the article says so' });
    const exchange = await discord.messageCommand({
      user: discord.world.member('alice'),
      targetMessage: { id: said.messageId, channelId: discord.world.general.id },
      name: 'Quote',
    });
    expect(contentOf(exchange.replies[0])).toBe('quoted: the article says so');
  });
});

describe('REST faults', () => {
  it('lands the reply after a 429 with Retry-After on the callback', async () => {
    const before = discord.stats.requests['POST /interactions/:id/:token/callback'] ?? 0;
    discord.failNext({ method: 'POST', route: '/interactions/:id/:token/callback', status: 429, retryAfter: 0.2 });
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'ping' });
    expect(contentOf(exchange.replies[0])).toBe('ok');
    expect((discord.stats.requests['POST /interactions/:id/:token/callback'] ?? 0) - before).toBe(2);
  });

  it('lands the edit after a 500 on it (discord.js retries)', async () => {
    discord.failNext({ method: 'PATCH', route: /\/messages\/@original$/, status: 500 });
    const exchange = await discord.command({ user: discord.world.member('alice'), name: 'think' });
    expect(exchange.replies.map((reply) => reply.kind)).toEqual(['callback', 'edit']);
  });
});

it('answers only as Discord’s OpenAPI spec allows', () => {
  expect(spec.violations).toEqual([]);
  expect(spec.checked.size).toBeGreaterThan(0);
});
