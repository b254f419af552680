import { PermissionFlagsBits } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OptionInput } from '../../src/sandbox/index.js';
import { renderResult } from '../../src/sandbox/render.js';
import { runScript } from '../../src/sandbox/runner.js';
import { parseScriptLine } from '../../src/sandbox/script.js';
import {
  configOptions,
  LEVEL,
  dataOf,
  descriptionOf,
  newServer,
  sharedWorlds,
  startBotWorld,
  TRANSPORTS,
  type MessageData,
  type TestServer,
  type World,
} from './support.js';

const worldOver = sharedWorlds(startBotWorld);
let world: World;

/** A moderator's `/config`, run in a given channel of their server: the edited answer. */
async function configureIn(server: TestServer, channelId: string, options: OptionInput[]): Promise<MessageData> {
  const exchange = await world.discord.command({
    user: server.mod,
    guildId: server.guild.id,
    channelId,
    name: 'config',
    options,
  });
  const edit = exchange.replies.find((reply) => reply.kind === 'edit');
  if (!edit) throw new Error(`/config gave no edited answer: ${JSON.stringify(exchange.replies)}`);
  return dataOf(edit);
}

/** Takes a permission from the bot's role in one channel, as a moderator would in its settings. */
function denyBot(server: TestServer, channelId: string, deny: bigint): void {
  const { world: discordWorld } = world.discord;
  discordWorld.setOverwrite(channelId, { id: discordWorld.botRole(server.guild.id).id, type: 0 }, { deny });
}

const textOf = (data: MessageData): string => data.content || descriptionOf(data);

describe.each(TRANSPORTS)('over %s', (transport) => {
  beforeAll(async () => {
    world = await worldOver(transport);
  });

  it('/config channels add refuses a channel where the bot cannot answer, saying what to grant; nothing saved', async () => {
    const server = newServer(world, `No embeds ${transport}`);
    denyBot(server, server.policy, PermissionFlagsBits.EmbedLinks);
    // Run in the channel itself: Discord's app_permissions say what the bot holds there, over either transport.
    const refused = await configureIn(server, server.policy, configOptions.channels('add', server.policy));
    expect(refused.content).toBe(
      `I can’t answer in <#${server.policy}>: I don’t have Embed Links there. Nothing was saved. To fix it, open ` +
        'the channel’s settings → Permissions, pick my role (or me) and allow Embed Links; or allow it for my role ' +
        'in Server Settings → Roles. Then add the channel again.',
    );
    expect(refused.allowed_mentions?.parse).toEqual([]);
    expect(await listed(server)).toContain('every channel (no list set)');
  });

  it('adds a channel named from another channel, its permissions read from the cache or over REST', async () => {
    const server = newServer(world, `Checks ${transport}`);
    const added = textOf(await configureIn(server, server.general, configOptions.channels('add', server.policy)));
    expect(added).toContain(`Answers are now posted publicly in <#${server.policy}>.`);
    expect(added).not.toContain('I couldn’t check');
    denyBot(server, server.policy, PermissionFlagsBits.EmbedLinks);
    const shown = textOf(await configureIn(server, server.general, configOptions.show()));
    expect(shown).toContain(`⚠️ I don’t have Embed Links in <#${server.policy}>`);
  });

  it('/config show flags an answer channel where the bot has since lost a permission', async () => {
    const server = newServer(world, `Lost ${transport}`);
    await configureIn(server, server.policy, configOptions.channels('add', server.policy));
    const before = textOf(await configureIn(server, server.policy, configOptions.show()));
    expect(before).not.toContain('⚠️');
    denyBot(server, server.policy, PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory);
    const after = textOf(await configureIn(server, server.policy, configOptions.show()));
    expect(after).toContain(
      `⚠️ I don’t have Send Messages, Read Message History in <#${server.policy}>: I can’t answer there`,
    );
  });

  it('a Chinese-speaking moderator reads the refusal in Chinese', async () => {
    const server = newServer(world, `Chinese ${transport}`);
    denyBot(server, server.policy, PermissionFlagsBits.ReadMessageHistory);
    const exchange = await world.discord.command({
      user: server.mod,
      guildId: server.guild.id,
      channelId: server.policy,
      name: 'config',
      options: configOptions.channels('add', server.policy),
      locale: 'zh-CN',
    });
    const edit = exchange.replies.find((reply) => reply.kind === 'edit');
    expect(dataOf(edit).content).toContain('“阅读消息历史”');
  });
});

