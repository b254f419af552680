import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/gateway/start.js';
import { startHttpBot } from '../../src/http/start.js';
import { ChannelType, type Exchange, type SandboxUser } from '../../src/sandbox/index.js';
import { openSettingsStore, SETTINGS_FILE_NAME } from '../../src/settings/index.js';
import {
  buttonsOf,
  callbackType,
  configOptions,
  configure,
  dataOf,
  descriptionOf,
  LEVEL,
  person,
  newServer,
  onlyReply,
  sharedWorlds,
  startBotWorld,
  storedOf,
  titleOf,
  TRANSPORTS,
  type World,
  type MessageData,
  type TestServer,
} from './support.js';

const EPHEMERAL = 64;

const worldOver = sharedWorlds(startBotWorld);
let world: World;

/** An ordinary member's `/ask` (a new person each time, so the answer limit never interferes). */
function ask(
  server: TestServer,
  channelId: string,
  options: { hide?: boolean; user?: SandboxUser } = {},
): Promise<Exchange> {
  const user = options.user ?? person(world, { guildId: server.guild.id });
  const hide = options.hide === undefined ? [] : [{ name: 'hide', value: options.hide }];
  return world.discord.command({
    user,
    guildId: server.guild.id,
    channelId,
    name: 'ask',
    options: [{ name: 'question', value: 'who gets demoted?' }, ...hide],
  });
}

/** The answer to an `/ask`: one reply, a cited answer, pinging no one. */
function answerOf(exchange: Exchange): { ephemeral: boolean; data: MessageData; labels: (string | undefined)[] } {
  expect(exchange.denied).toBeUndefined();
  const reply = onlyReply(exchange);
  expect(callbackType(reply)).toBe(4);
  const data = dataOf(reply);
  expect(descriptionOf(data)).toMatch(/— ¶4(\.\d+)?$/m);
  expect(data.allowed_mentions?.parse).toEqual([]);
  // What the sandbox stored agrees with the flags the bot sent.
  expect(reply.ephemeral).toBe(((data.flags ?? 0) & EPHEMERAL) === EPHEMERAL);
  return { ephemeral: reply.ephemeral, data, labels: buttonsOf(data).map((button) => button.label) };
}

const addChannel = (server: TestServer, channelId: string): Promise<MessageData> =>
  configure(world, server, configOptions.channels('add', channelId));
const listChannels = async (server: TestServer): Promise<string> =>
  descriptionOf(await configure(world, server, configOptions.channels('list')));

