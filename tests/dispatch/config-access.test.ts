import { ApplicationCommandOptionType, ChannelType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { ChannelAccessCheck } from '../../src/dispatch/channel-access.js';
import {
  CHANNEL_ID,
  dataOption,
  GUILD_ID,
  MANAGE_SERVER,
  resolvedChannels,
  slashCommand,
  subcommand,
} from '../support/discord-json.js';
import { exchange, testDeps } from '../support/dispatcher.js';

const MOD = '100000000000000051';
const OTHER = '200000000000000052';

/** `/config channels add channel:<id>`, run in CHANNEL_ID with these app_permissions. */
function addChannel(channelId: string, appPermissions?: bigint) {
  const interaction = slashCommand(
    { userId: MOD, guildId: GUILD_ID, permissions: MANAGE_SERVER },
    {
      name: 'config',
      options: subcommand(
        ['channels', 'add'],
        [dataOption('channel', ApplicationCommandOptionType.Channel, channelId)],
      ),
      resolved: resolvedChannels({ [channelId]: ChannelType.GuildText }),
    },
  );
  return appPermissions === undefined ? interaction : { ...interaction, app_permissions: appPermissions.toString() };
}

const edited = async (result: ReturnType<typeof exchange>): Promise<string> => {
  const { sent } = await result;
  const edit = sent.find((message) => message.via === 'edit')?.body;
  return [edit?.content ?? '', ...(edit?.embeds ?? []).map((embed) => embed.description ?? '')].join('\n');
};

describe('/config channels add, on what the bot can tell of its permissions', () => {
  it('reads the interaction’s own channel from app_permissions: a missing one refuses, nothing saved', async () => {
    const deps = testDeps();
    const held = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;
    const text = await edited(exchange(addChannel(CHANNEL_ID, held), deps));
    expect(text).toContain(`I can’t answer in <#${CHANNEL_ID}>: I don’t have Read Message History there.`);
    expect(deps.settings.get(GUILD_ID).answerChannels).toEqual([]);
  });

  it('asks the transport about another channel, and says plainly when it cannot tell, saving it', async () => {
    const deps = testDeps();
    const text = await edited(exchange(addChannel(OTHER), deps));
    expect(text).toContain(
      `I couldn’t check my permissions in <#${OTHER}> from here: make sure I have View Channel, Send Messages, ` +
        'Embed Links, Read Message History there',
    );
    expect(deps.settings.get(GUILD_ID).answerChannels).toEqual([OTHER]);
  });

  it('takes the transport’s answer for another channel: known and lacking, it refuses', async () => {
    const asked: string[] = [];
    const channelAccess: ChannelAccessCheck = (guildId, channelId) => {
      asked.push(`${guildId}/${channelId}`);
      return Promise.resolve({ known: true, missing: ['SendMessages'] });
    };
    const deps = testDeps({ channelAccess });
    const text = await edited(exchange(addChannel(OTHER), deps));
    expect(asked).toEqual([`${GUILD_ID}/${OTHER}`]);
    expect(text).toContain('I don’t have Send Messages there. Nothing was saved.');
    expect(deps.settings.get(GUILD_ID).answerChannels).toEqual([]);
  });
});