async function listed(server: TestServer): Promise<string> {
  return descriptionOf(await configureIn(server, server.general, configOptions.channels('list')));
}

describe('over gateway: the sandbox script shows it as a moderator would meet it', () => {
  beforeAll(async () => {
    world = await worldOver('gateway');
  });

  it('takes a permission away in a channel, and the bot refuses it, answers nothing there, and says so', async () => {
    const results = await runScript(
      world.discord,
      { restart: () => world.restart() },
      [
        'in #script-channel deny Read Message History',
        'as mod in #script-channel /config channels add channel:#script-channel',
        'in #script-channel allow read message history',
        'as mod in #script-channel /config channels add channel:#script-channel',
        'in #script-channel deny Embed Links',
        'in #script-channel say @bot who gets demoted?',
        'in #script-channel deny Manage Everything',
      ].map(parseScriptLine),
    );
    const shown = results.map(renderResult);
    expect(shown[0]).toBe("(the bot's role may no longer Read Message History in #script-channel)");
    expect(shown[1]).toContain('I can’t answer in <#');
    expect(shown[1]).toContain('I don’t have Read Message History there. Nothing was saved.');
    expect(shown[2]).toBe("(the bot's role may again Read Message History in #script-channel)");
    expect(shown[3]).toContain('Answer channel added');
    expect(shown[5]).toBe(
      '✗ Discord rejected a request of the bot: /channels/:id/messages: 403 50013 Missing Permissions\n' +
        '(error: missing permission in the channel)',
    );
    expect(shown[6]).toMatch(/^✗ no permission "Manage Everything"; known: View Channel, Send Messages/);
  });
});

describe('over gateway: a mention answered where Discord refuses the post', () => {
  beforeAll(async () => {
    world = await worldOver('gateway');
  });

  it('is logged once per channel, not once per message, with ids only', async () => {
    const server = newServer(world, 'Refused posts');
    const other = world.discord.world.channel(server.guild.id, 'other');
    await configureIn(server, server.policy, configOptions.channels('add', server.policy));
    await configureIn(server, other.id, configOptions.channels('add', other.id));
    // Taken away after the channels were added, as a moderator might.
    denyBot(server, server.policy, PermissionFlagsBits.SendMessages);
    denyBot(server, other.id, PermissionFlagsBits.EmbedLinks);
    const since = world.logs.length;
    const mention = (channelId: string, name: string) =>
      world.discord.say({
        user: world.discord.world.member(name, { guildId: server.guild.id }),
        channelId,
        content: `<@${world.discord.applicationId}> who gets demoted?`,
      });
    for (const [channelId, name] of [
      [server.policy, 'first-asker'],
      [server.policy, 'second-asker'],
      [other.id, 'third-asker'],
    ] as const) {
      const exchange = await mention(channelId, name);
      expect(exchange.replies).toEqual([]);
      expect(exchange.settlement).toEqual({ outcome: 'error', reason: 'missing permission in the channel' });
    }
    const refused = world.logs.slice(since).filter((line) => line.msg?.startsWith('cannot post in a channel'));
    expect(refused).toEqual([
      expect.objectContaining({ level: LEVEL.warn, guild: server.guild.id, channel: server.policy, code: 50013 }),
      expect.objectContaining({ level: LEVEL.warn, guild: server.guild.id, channel: other.id, code: 50013 }),
    ]);
    expect(JSON.stringify(refused)).not.toMatch(/asker|demoted/);
    expect(world.logs.slice(since).filter((line) => line.level >= LEVEL.error)).toEqual([]);
  });
});
