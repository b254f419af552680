import type { RejectedRequest, Reply, Settlement } from './collect.js';
import type { OptionInput } from './interactions/options.js';
import type { SandboxUser, StoredMessage } from './state/model.js';
import type { RateLimitOptions } from './rest/rate-limits.js';
import type { SettlementMode } from './settlements.js';
import type { TrafficSink } from './traffic.js';

/** What LocalDiscord accepts and returns (kept apart so driver.ts stays about behaviour). */

export interface LocalDiscordOptions {
  /** Shard count recommended by /gateway/bot (default 1). */
  readonly shards?: number;
  readonly botToken?: string;
  /** Also the bot's user id; must be a 17–19 digit snowflake. */
  readonly applicationId?: string;
  readonly botName?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /**
   * How an exchange ends: 'reported' — when the bot reports it settled (`settle`) and its
   * requests for it completed; 'quiet' (default) — after a quiet window, for bots that never
   * report; 'auto' — quiet windows until the bot's first report, then reports only.
   */
  readonly settlement?: SettlementMode;
  /** Silence that ends an interaction exchange once complete (default 60 ms; not with 'reported'). */
  readonly quietMs?: number;
  /** Silence that ends a plain-message exchange (default 150 ms). */
  readonly messageQuietMs?: number;
  /** Longest wait for one exchange (default 5000 ms): with 'reported', a missing report's failure path. */
  readonly timeoutMs?: number;
  /** Time to acknowledge an interaction after it reached the bot (default 3000 ms). */
  readonly interactionDeadlineMs?: number;
  readonly webhookLifetimeMs?: number;
  readonly heartbeatIntervalMs?: number;
  /**
   * Each REST response is written this long after its request was handled (default 0), as a
   * network round trip to Discord would keep the connection busy. Latencies timed here (delivery
   * → callback read) do not include it.
   */
  readonly restRoundTripMs?: number;
  /** Time source of snowflakes; a constant gives the same ids on every run. */
  readonly clock?: () => number;
  /**
   * Records every REST exchange and gateway frame, tokens redacted: a file path (JSON lines,
   * overwritten) or a function given each entry.
   */
  readonly record?: string | TrafficSink;
  /**
   * Discord's rate limits (default on: per-route buckets with their X-RateLimit-* headers, 50
   * requests a second with the bot token); rules by "METHOD /route/:id" replace the defaults;
   * `false` switches them off (benchmarks measuring the bot alone).
   */
  readonly rateLimits?: RateLimitOptions | false;
}

/** A person: a user from `world.member(...)`, or a user id. */
export type UserRef = SandboxUser | string;

export interface ExchangeTiming {
  readonly quietMs?: number;
  readonly timeoutMs?: number;
}

/** What the person's Discord client sends with an interaction. */
export interface InteractionLocale {
  /** The person's language, as Discord spells it ("zh-CN", "en-GB"); default en-US. */
  readonly locale?: string;
}

export interface CommandInput extends ExchangeTiming, InteractionLocale {
  readonly user: UserRef;
  /** Defaults to the channel's guild, or the Sandbox guild. */
  readonly guildId?: string;
  /** Defaults to the guild's #general (ignored with `dm`). */
  readonly channelId?: string;
  readonly name: string;
  readonly options?: readonly OptionInput[];
  /** In the DM with the bot (context 1), or with `userInstall` in another private channel (context 2). */
  readonly dm?: boolean;
  /** Used through a user install of the app (authorizing_integration_owners "1"). */
  readonly userInstall?: boolean;
}

export interface ButtonInput extends ExchangeTiming, InteractionLocale {
  readonly user: UserRef;
  readonly message: StoredMessage | { readonly id: string; readonly channelId: string };
  readonly customId: string;
}

export interface MessageCommandInput extends ExchangeTiming, InteractionLocale {
  readonly user: UserRef;
  readonly targetMessage: StoredMessage | { readonly id: string; readonly channelId: string };
  readonly name: string;
  readonly userInstall?: boolean;
}

export interface SayInput extends ExchangeTiming {
  readonly user: UserRef;
  /** Defaults to #general (ignored with `dm`). */
  readonly channelId?: string;
  readonly dm?: boolean;
  readonly content: string;
  /** Puts the bot in `mentions` even without `<@BOTID>` in the content (a reply ping). */
  readonly mentionsBot?: boolean;
  /** Makes the message a reply to this message id. */
  readonly replyTo?: string;
}

/** The bot's answers to a plain message. */
export interface MessageExchange {
  readonly messageId: string;
  /** False when no connected session could receive it (e.g. the bot lacks the intent). */
  readonly delivered: boolean;
  readonly replies: readonly Reply[];
  readonly rejected: readonly RejectedRequest[];
  readonly timedOut: boolean;
  /** The bot's report of how it settled the message ('answered', 'ignored' with a reason …); null without one. */
  readonly settlement: Settlement | null;
}

export interface AutocompleteChoice {
  readonly name: string;
  readonly value: string | number;
}
