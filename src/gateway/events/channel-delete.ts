import type { Gateway } from '../gateway.js';

/** A deleted channel leaves the answer channels of every server that listed it. */
export function forgetChannel(gateway: Gateway, channelId: string): void {
  // A listener must never reject inside discord.js's gateway handling: storage trouble is logged instead.
  gateway.settings.forgetChannel(channelId).then(
    (guilds) => {
      if (guilds.length)
        gateway.logger.info({ channel: channelId, guilds }, 'deleted channel removed from answer channels');
    },
    (error: unknown) =>
      gateway.logger.error(
        { err: error, channel: channelId },
        'could not remove a deleted channel from the answer channels',
      ),
  );
}

/** CHANNEL_DELETE. */
export function onChannelDelete(gateway: Gateway) {
  return (channel: { readonly id: string }): void => forgetChannel(gateway, channel.id);
}
