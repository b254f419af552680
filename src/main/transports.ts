/**
 * The bot over either transport, in one module: what `npm run sandbox` starts, `startBot` over
 * the gateway and, with `--http`, `startHttpBot` as an interactions endpoint.
 */
export { startBot } from '../gateway/start.js';
export { startHttpBot } from '../http/start.js';
