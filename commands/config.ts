import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { note, type Answer, type Reply } from '../src/replies/answer.js';
import { encodeAction } from '../src/replies/custom-id.js';
import { MAX_ANSWER_CHANNELS, SettingsStoreError, type SettingsStore } from '../src/settings/index.js';
import {
  SUBCOMMAND,
  SUBCOMMAND_GROUP,
  type ButtonHandler,
  type Command,
  type Invocation,
  type Options,
} from './command.js';
import { ANSWER_CHANNEL_TYPES, channelLink, channelList, channelTypeName, describeSettings } from './config-replies.js';

const VERB = 'cfg';

const definition = new SlashCommandBuilder()
  .setName('config')
  .setDescription('Moderators: choose where and how the bot answers in this server.')
  .setDescriptionLocalizations({ 'zh-CN': '管理员：设置机器人在本服务器的回答位置和方式' })
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommandGroup((group) =>
    group
      .setName('channels')
      .setDescription('The channels where answers are posted publicly (none listed: everywhere).')
      .addSubcommand((c) =>
        c
          .setName('add')
          .setDescription('Post answers publicly in this channel.')
          .addChannelOption((o) => o.setName('channel').setDescription('A text channel.').setRequired(true)),
      )
      .addSubcommand((c) =>
        c
          .setName('remove')
          .setDescription('Stop posting answers publicly in this channel.')
          .addChannelOption((o) => o.setName('channel').setDescription('A listed channel.').setRequired(true)),
      )
      .addSubcommand((c) => c.setName('list').setDescription('Show the channels where answers are public.'))
      .addSubcommand((c) => c.setName('clear').setDescription('Empty the list: answers are public everywhere again.')),
  )
  .addSubcommand((c) =>
    c
      .setName('visibility')
      .setDescription('Whether answers are public or only seen by the asker, by default.')
      .addStringOption((o) =>
        o
          .setName('mode')
          .setDescription('public or ephemeral')
          .setRequired(true)
          .addChoices({ name: 'public', value: 'public' }, { name: 'ephemeral', value: 'ephemeral' }),
      ),
  )
  .addSubcommand((c) =>
    c
      .setName('mentions')
      .setDescription('Whether the bot answers @mentions in the answer channels.')
      .addBooleanOption((o) => o.setName('enabled').setDescription('true or false').setRequired(true)),
  )
  .addSubcommand((c) =>
    c
      .setName('share')
      .setDescription('Whether “Share” may post a private answer publicly.')
      .addBooleanOption((o) => o.setName('enabled').setDescription('true or false').setRequired(true)),
  )
  .addSubcommand((c) => c.setName('show').setDescription('Every setting, with who changed it last and when.'))
  .addSubcommand((c) => c.setName('reset').setDescription('Back to the defaults (asks to confirm).'))
  .toJSON();

const done = (title: string, ...lines: string[]): Answer => ({ title, sections: [{ lines: lines.map(note) }] });

/** Runs one write, turning the store's refusals into a plain message that says nothing changed. */
async function save(write: () => Promise<Reply>): Promise<Reply> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof SettingsStoreError)) throw error;
    const why =
      error.kind === 'busy'
        ? 'the settings database is busy'
        : error.kind === 'readonly'
          ? 'the settings database is read-only (the bot’s operator must fix it)'
          : 'the settings database could not be written';
    return { problem: `Nothing was changed: ${why}.${error.kind === 'busy' ? ' Please try again in a moment.' : ''}` };
  }
}

