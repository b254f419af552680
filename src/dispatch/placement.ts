import { ApplicationIntegrationType, type APIInteraction } from 'discord.js';
import type { Language } from '../i18n/words.js';
import { answeredPrivately, shareElsewhere, sharingOff } from '../replies/problems.js';
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
export function governingSettings(interaction: APIInteraction, store: SettingsStore): GuildSettings | undefined {
  const guildId = interaction.guild_id;
  if (!guildId) return undefined;
  const owners = interaction.authorizing_integration_owners;
  return owners[ApplicationIntegrationType.GuildInstall] === guildId ? store.get(guildId) : undefined;
}

/** Whether a channel (or the channel a thread belongs to) is one where answers are public. */
export function isAnswerChannelId(
  settings: GuildSettings,
  channelId: string | undefined,
  parentId: string | null | undefined,
): boolean {
  if (settings.answerChannels.length === 0) return true;
  return [channelId, parentId].some((id) => typeof id === 'string' && settings.answerChannels.includes(id));
}

function isAnswerChannel(settings: GuildSettings, interaction: APIInteraction): boolean {
  const channel = interaction.channel;
  const parentId = channel && 'parent_id' in channel ? channel.parent_id : undefined;
  return isAnswerChannelId(settings, channel?.id ?? interaction.channel_id, parentId);
}

/**
 * Where an answer goes: outside the server's answer channels always privately; inside them as
 * `hide` asks, else by the server's default visibility.
 */
export function placeAnswer(
  interaction: APIInteraction,
  store: SettingsStore,
  hide: boolean | undefined,
  language: Language,
): Placement {
  const settings = governingSettings(interaction, store);
  if (!settings) return { ephemeral: hide === true, shareable: true };
  if (!isAnswerChannel(settings, interaction))
    return { ephemeral: true, shareable: false, notice: answeredPrivately(settings, language) };
  return { ephemeral: hide ?? settings.visibility === 'ephemeral', shareable: settings.share };
}

/** Why a "Share" press may not post here, or null when it may. */
export function shareRefusal(interaction: APIInteraction, store: SettingsStore, language: Language): string | null {
  const settings = governingSettings(interaction, store);
  if (!settings) return null;
  if (!settings.share) return sharingOff(language);
  if (!isAnswerChannel(settings, interaction)) return shareElsewhere(settings, language);
  return null;
}
