import type { CloseEvent } from 'discord.js';
import type { Gateway } from '../gateway.js';

/** The gateway connection closed; discord.js reconnects and resumes on its own. */
export function onShardDisconnect(gateway: Gateway) {
  return (event: CloseEvent, shard: number): void =>
    gateway.logger.warn({ code: event.code, shard }, 'gateway disconnected');
}
