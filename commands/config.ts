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
import { list, t, type Language, type WordKey } from '../src/i18n/words.js';
import { neededIn } from '../src/invite/permissions.js';
import { note, type Answer, type Reply } from '../src/replies/answer.js';
import {
  channelLink,
  channelList,
  channelTypeName,
  describeSettings,
  permissionList,
} from '../src/replies/settings-lines.js';
import { placeOf } from '../src/dispatch/channel-access.js';
import {
  MAX_ANSWER_CHANNELS,
  SettingsStoreError,
  type GuildSettings,
  type SettingsStore,
} from '../src/settings/index.js';
import { adminCommand, type SettingsInvocation, type Subcommand } from '../src/dispatch/command.js';
import { choice, described, snowflake } from '../src/dispatch/definition.js';

/** Channel types where the bot can post an answer for everyone to read. */
const ANSWER_CHANNEL_TYPES: ReadonlySet<number> = new Set([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

const definition = described(new SlashCommandBuilder().setName('config'), 'commands.config.description')
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommandGroup((group) =>
    described(group.setName('channels'), 'commands.config.channels')
      .addSubcommand((c) =>
        described(c.setName('add'), 'commands.config.add').addChannelOption((o) =>
          described(o.setName('channel'), 'commands.config.addChannel').setRequired(true),
        ),
      )
      .addSubcommand((c) =>
        described(c.setName('remove'), 'commands.config.remove').addChannelOption((o) =>
          described(o.setName('channel'), 'commands.config.removeChannel').setRequired(true),
        ),
      )
      .addSubcommand((c) => described(c.setName('list'), 'commands.config.list'))
      .addSubcommand((c) => described(c.setName('clear'), 'commands.config.clear')),
  )
  .addSubcommand((c) =>
    described(c.setName('visibility'), 'commands.config.visibility').addStringOption((o) =>
      described(o.setName('mode'), 'commands.config.mode')
        .setRequired(true)
        .addChoices(choice('commands.config.public', 'public'), choice('commands.config.ephemeral', 'ephemeral')),
    ),
  )
  .addSubcommand((c) =>
    described(c.setName('mentions'), 'commands.config.mentions').addBooleanOption((o) =>
      described(o.setName('enabled'), 'commands.config.enabled').setRequired(true),
    ),
  )
  .addSubcommand((c) =>
    described(c.setName('share'), 'commands.config.share').addBooleanOption((o) =>
      described(o.setName('enabled'), 'commands.config.enabled').setRequired(true),
    ),
  )
  .addSubcommand((c) => described(c.setName('show'), 'commands.config.show'))
  .addSubcommand((c) => described(c.setName('reset'), 'commands.config.reset'))
  .toJSON();

/** A confirmation in the moderator's language: a title and its lines, all the bot's words. */
const done = (title: string, ...lines: string[]): Answer => ({ title, sections: [{ lines: lines.map(note) }] });

/** Runs one write, turning the store's refusals into a plain message that says nothing changed. */
async function save(write: () => Promise<Reply>, language: Language): Promise<Reply> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof SettingsStoreError)) throw error;
    const why: WordKey =
      error.kind === 'busy'
        ? 'config.saveBusy'
        : error.kind === 'readonly'
          ? 'config.saveReadonly'
          : 'config.saveFailed';
    return { problem: t(language, why) };
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

/** Where a moderator's change lands: the server, who makes it, and the language they read. */
interface Change {
  readonly store: SettingsStore;
  readonly guildId: string;
  readonly userId: string;
  readonly language: Language;
}

