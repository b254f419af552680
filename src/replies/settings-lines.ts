import { ChannelType } from 'discord.js';
import type { Attribution, GuildSettings, SettingName } from '../settings/index.js';

const TYPE_NAMES: Partial<Record<number, string>> = {
  [ChannelType.GuildVoice]: 'a voice channel',
  [ChannelType.GuildStageVoice]: 'a stage channel',
  [ChannelType.GuildCategory]: 'a category',
  [ChannelType.GuildForum]: 'a forum',
  [ChannelType.GuildMedia]: 'a media channel',
  [ChannelType.GuildDirectory]: 'a directory',
};

/** What a channel is, for a moderator told it cannot hold public answers. */
export function channelTypeName(type: number): string {
  return TYPE_NAMES[type] ?? 'not a text channel';
}

/** A channel as a link: renders as #name and pings no one. */
export const channelLink = (id: string): string => `<#${id}>`;

/** Where answers are public, as a moderator reads it. */
export function channelList(settings: GuildSettings): string {
  return settings.answerChannels.length === 0
    ? 'every channel (no list set)'
    : settings.answerChannels.map(channelLink).join(', ');
}

function attribution(changed: Attribution | undefined): string {
  return changed ? `changed by <@${changed.by}> <t:${Math.floor(changed.at / 1000)}:R>` : 'default';
}

const LINES: readonly {
  readonly name: SettingName;
  readonly label: string;
  readonly value: (s: GuildSettings) => string;
}[] = [
  { name: 'answerChannels', label: 'Public answers in', value: channelList },
  {
    name: 'visibility',
    label: 'Answers by default',
    value: (s) => (s.visibility === 'public' ? 'public' : 'ephemeral (only the asker sees them)'),
  },
  { name: 'mentions', label: 'Answers @mentions', value: (s) => (s.mentions ? 'yes' : 'no') },
  { name: 'share', label: '“Share” button', value: (s) => (s.share ? 'on' : 'off') },
];

/** Every setting, one line each, with who changed it last and when. */
export function describeSettings(settings: GuildSettings): string[] {
  return LINES.map(
    ({ name, label, value }) => `**${label}:** ${value(settings)} — ${attribution(settings.changed[name])}`,
  );
}
