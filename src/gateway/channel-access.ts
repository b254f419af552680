import type { Client } from 'discord.js';
import { accessFrom, UNKNOWN_ACCESS, type ChannelAccess } from '../dispatch/channel-access.js';

/**
 * What the gateway's cache says of the bot in a channel: the server's roles, the bot's own member
 * and the channel's overwrites (a thread's are its parent's), as discord.js computes them. A
 * channel or member it does not hold is "cannot tell", never a guess.
 */
export function cachedChannelAccess(client: Client, guildId: string, channelId: string): ChannelAccess {
  const guild = client.guilds.cache.get(guildId);
  const me = guild?.members.me;
  const channel = guild?.channels.cache.get(channelId);
  if (!me || !channel) return UNKNOWN_ACCESS;
  const held = channel.permissionsFor(me, true);
  return accessFrom(held.bitfield, channel.type);
}
