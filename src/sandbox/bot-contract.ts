import type { SettledReport } from './settlements.js';

/**
 * What the CLI starts, described by its shape (the bot's own modules are not imported here):
 * the `startBot` (and, for --http, `startHttpBot`) of src/main/transports.ts, or (SANDBOX_BOT_MODULE,
 * in tests) any module exporting functions of the same shape, such as the no-op bot.
 */
export interface BotOptions {
  readonly token: string;
  readonly applicationId: string;
  /** The local Discord's REST base (`LocalDiscord.restApi`). */
  readonly restApi?: string;
  readonly dataDir: string;
  readonly logLevel?: string;
  /** Called once per interaction or message, after every request the bot made for it has completed. */
  readonly onSettled?: (report: SettledReport) => void;
}

export interface RunningBot {
  /** Finishes the work under way and disconnects. */
  stop(): Promise<void>;
}

export type StartBot = (options: BotOptions) => Promise<RunningBot>;

/** An HTTP-interactions bot is told the application's public key, to verify each POST with. */
export interface HttpBotOptions extends BotOptions {
  /** Hex, as the Developer Portal shows it (the bot's DISCORD_PUBLIC_KEY). */
  readonly publicKey: string;
}

export interface RunningHttpBot extends RunningBot {
  /** Where the bot serves interactions (`http://127.0.0.1:PORT/interactions`). */
  readonly interactionsUrl: string;
}

/** The HTTP mode a bot module may export beside `startBot`, for `npm run sandbox -- --http`. */
export type StartHttpBot = (options: HttpBotOptions) => Promise<RunningHttpBot>;