async function changeChannel(
  sub: 'add' | 'remove',
  channelId: string,
  { store, guildId, userId, language }: Change,
  on: SettingsInvocation,
): Promise<Reply> {
  const type = on.channels.get(channelId)?.type;
  const channel = channelLink(channelId);
  if (sub === 'add' && type !== undefined && !ANSWER_CHANNEL_TYPES.has(type)) {
    return {
      problem: t(language, 'config.notAnswerChannelType', { channel, type: channelTypeName(type, language) }),
    };
  }
  const access = sub === 'add' ? await on.access(channelId) : undefined;
  if (access?.known && access.missing.length > 0)
    return {
      problem: t(language, 'config.cannotAnswerThere', { channel, missing: permissionList(access.missing, language) }),
    };
  // Said plainly when the bot could not tell, rather than guessed either way.
  const unchecked =
    access?.known === false
      ? [t(language, 'config.uncheckedLine', { channel, needed: permissionList(neededIn(placeOf(type)), language) })]
      : [];
  return save(async () => {
    if (sub === 'add') {
      const { outcome, settings } = await store.addChannel(guildId, channelId, userId);
      const channels = channelList(settings, language);
      if (outcome === 'full') return { problem: t(language, 'config.listFull', { count: MAX_ANSWER_CHANNELS }) };
      if (outcome === 'unchanged')
        return done(
          t(language, 'config.alreadyListed'),
          t(language, 'config.alreadyListedLine', { channel, channels }),
          ...unchecked,
        );
      return done(
        t(language, 'config.added'),
        t(language, 'config.addedLine', { channel }),
        t(language, 'config.addedWhere', { channels }),
        ...unchecked,
      );
    }
    const { outcome, settings } = await store.removeChannel(guildId, channelId, userId);
    const channels = channelList(settings, language);
    if (outcome === 'unchanged')
      return done(t(language, 'config.notListed'), t(language, 'config.notListedLine', { channel, channels }));
    return done(
      t(language, 'config.removed'),
      t(language, 'config.removedLine', { channel }),
      t(language, 'config.publicAnswers', { channels }),
    );
  }, language);
}

function setToggle(
  sub: 'mentions' | 'share',
  enabled: boolean,
  { store, guildId, userId, language }: Change,
): Promise<Reply> {
  const what = t(
    language,
    sub === 'mentions'
      ? enabled
        ? 'config.mentionsOn'
        : 'config.mentionsOff'
      : enabled
        ? 'config.shareOn'
        : 'config.shareOff',
  );
  return save(async () => {
    const result =
      sub === 'mentions'
        ? await store.setMentions(guildId, enabled, userId)
        : await store.setShare(guildId, enabled, userId);
    return result.outcome === 'set'
      ? done(t(language, 'config.settingChanged'), what)
      : done(t(language, 'config.noChange'), t(language, 'config.alreadyTheSetting', { what }));
  }, language);
}

/**
 * For `/config show`: each answer channel where the bot cannot answer now (a permission taken away
 * since it was added), with what it lacks; and those it could not check, named as such.
 */