function channels(
  sub: string,
  options: Options,
  store: SettingsStore,
  guildId: string,
  userId: string,
  invocation: Invocation,
): Promise<Reply> {
  if (sub === 'list')
    return Promise.resolve(
      done('Answer channels', `Answers are posted publicly in ${channelList(store.get(guildId))}.`),
    );
  if (sub === 'clear') {
    return save(async () => {
      const { outcome } = await store.clearChannels(guildId, userId);
      return outcome === 'cleared'
        ? done('Answer channels cleared', 'Answers are posted publicly in every channel again.')
        : done('Nothing to clear', 'No channels were listed: answers are already public everywhere.');
    });
  }
  const channelId = typeof options['channel'] === 'string' ? options['channel'] : '';
  if ((sub !== 'add' && sub !== 'remove') || !/^\d{1,20}$/.test(channelId))
    return Promise.resolve({ problem: 'Name a channel: `/config channels add channel:#policy`.' });
  const type = invocation.channels.get(channelId)?.type;
  if (sub === 'add' && type !== undefined && !ANSWER_CHANNEL_TYPES.has(type)) {
    return Promise.resolve({
      problem: `${channelLink(channelId)} is ${channelTypeName(type)}: answers can only be posted in text channels and threads.`,
    });
  }
  return save(async () => {
    if (sub === 'add') {
      const { outcome, settings } = await store.addChannel(guildId, channelId, userId);
      if (outcome === 'full')
        return {
          problem: `The list already holds ${MAX_ANSWER_CHANNELS} channels, the most it can. Remove one first with \`/config channels remove\`.`,
        };
      if (outcome === 'unchanged')
        return done(
          'Already listed',
          `${channelLink(channelId)} was already an answer channel. Public answers: ${channelList(settings)}.`,
        );
      return done(
        'Answer channel added',
        `Answers are now posted publicly in ${channelLink(channelId)}.`,
        `Public answers: ${channelList(settings)}; elsewhere only the asker sees them.`,
      );
    }
    const { outcome, settings } = await store.removeChannel(guildId, channelId, userId);
    if (outcome === 'unchanged')
      return done(
        'Not listed',
        `${channelLink(channelId)} was not an answer channel. Public answers: ${channelList(settings)}.`,
      );
    return done(
      'Answer channel removed',
      `${channelLink(channelId)} is no longer an answer channel.`,
      `Public answers: ${channelList(settings)}.`,
    );
  });
}

export const config: Command = {
  definition,
  answers: false,
  defer: true,
  async execute(options, context, invocation) {
    const store = context.settings;
    const { guildId, userId } = invocation;
    if (!guildId)
      return {
        problem:
          '`/config` is for servers: it sets where and how the bot answers there. In DMs every answer is already just for you.',
      };
    if (!store) return { problem: 'Settings are not available right now.' };
    const group = options[SUBCOMMAND_GROUP];
    const sub = String(options[SUBCOMMAND] ?? '');
    if (group === 'channels') return channels(sub, options, store, guildId, userId, invocation);
    switch (sub) {
      case 'visibility': {
        const mode = options['mode'] === 'ephemeral' ? 'ephemeral' : 'public';
        return save(async () =>
          (await store.setVisibility(guildId, mode, userId)).outcome === 'set'
            ? done(
                'Visibility changed',
                mode === 'public'
                  ? 'Answers are now public by default (anyone may still ask with `hide:true`).'
                  : 'Answers are now ephemeral by default: only the asker sees them.',
              )
            : done('No change', `Answers were already ${mode} by default.`),
        );
      }
      case 'mentions':
      case 'share': {
        const enabled = options['enabled'] === true;
        const what =
          sub === 'mentions'
            ? enabled
              ? 'I now answer @mentions in the answer channels.'
              : 'I no longer answer @mentions in this server.'
            : enabled
              ? 'The “Share” button is on: private answers may be posted publicly.'
              : 'The “Share” button is off in this server.';
        return save(async () => {
          const result =
            sub === 'mentions'
              ? await store.setMentions(guildId, enabled, userId)
              : await store.setShare(guildId, enabled, userId);
          return result.outcome === 'set'
            ? done('Setting changed', what)
            : done('No change', `That was already the setting. ${what}`);
        });
      }
      case 'show':
        return done('Settings for this server', describeSettings(store.get(guildId)).join('\n'));
      case 'reset':
        return {
          title: 'Reset every setting?',
          sections: [
            {
              lines: [
                note(
                  'This empties the answer-channel list and sets answers public, @mentions on and “Share” on. Currently:',
                ),
                note(describeSettings(store.get(guildId)).join('\n')),
              ],
            },
          ],
          buttons: [
            { label: 'Reset to defaults', action: encodeAction(VERB, 'reset'), style: 'primary' },
            { label: 'Cancel', action: encodeAction(VERB, 'cancel') },
          ],
        };
      default:
        return { problem: 'Unknown `/config` subcommand: try `/config show`.' };
    }
  },
  buttons: [
    {
      verb: VERB,
      arity: 1,
      async press([choice], context, invocation) {
        const store = context.settings;
        if (choice === 'cancel') return { mode: 'update', reply: done('Reset cancelled', 'Nothing was changed.') };
        if (choice !== 'reset' || !store || !invocation.guildId)
          return { mode: 'reply', reply: { problem: 'This answer has expired: ask again.' } };
        const guildId = invocation.guildId;
        return {
          mode: 'update',
          reply: await save(async () =>
            (await store.reset(guildId, invocation.userId)).outcome === 'reset'
              ? done(
                  'Settings reset',
                  'Every setting is back to its default:',
                  describeSettings(store.get(guildId)).join('\n'),
                )
              : done('Nothing to reset', 'Every setting was already at its default.'),
          ),
        };
      },
    } satisfies ButtonHandler,
  ],
};