describe.each(TRANSPORTS)('over %s', (transport) => {
  beforeAll(async () => {
    world = await worldOver(transport);
  });

  describe('who may run /config', () => {
    it('Discord refuses it to an ordinary member, and in DMs', async () => {
      const server = newServer(world, 'Refusals');
      const member = person(world, { guildId: server.guild.id });
      const refused = await world.discord.command({
        user: member,
        guildId: server.guild.id,
        name: 'config',
        options: configOptions.show(),
      });
      expect(refused.denied).toMatch(/Manage Server/);
      expect(refused.replies).toEqual([]);
      const inDm = await world.discord.command({
        user: member,
        dm: true,
        name: 'config',
        options: configOptions.show(),
      });
      expect(inDm.denied).toMatch(/not available in direct messages/);
      // The moderator of the same server gets through.
      const allowed = await world.discord.command({
        user: server.mod,
        guildId: server.guild.id,
        name: 'config',
        options: configOptions.show(),
      });
      expect(allowed.denied).toBeUndefined();
    });
  });

  describe('answer channels', () => {
    it('a moderator adds #policy: the reply is a private deferral, then an edit saying it was added', async () => {
      const server = newServer(world, 'Add');
      const exchange = await world.discord.command({
        user: server.mod,
        guildId: server.guild.id,
        name: 'config',
        options: configOptions.channels('add', server.policy),
      });
      expect(exchange.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([
        ['callback', true],
        ['edit', true],
      ]);
      expect(callbackType(exchange.replies[0])).toBe(5);
      const data = dataOf(exchange.replies[1]);
      expect(titleOf(data)).toBe('Answer channel added');
      expect(descriptionOf(data)).toContain(`Answers are now posted publicly in <#${server.policy}>.`);
      expect(data.allowed_mentions?.parse).toEqual([]);
    });

    it('then answers privately elsewhere, naming the answer channels as links, and publicly in #policy', async () => {
      const server = newServer(world, 'Placement');
      await addChannel(server, server.policy);

      const elsewhere = answerOf(await ask(server, server.general));
      expect(elsewhere.ephemeral).toBe(true);
      expect(elsewhere.data.content).toBe(
        `In this server I answer publicly in <#${server.policy}>; here only you see my answers.`,
      );
      expect(elsewhere.labels).not.toContain('Share');

      const inPolicy = answerOf(await ask(server, server.policy));
      expect(inPolicy.ephemeral).toBe(false);
      expect(inPolicy.data.content ?? '').toBe('');
    });

    it('refuses a voice channel and a category with a clear message, and lists neither', async () => {
      const server = newServer(world, 'Wrong types');
      const voice = world.discord.world.createChannel(server.guild.id, { name: 'Voice', type: ChannelType.GuildVoice });
      const category = world.discord.world.createChannel(server.guild.id, {
        name: 'Info',
        type: ChannelType.GuildCategory,
      });

      const refusedVoice = await addChannel(server, voice.id);
      expect(refusedVoice.content).toBe(
        `<#${voice.id}> is a voice channel: answers can only be posted in text channels and threads.`,
      );
      expect(refusedVoice.allowed_mentions?.parse).toEqual([]);
      const refusedCategory = await addChannel(server, category.id);
      expect(refusedCategory.content).toBe(
        `<#${category.id}> is a category: answers can only be posted in text channels and threads.`,
      );

      const listed = await listChannels(server);
      expect(listed).toContain('every channel (no list set)');
      expect(listed).not.toContain(voice.id);
      expect(listed).not.toContain(category.id);
    });

    it('says a channel added twice was already listed, and keeps it once', async () => {
      const server = newServer(world, 'Twice');
      await addChannel(server, server.policy);
      const again = await addChannel(server, server.policy);
      expect(titleOf(again)).toBe('Already listed');
      expect(descriptionOf(again)).toContain(`<#${server.policy}> was already an answer channel.`);
      expect((await listChannels(server)).match(new RegExp(`<#${server.policy}>`, 'g'))).toHaveLength(1);
    });

    it('keeps the list across a restart of the bot', async () => {
      const server = newServer(world, 'Restart');
      await addChannel(server, server.policy);
      await world.restart();
      expect(await listChannels(server)).toContain(`<#${server.policy}>`);
      const elsewhere = answerOf(await ask(server, server.general));
      expect(elsewhere.ephemeral).toBe(true);
      expect(elsewhere.data.content).toContain(`<#${server.policy}>`);
      expect(answerOf(await ask(server, server.policy)).ephemeral).toBe(false);
    });
  });

  describe('/config show', () => {
    it('lists every setting with who changed it, or "default"', async () => {
      const server = newServer(world, 'Show');
      const secondMod = person(world, { guildId: server.guild.id, manageGuild: true });
      await addChannel(server, server.policy);
      await configure(world, server, configOptions.visibility('ephemeral'));
      await configure(world, { ...server, mod: secondMod }, configOptions.mentions(false));

      const data = await configure(world, server, configOptions.show());
      expect(titleOf(data)).toBe('Settings for this server');
      expect(data.allowed_mentions?.parse).toEqual([]);
      const lines = descriptionOf(data).split('\n');
      expect(lines).toHaveLength(4);
      const line = (label: string): string =>
        lines.find((candidate) => candidate.startsWith(`**${label}:**`)) ?? `(no line for ${label})`;
      expect(line('Public answers in')).toMatch(
        new RegExp(`<#${server.policy}> — changed by <@${server.mod.id}> <t:\\d+:R>$`),
      );
      expect(line('Answers by default')).toMatch(
        new RegExp(`ephemeral .* — changed by <@${server.mod.id}> <t:\\d+:R>$`),
      );
      expect(line('Answers @mentions')).toMatch(new RegExp(`no — changed by <@${secondMod.id}> <t:\\d+:R>$`));
      expect(line('“Share” button')).toBe('**“Share” button:** on — default');
    });
  });

  describe('visibility', () => {
    it('ephemeral by default; an explicit hide:false is public in an answer channel, but not outside the list', async () => {
      const server = newServer(world, 'Visibility');
      await addChannel(server, server.policy);
      const changed = await configure(world, server, configOptions.visibility('ephemeral'));
      expect(descriptionOf(changed)).toContain('Answers are now ephemeral by default');

      const byDefault = answerOf(await ask(server, server.policy));
      expect(byDefault.ephemeral).toBe(true);
      expect(byDefault.labels).toContain('Share');
      expect(answerOf(await ask(server, server.policy, { hide: false })).ephemeral).toBe(false);
      // The channel list still wins over hide:false.
      const outside = answerOf(await ask(server, server.general, { hide: false }));
      expect(outside.ephemeral).toBe(true);
      expect(outside.data.content).toContain(`<#${server.policy}>`);
    });
  });

  describe('share', () => {
    it('turned off: Share on an earlier private answer is refused politely and posts nothing', async () => {
      const server = newServer(world, 'Share');
      const asker = person(world, { guildId: server.guild.id });
      const shareOf = async (): Promise<{ message: ReturnType<typeof storedOf>; customId: string }> => {
        const exchange = await ask(server, server.general, { hide: true, user: asker });
        const answer = answerOf(exchange);
        expect(answer.ephemeral).toBe(true);
        const button = buttonsOf(answer.data).find((candidate) => candidate.label === 'Share');
        expect(button?.custom_id).toBeDefined();
        return { message: storedOf(world.discord, exchange.replies[0]), customId: button?.custom_id ?? '' };
      };
      const publicMessages = (): number =>
        world.discord.world.messages(server.general).filter((message) => (message.flags & EPHEMERAL) === 0).length;

      // While sharing is on, Share posts the answer for everyone (after spending the private one's button).
      const first = await shareOf();
      const sharing = await world.discord.pressButton({ user: asker, ...first });
      expect(sharing.replies.map((reply) => [reply.kind, reply.ephemeral])).toEqual([
        ['callback', true],
        ['followup', false],
      ]);
      expect(dataOf(sharing.replies[1]).content).toBe(`Shared by <@${asker.id}>`);

      const second = await shareOf();
      const off = await configure(world, server, configOptions.share(false));
      expect(descriptionOf(off)).toContain('The “Share” button is off in this server.');
      const before = publicMessages();
      const refused = onlyReply(await world.discord.pressButton({ user: asker, ...second }));
      expect([refused.kind, refused.ephemeral]).toEqual(['callback', true]);
      expect(dataOf(refused).content).toBe('Sharing answers is turned off in this server.');
      expect(dataOf(refused).embeds ?? []).toEqual([]);
      expect(publicMessages()).toBe(before);

      // New private answers no longer offer Share.
      expect(answerOf(await ask(server, server.general, { hide: true })).labels).not.toContain('Share');
    });
  });

  describe('/config reset', () => {
    it('asks to confirm; Cancel changes nothing, "Reset to defaults" clears everything', async () => {
      const server = newServer(world, 'Reset');
      await addChannel(server, server.policy);
      await configure(world, server, configOptions.visibility('ephemeral'));
      await configure(world, server, configOptions.share(false));

      const confirmation = async (): Promise<{ message: ReturnType<typeof storedOf>; ids: Map<string, string> }> => {
        const exchange = await world.discord.command({
          user: server.mod,
          guildId: server.guild.id,
          name: 'config',
          options: configOptions.reset(),
        });
        const edit = exchange.replies.find((reply) => reply.kind === 'edit');
        const data = dataOf(edit);
        expect(titleOf(data)).toBe('Reset every setting?');
        expect(buttonsOf(data).map((button) => button.label)).toEqual(['Reset to defaults', 'Cancel']);
        return {
          message: storedOf(world.discord, edit),
          ids: new Map(buttonsOf(data).map((button) => [button.label ?? '', button.custom_id ?? ''])),
        };
      };

      const cancelled = await confirmation();
      const cancel = onlyReply(
        await world.discord.pressButton({
          user: server.mod,
          message: cancelled.message,
          customId: cancelled.ids.get('Cancel') ?? '',
        }),
      );
      expect(callbackType(cancel)).toBe(7);
      expect(titleOf(dataOf(cancel))).toBe('Reset cancelled');
      expect(await listChannels(server)).toContain(`<#${server.policy}>`);

      const confirmed = await confirmation();
      // The reset waits on storage: the press is acknowledged at once, and the prompt edited once it is done.
      const pressed = await world.discord.pressButton({
        user: server.mod,
        message: confirmed.message,
        customId: confirmed.ids.get('Reset to defaults') ?? '',
      });
      expect(pressed.replies.map((reply) => reply.kind)).toEqual(['callback', 'edit']);
      expect(callbackType(pressed.replies[0])).toBe(6);
      const reset = pressed.replies[1];
      expect(reset?.messageId).toBe(confirmed.message.id);
      expect(titleOf(dataOf(reset))).toBe('Settings reset');

      const shown = descriptionOf(await configure(world, server, configOptions.show())).split('\n');
      // Every value is back to its default; what the reset moved is attributed to it.
      const byMod = `changed by <@${server.mod.id}> <t:\\d+:R>`;
      expect(shown).toHaveLength(4);
      expect(shown[0]).toMatch(
        new RegExp(`^\\*\\*Public answers in:\\*\\* every channel \\(no list set\\) — ${byMod}$`),
      );
      expect(shown[1]).toMatch(new RegExp(`^\\*\\*Answers by default:\\*\\* public — ${byMod}$`));
      expect(shown[2]).toBe('**Answers @mentions:** yes — default');
      expect(shown[3]).toMatch(new RegExp(`^\\*\\*“Share” button:\\*\\* on — ${byMod}$`));
      const answer = answerOf(await ask(server, server.general));
      expect(answer.ephemeral).toBe(false);
      expect(answer.data.content ?? '').toBe('');
    });
  });

  describe('/config reset’s prompt, pressed later', () => {
    /** A server with #policy listed, and its moderator's open reset prompt. */
    async function openPrompt(name: string) {
      const server = newServer(world, name);
      await addChannel(server, server.policy);
      const exchange = await world.discord.command({
        user: server.mod,
        guildId: server.guild.id,
        name: 'config',
        options: configOptions.reset(),
      });
      const edit = exchange.replies.find((reply) => reply.kind === 'edit');
      const resetId = buttonsOf(dataOf(edit)).find((button) => button.label === 'Reset to defaults')?.custom_id ?? '';
      const press = () =>
        world.discord.pressButton({ user: server.mod, message: storedOf(world.discord, edit), customId: resetId });
      return { server, press };
    }

    /** The press is refused, privately, with `said`, and the list is as it was. */
    async function expectRefused(server: TestServer, pressed: Exchange, said: string): Promise<void> {
      const reply = onlyReply(pressed);
      expect([reply.kind, reply.ephemeral]).toEqual(['callback', true]);
      expect(dataOf(reply).content).toBe(said);
      const stillModerating = { ...server, mod: person(world, { guildId: server.guild.id, manageGuild: true }) };
      expect(await listChannels(stillModerating)).toContain(`<#${server.policy}>`);
    }

    it('is refused to its moderator once they no longer have Manage Server', async () => {
      const { server, press } = await openPrompt('Lost permission');
      world.discord.world.guild(server.guild.id)!.members.get(server.mod.id)!.roleIds.length = 0;
      await expectRefused(
        server,
        await press(),
        'Only members with the Manage Server permission can change these settings.',
      );
    });

    it('is refused once the settings changed since it showed them', async () => {
      const { server, press } = await openPrompt('Changed since');
      const other = person(world, { guildId: server.guild.id, manageGuild: true });
      await configure(world, { ...server, mod: other }, configOptions.mentions(false));
      await expectRefused(server, await press(), 'These settings changed since; run `/config reset` again.');
    });

    it('is refused after a few minutes: a prompt does not wait forever', async () => {
      const { server, press } = await openPrompt('Old prompt');
      world.advanceClock(6 * 60_000);
      await expectRefused(server, await press(), 'This prompt has expired: run `/config reset` again.');
    });
  });

  describe('where the settings do not reach', () => {
    it('a DM and a user-installed use in another server ignore the first server’s settings', async () => {
      const server = newServer(world, 'Strict');
      await addChannel(server, server.policy);
      await configure(world, server, configOptions.visibility('ephemeral'));
      await configure(world, server, configOptions.share(false));
      const member = person(world, { guildId: server.guild.id });
      // The same person in the first server: private, with the notice.
      expect(answerOf(await ask(server, server.general, { user: member })).ephemeral).toBe(true);

      const inDm = answerOf(
        await world.discord.command({
          user: member,
          dm: true,
          name: 'ask',
          options: [{ name: 'question', value: 'who gets demoted?' }],
        }),
      );
      expect(inDm.ephemeral).toBe(false);
      expect(inDm.data.content ?? '').toBe('');
      const hiddenInDm = answerOf(
        await world.discord.command({
          user: member,
          dm: true,
          name: 'ask',
          options: [
            { name: 'question', value: 'who gets demoted?' },
            { name: 'hide', value: true },
          ],
        }),
      );
      expect(hiddenInDm.ephemeral).toBe(true);
      expect(hiddenInDm.labels).toContain('Share');

      const elsewhere = world.discord.world.addGuild('Elsewhere');
      world.discord.world.member(member.username, { guildId: elsewhere.id });
      const userInstalled = answerOf(
        await world.discord.command({
          user: member,
          guildId: elsewhere.id,
          userInstall: true,
          name: 'ask',
          options: [{ name: 'question', value: 'who gets demoted?' }],
        }),
      );
      expect(userInstalled.ephemeral).toBe(false);
      expect(userInstalled.data.content ?? '').toBe('');
    });
  });

  describe('a damaged settings file', () => {
    it('stops start-up with an error naming the file, and leaves its bytes as they were', async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'policy-bot-e2e-corrupt-'));
      try {
        const file = join(dataDir, SETTINGS_FILE_NAME);
        const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
        await writeFile(file, garbage);
        const options = {
          token: world.discord.botToken,
          applicationId: world.discord.applicationId,
          restApi: world.discord.restApi,
          dataDir,
          logger: pino({ level: 'silent' }),
          now: () => world.now,
        };
        const started =
          transport === 'gateway'
            ? startBot(options)
            : startHttpBot({ ...options, publicKey: world.discord.publicKey });
        await expect(started).rejects.toThrow(file);
        await expect(started).rejects.toThrow(/corrupt or not a SQLite database/);
        expect((await readFile(file)).equals(garbage)).toBe(true);
        expect(await readdir(dataDir)).toEqual([SETTINGS_FILE_NAME]);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
      // The running bot was not disturbed.
      expect(
        answerOf(
          await world.discord.command({
            user: person(world),
            name: 'ask',
            options: [{ name: 'question', value: 'who gets demoted?' }],
          }),
        ).ephemeral,
      ).toBe(false);
    });
  });
});

