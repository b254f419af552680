import type { Gateway } from '../gateway.js';

/**
 * GUILD_DELETE: the bot was removed from a server (kicked, or the server deleted). Its settings
 * are forgotten: they are that server's, and the bot will not be back there to use them. A
 * server only unavailable for an outage is not this event (discord.js says guildUnavailable).
 */
export function onGuildDelete(gateway: Gateway) {
  return (guild: { readonly id: string }): void => {
    gateway.settings.forgetGuild(guild.id).then(
      () => gateway.logger.info({ guild: guild.id }, 'removed from a server: its settings forgotten'),
      (error: unknown) =>
        gateway.logger.error({ err: error, guild: guild.id }, 'could not forget the settings of a server the bot left'),
    );
  };
}