async function accessWarnings(channelIds: readonly string[], on: SettingsInvocation): Promise<string[]> {
  const { language } = on.context;
  const lines: string[] = [];
  const unchecked: string[] = [];
  for (const channelId of channelIds) {
    const access = await on.access(channelId);
    if (!access.known) unchecked.push(channelLink(channelId));
    else if (access.missing.length > 0)
      lines.push(
        t(language, 'config.lostPermissions', {
          channel: channelLink(channelId),
          missing: permissionList(access.missing, language),
        }),
      );
  }
  if (unchecked.length > 0)
    lines.push(
      t(language, 'config.uncheckedChannels', {
        channels: list(language, unchecked),
        needed: permissionList(neededIn('channel'), language),
      }),
    );
  return lines;
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
function promptRefusal(prompt: Prompt, { presser, now }: SettingsPress): WordKey | null {
  if (!presser.guildId) return 'config.onlyInServer';
  if (presser.permissions === undefined || (presser.permissions & MANAGE) === 0n) return 'config.onlyManagers';
  if (presser.userId !== prompt.moderator) return 'config.onlyAsker';
  const age = now - prompt.issuedAt * 1000;
  if (age > PROMPT_LIFETIME_MS || age < -60_000) return 'config.promptExpired';
  return null;
}

const refused = (problem: WordKey, language: Language): Press => ({
  mode: 'reply',
  reply: { problem: t(language, problem) },
});

/** "Reset to defaults": applied only to the settings the prompt showed. */
const resetVerb = settingsButton<Prompt>({
  verb: 'config-reset',
  ...promptArgs,
  press(prompt, on) {
    const { language } = on.context;
    const refusal = promptRefusal(prompt, on);
    if (refusal) return refused(refusal, language);
    const guildId = on.presser.guildId!;
    if (settingsVersion(on.settings.get(guildId)) !== prompt.version) return refused('config.changedSince', language);
    return save(
      async () =>
        (await on.settings.reset(guildId, on.presser.userId)).outcome === 'reset'
          ? done(
              t(language, 'config.resetDone'),
              t(language, 'config.resetDoneLine'),
              describeSettings(on.settings.get(guildId), language).join('\n'),
            )
          : done(t(language, 'config.nothingToReset'), t(language, 'config.nothingToResetLine')),
      language,
    ).then((reply): Press => ({ mode: 'update', reply }));
  },
});

const cancelVerb = settingsButton<Prompt>({
  verb: 'config-cancel',
  ...promptArgs,
  press(prompt, on) {
    const { language } = on.context;
    const refusal = promptRefusal(prompt, on);
    return refusal
      ? refused(refusal, language)
      : {
          mode: 'update',
          reply: done(t(language, 'config.resetCancelled'), t(language, 'config.nothingChanged')),
        };
  },
});

function resetPrompt(store: SettingsStore, guildId: string, on: SettingsInvocation): Answer {
  const { language } = on.context;
  const settings = store.get(guildId);
  const prompt: Prompt = {
    moderator: on.userId,
    issuedAt: Math.floor(on.now / 1000),
    version: settingsVersion(settings),
  };
  return {
    title: t(language, 'config.resetPrompt'),
    sections: [
      {
        lines: [note(t(language, 'config.resetPromptLine')), note(describeSettings(settings, language).join('\n'))],
      },
    ],
    buttons: [
      { label: t(language, 'config.resetButton'), action: resetVerb.id(prompt), style: 'primary' },
      { label: t(language, 'config.cancelButton'), action: cancelVerb.id(prompt) },
    ],
  };
}

async function run(request: Request, on: SettingsInvocation): Promise<Reply> {
  const { guildId, userId, settings: store } = on;
  const { language } = on.context;
  if (!guildId) return { problem: t(language, 'config.serversOnly') };
  const change: Change = { store, guildId, userId, language };
  switch (request.subcommand) {
    case 'channels list':
      return done(
        t(language, 'config.answerChannels'),
        t(language, 'config.answerChannelsLine', { channels: channelList(store.get(guildId), language) }),
      );
    case 'channels clear':
      return save(async () => {
        const { outcome } = await store.clearChannels(guildId, userId);
        return outcome === 'cleared'
          ? done(t(language, 'config.cleared'), t(language, 'config.clearedLine'))
          : done(t(language, 'config.nothingToClear'), t(language, 'config.nothingToClearLine'));
      }, language);
    case 'channels add':
      return changeChannel('add', request.options.channel, change, on);
    case 'channels remove':
      return changeChannel('remove', request.options.channel, change, on);
    case 'visibility': {
      const { mode } = request.options;
      return save(
        async () =>
          (await store.setVisibility(guildId, mode, userId)).outcome === 'set'
            ? done(
                t(language, 'config.visibilityChanged'),
                t(language, mode === 'public' ? 'config.nowPublic' : 'config.nowEphemeral'),
              )
            : done(
                t(language, 'config.noChange'),
                t(language, mode === 'public' ? 'config.alreadyPublic' : 'config.alreadyEphemeral'),
              ),
        language,
      );
    }
    case 'mentions':
    case 'share':
      return setToggle(request.subcommand, request.options.enabled, change);
    case 'show': {
      const settings = store.get(guildId);
      return done(
        t(language, 'config.show'),
        describeSettings(settings, language).join('\n'),
        ...(await accessWarnings(settings.answerChannels, on)),
      );
    }
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
