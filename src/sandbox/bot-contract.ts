import type { RunningBot, startBot } from '../bot/start.js';

/**
 * What the CLI starts: `startBot` of src/bot/start.ts, or (SANDBOX_BOT_MODULE, in tests) any
 * module exporting a function of the same shape, such as the no-op bot.
 */
export type { BotOptions, RunningBot } from '../bot/start.js';
export type StartBot = (options: Parameters<typeof startBot>[0]) => Promise<RunningBot>;
