import type { GatewayReadyDispatchData } from 'discord.js';

/**
 * READY names the bot's own user: from then on the dispatcher can tell its mentions and its own
 * messages coming back. Called on every new session; `known` decides what to keep.
 */
export function onReady(known: (botId: string) => void) {
  return (ready: GatewayReadyDispatchData): void => known(ready.user.id);
}
