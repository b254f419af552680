import type { RunningBot, startBot } from '../gateway/start.js';

/**
 * What the CLI starts: `startBot` of src/gateway/start.ts, or (SANDBOX_BOT_MODULE, in tests) any
 * module exporting a function of the same shape, such as the no-op bot.
 */
export type { BotOptions, RunningBot } from '../gateway/start.js';
export type StartBot = (options: Parameters<typeof startBot>[0]) => Promise<RunningBot>;
