import type { Gateway } from '../gateway.js';

/** discord.js's own errors: logged, never fatal. */
export function onClientError(gateway: Gateway) {
  return (error: Error): void => gateway.logger.error({ err: error }, 'client error');
}
