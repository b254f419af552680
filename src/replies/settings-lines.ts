import { ChannelType } from 'discord.js';
import { list, t, type Language, type WordKey } from '../i18n/words.js';
import type { AnswerPermission } from '../invite/permissions.js';
import type { Attribution, GuildSettings, SettingName } from '../settings/index.js';

const TYPE_NAMES: Partial<Record<number, WordKey>> = {
  [ChannelType.GuildVoice]: 'settings.channelTypes.voice',
  [ChannelType.GuildStageVoice]: 'settings.channelTypes.stage',
  [ChannelType.GuildCategory]: 'settings.channelTypes.category',
  [ChannelType.GuildForum]: 'settings.channelTypes.forum',
  [ChannelType.GuildMedia]: 'settings.channelTypes.media',
  [ChannelType.GuildDirectory]: 'settings.channelTypes.directory',
};

/** What a channel is, for a moderator told it cannot hold public answers. */
export function channelTypeName(type: number, language: Language): string {
  return t(language, TYPE_NAMES[type] ?? 'settings.channelTypes.other');
}

/** Permissions by the names Discord's settings show them under, as one list. */
export function permissionList(names: readonly AnswerPermission[], language: Language): string {
  return list(
    language,
    names.map((name) => t(language, `permissions.${name}`)),
  );
}

/** A channel as a link: renders as #name and pings no one. */
export const channelLink = (id: string): string => `<#${id}>`;

/** Where answers are public, as a moderator reads it. */
export function channelList(settings: GuildSettings, language: Language): string {
  return settings.answerChannels.length === 0
    ? t(language, 'settings.everyChannel')
    : list(language, settings.answerChannels.map(channelLink));
}

function attribution(changed: Attribution | undefined, language: Language): string {
  return changed
    ? t(language, 'settings.changedBy', { user: changed.by, at: Math.floor(changed.at / 1000) })
    : t(language, 'settings.default');
}

const LINES: readonly {
  readonly name: SettingName;
  readonly label: WordKey;
  readonly value: (s: GuildSettings, language: Language) => string;
}[] = [
  { name: 'answerChannels', label: 'settings.labels.answerChannels', value: channelList },
  {
    name: 'visibility',
    label: 'settings.labels.visibility',
    value: (s, language) =>
      t(language, s.visibility === 'public' ? 'settings.values.public' : 'settings.values.ephemeral'),
  },
  {
    name: 'mentions',
    label: 'settings.labels.mentions',
    value: (s, language) => t(language, s.mentions ? 'settings.values.yes' : 'settings.values.no'),
  },
  {
    name: 'share',
    label: 'settings.labels.share',
    value: (s, language) => t(language, s.share ? 'settings.values.on' : 'settings.values.off'),
  },
];

/** Every setting, one line each, with who changed it last and when. */
export function describeSettings(settings: GuildSettings, language: Language): string[] {
  return LINES.map(({ name, label, value }) =>
    t(language, 'settings.line', {
      label: t(language, label),
      value: value(settings, language),
      changed: attribution(settings.changed[name], language),
    }),
  );
}
