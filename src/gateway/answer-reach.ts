import type { Client } from 'discord.js';
import type { Logger } from '../log/logger.js';
import type { SettingsStore } from '../settings/index.js';
import { cachedChannelAccess } from './channel-access.js';

/**
 * At start-up, once: every server whose answer channels all lack a permission the bot needs (or
 * cannot be read from the cache), so the operator hears of a bot that is silent there. Ids only,
 * with what each channel lacks; a server with no list answers in any channel and is left out.
 */
export function warnUnanswerable(client: Client, settings: SettingsStore, logger: Logger): void {
  for (const guild of client.guilds.cache.values()) {
    const channelIds = settings.get(guild.id).answerChannels;
    if (channelIds.length === 0) continue;
    const reach = channelIds.map((channel) => ({ channel, access: cachedChannelAccess(client, guild.id, channel) }));
    if (reach.some(({ access }) => access.known && access.missing.length === 0)) continue;
    logger.warn(
      {
        guild: guild.id,
        channels: reach.map(({ channel, access }) => ({
          channel,
          missing: access.known ? access.missing : 'cannot tell',
        })),
      },
      'cannot answer in any answer channel of a server: a permission is missing',
    );
  }
}
