import { createHash } from 'node:crypto';
import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { z } from 'zod';
import { settingsButton, type Press, type SettingsPress } from '../src/answers/buttons.js';
import { note, type Answer, type Reply } from '../src/replies/answer.js';
import { channelLink, channelList, channelTypeName, describeSettings } from '../src/replies/settings-lines.js';
import {
  MAX_ANSWER_CHANNELS,
  SettingsStoreError,
  type GuildSettings,
  type SettingsStore,
} from '../src/settings/index.js';
import { adminCommand, type SettingsInvocation, type Subcommand } from '../src/dispatch/command.js';
import { snowflake } from '../src/dispatch/definition.js';

/** Channel types where the bot can post an answer for everyone to read. */
const ANSWER_CHANNEL_TYPES: ReadonlySet<number> = new Set([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

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

const SUBCOMMANDS = {
  'channels add': z.object({ channel: snowflake() }),
  'channels remove': z.object({ channel: snowflake() }),
  'channels list': z.object({}),
  'channels clear': z.object({}),
  visibility: z.object({ mode: z.enum(['public', 'ephemeral']) }),
  mentions: z.object({ enabled: z.boolean() }),
  share: z.object({ enabled: z.boolean() }),
  show: z.object({}),
  reset: z.object({}),
};

type Request = Subcommand<typeof SUBCOMMANDS>;

/** Where a moderator's change lands: the server, and who makes it. */
interface Change {
  readonly store: SettingsStore;
  readonly guildId: string;
  readonly userId: string;
}

async function changeChannel(
  sub: 'add' | 'remove',
  channelId: string,
  { store, guildId, userId }: Change,
  on: SettingsInvocation,
): Promise<Reply> {
  const type = on.channels.get(channelId)?.type;
  if (sub === 'add' && type !== undefined && !ANSWER_CHANNEL_TYPES.has(type)) {
    return {
      problem: `${channelLink(channelId)} is ${channelTypeName(type)}: answers can only be posted in text channels and threads.`,
    };
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

function setToggle(sub: 'mentions' | 'share', enabled: boolean, { store, guildId, userId }: Change): Promise<Reply> {
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

/**
 * The settings as a moderator was shown them, in a few characters: a prompt applies only to
 * the settings it showed. Who changed what, and when, counts: a change undone is still a change.
 */
export function settingsVersion(settings: GuildSettings): string {
  const { answerChannels, visibility, mentions, share, changed } = settings;
  return createHash('sha256')
    .update(JSON.stringify([answerChannels, visibility, mentions, share, changed]))
    .digest('hex')
    .slice(0, 10);
}

/** How long a confirmation prompt can be answered. */
export const PROMPT_LIFETIME_MS = 5 * 60_000;

/** What a prompt's buttons carry: who opened it, when (seconds since the epoch), over which settings. */
interface Prompt {
  readonly moderator: string;
  readonly issuedAt: number;
  readonly version: string;
}

const promptArgs = {
  arity: 3,
  write: ({ moderator, issuedAt, version }: Prompt) => [moderator, issuedAt.toString(36), version],
  read([moderator, issuedAt, version]: readonly string[]): Prompt | undefined {
    if (!moderator || !/^\d{17,20}$/.test(moderator) || !issuedAt || !/^[0-9a-z]{1,9}$/.test(issuedAt))
      return undefined;
    if (!version || !/^[0-9a-f]{10}$/.test(version)) return undefined;
    return { moderator, issuedAt: parseInt(issuedAt, 36), version };
  },
} as const;

const MANAGE = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;

/**
 * Why this press of a prompt's button may not do anything, or null when it may: a press is an
 * untrusted request, whatever message it came from. It must come, in this server, from the
 * moderator who opened the prompt, who still has Manage Server, while the prompt is recent.
 */
function promptRefusal(prompt: Prompt, { presser, now }: SettingsPress): string | null {
  if (!presser.guildId) return 'Server settings can only be changed in their server.';
  if (presser.permissions === undefined || (presser.permissions & MANAGE) === 0n)
    return 'Only members with the Manage Server permission can change these settings.';
  if (presser.userId !== prompt.moderator) return 'Only the moderator who ran `/config reset` can answer it.';
  const age = now - prompt.issuedAt * 1000;
  if (age > PROMPT_LIFETIME_MS || age < -60_000) return 'This prompt has expired: run `/config reset` again.';
  return null;
}

const refused = (problem: string): Press => ({ mode: 'reply', reply: { problem } });

/** "Reset to defaults": applied only to the settings the prompt showed. */
const resetVerb = settingsButton<Prompt>({
  verb: 'config-reset',
  ...promptArgs,
  press(prompt, on) {
    const refusal = promptRefusal(prompt, on);
    if (refusal) return refused(refusal);
    const guildId = on.presser.guildId!;
    if (settingsVersion(on.settings.get(guildId)) !== prompt.version)
      return refused('These settings changed since; run `/config reset` again.');
    return save(async () =>
      (await on.settings.reset(guildId, on.presser.userId)).outcome === 'reset'
        ? done(
            'Settings reset',
            'Every setting is back to its default:',
            describeSettings(on.settings.get(guildId)).join('\n'),
          )
        : done('Nothing to reset', 'Every setting was already at its default.'),
    ).then((reply): Press => ({ mode: 'update', reply }));
  },
});

const cancelVerb = settingsButton<Prompt>({
  verb: 'config-cancel',
  ...promptArgs,
  press(prompt, on) {
    const refusal = promptRefusal(prompt, on);
    return refusal ? refused(refusal) : { mode: 'update', reply: done('Reset cancelled', 'Nothing was changed.') };
  },
});

function resetPrompt(store: SettingsStore, guildId: string, on: SettingsInvocation): Answer {
  const settings = store.get(guildId);
  const prompt: Prompt = {
    moderator: on.userId,
    issuedAt: Math.floor(on.now / 1000),
    version: settingsVersion(settings),
  };
  return {
    title: 'Reset every setting?',
    sections: [
      {
        lines: [
          note('This empties the answer-channel list and sets answers public, @mentions on and “Share” on. Currently:'),
          note(describeSettings(settings).join('\n')),
        ],
      },
    ],
    buttons: [
      { label: 'Reset to defaults', action: resetVerb.id(prompt), style: 'primary' },
      { label: 'Cancel', action: cancelVerb.id(prompt) },
    ],
  };
}

async function run(request: Request, on: SettingsInvocation): Promise<Reply> {
  const { guildId, userId, settings: store } = on;
  if (!guildId)
    return {
      problem:
        '`/config` is for servers: it sets where and how the bot answers there. In DMs every answer is already just for you.',
    };
  const change: Change = { store, guildId, userId };
  switch (request.subcommand) {
    case 'channels list':
      return done('Answer channels', `Answers are posted publicly in ${channelList(store.get(guildId))}.`);
    case 'channels clear':
      return save(async () => {
        const { outcome } = await store.clearChannels(guildId, userId);
        return outcome === 'cleared'
          ? done('Answer channels cleared', 'Answers are posted publicly in every channel again.')
          : done('Nothing to clear', 'No channels were listed: answers are already public everywhere.');
      });
    case 'channels add':
      return changeChannel('add', request.options.channel, change, on);
    case 'channels remove':
      return changeChannel('remove', request.options.channel, change, on);
    case 'visibility': {
      const { mode } = request.options;
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
    case 'share':
      return setToggle(request.subcommand, request.options.enabled, change);
    case 'show':
      return done('Settings for this server', describeSettings(store.get(guildId)).join('\n'));
    case 'reset':
      return resetPrompt(store, guildId, on);
  }
}

export const config = adminCommand({
  definition,
  subcommands: SUBCOMMANDS,
  run,
  buttons: [resetVerb, cancelVerb],
});
