import type { Guild } from 'discord.js';
import type { Gateway } from '../gateway.js';
import { forgetChannel } from './channel-delete.js';

/** Channels deleted while the bot was away never send CHANNEL_DELETE: dropped when the guild is seen. */
export function forgetDeletedChannels(gateway: Gateway, guild: Guild): void {
  if (!guild.available) return;
  for (const channelId of gateway.settings.get(guild.id).answerChannels) {
    if (!guild.channels.cache.has(channelId)) forgetChannel(gateway, channelId);
  }
}

/** GUILD_CREATE: a server the bot is in, at start-up or when it joins. */
export function onGuildCreate(gateway: Gateway) {
  return (guild: Guild): void => forgetDeletedChannels(gateway, guild);
}
