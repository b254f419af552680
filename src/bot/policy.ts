import { ApplicationIntegrationType, type BaseInteraction } from 'discord.js';
import { channelList } from '../../commands/config-replies.js';
import type { GuildSettings, SettingsStore } from '../settings/index.js';

/** How an answer is posted: publicly or only for the asker, whether it may be shared, and any note. */
export interface Placement {
  readonly ephemeral: boolean;
  readonly shareable: boolean;
  readonly notice?: string;
}

/**
 * The settings of the server the interaction happens in, when that server installed the bot.
 * DMs, and user-installed use in other servers, answer to no server's settings.
 */
export function governingSettings(
  interaction: BaseInteraction,
  store: SettingsStore | undefined,
): GuildSettings | undefined {
  const guildId = interaction.guildId;
  if (!store || !guildId) return undefined;
  const owners = interaction.authorizingIntegrationOwners;
  return owners[ApplicationIntegrationType.GuildInstall] === guildId ? store.get(guildId) : undefined;
}

/** Whether a channel (or the channel a thread belongs to) is one where answers are public. */
export function isAnswerChannelId(settings: GuildSettings, channelId: string | null, parentId: string | null): boolean {
  if (settings.answerChannels.length === 0) return true;
  return [channelId, parentId].some((id) => id !== null && settings.answerChannels.includes(id));
}

function isAnswerChannel(settings: GuildSettings, interaction: BaseInteraction): boolean {
  const channel = interaction.channel;
  const parent = channel && 'parentId' in channel && channel.isThread() ? channel.parentId : null;
  return isAnswerChannelId(settings, interaction.channelId, parent);
}

/**
 * Where an answer goes: outside the server's answer channels always privately; inside them as
 * `hide` asks, else by the server's default visibility.
 */
export function placeAnswer(
  interaction: BaseInteraction,
  store: SettingsStore | undefined,
  hide: boolean | undefined,
): Placement {
  const settings = governingSettings(interaction, store);
  if (!settings) return { ephemeral: hide === true, shareable: true };
  if (!isAnswerChannel(settings, interaction)) {
    return {
      ephemeral: true,
      shareable: false,
      notice: `In this server I answer publicly in ${channelList(settings)}; here only you see my answers.`,
    };
  }
  return { ephemeral: hide ?? settings.visibility === 'ephemeral', shareable: settings.share };
}

/** Why a "Share" press may not post here, or null when it may. */
export function shareRefusal(interaction: BaseInteraction, store: SettingsStore | undefined): string | null {
  const settings = governingSettings(interaction, store);
  if (!settings) return null;
  if (!settings.share) return 'Sharing answers is turned off in this server.';
  if (!isAnswerChannel(settings, interaction)) return `Answers can be shared in ${channelList(settings)}.`;
  return null;
}