/** What only the gateway tells the bot: a channel deleted, the bot removed from a server. */
describe('gateway events', () => {
  beforeAll(async () => {
    world = await worldOver('gateway');
  });

  it('forgets a channel once it is deleted from the server', async () => {
    const server = newServer(world, 'Deleted');
    const other = world.discord.world.channel(server.guild.id, 'questions').id;
    await addChannel(server, server.policy);
    await addChannel(server, other);
    expect(await listChannels(server)).toContain(`<#${server.policy}>`);

    const start = world.logs.length;
    world.discord.world.deleteChannel(server.policy);
    // CHANNEL_DELETE travels the gateway, then storage: the bot says when it is done.
    expect(
      await world.logged((line) => line.msg === 'deleted channel removed from answer channels', start),
    ).toMatchObject({ level: LEVEL.info, channel: server.policy, guilds: [server.guild.id] });
    const listed = await listChannels(server);
    expect(listed).not.toContain(server.policy);
    expect(listed).toContain(`<#${other}>`);
  });

  describe('a server that removes the bot', () => {
    it('has its settings forgotten', async () => {
      const server = newServer(world, 'Leaving');
      await addChannel(server, server.policy);
      const start = world.logs.length;
      world.discord.world.removeBotFrom(server.guild.id);
      // GUILD_DELETE travels the gateway, then storage: the bot says when it is done.
      expect(await world.logged((line) => line['guild'] === server.guild.id, start)).toMatchObject({
        level: LEVEL.info,
        msg: 'removed from a server: its settings forgotten',
      });
      const stored = openSettingsStore({ dataDir: world.dataDir, readonly: true });
      try {
        expect(stored.get(server.guild.id).answerChannels).toEqual([]);
        expect(stored.get(server.guild.id).changed).toEqual({});
      } finally {
        stored.close();
      }
    });
  });
});
