import type { Gateway } from '../gateway.js';

/** The session resumed: what happened while it was down was replayed. */
export function onShardResume(gateway: Gateway) {
  return (shard: number, replayed: number): void => gateway.logger.info({ shard, replayed }, 'gateway resumed');
}
