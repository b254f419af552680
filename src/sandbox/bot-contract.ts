import type { Client } from 'discord.js';

/**
 * The shape of `startBot` in src/bot/start.ts, which the CLI loads at run time. Declared here
 * too so the sandbox (and its no-op test bot) type-check without depending on the bot.
 */
export interface BotOptions {
  readonly token: string;
  readonly applicationId: string;
  readonly restApi?: string;
  readonly dataDir: string;
  readonly logLevel?: string;
}

export interface RunningBot {
  readonly client: Client;
  stop(): Promise<void>;
}

export type StartBot = (options: BotOptions) => Promise<RunningBot>;
