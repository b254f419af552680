/** The local Discord: a Discord-compatible server on 127.0.0.1 for the real discord.js client. */
export { LocalDiscord } from './driver.js';
export type * from './driver-types.js';
export type { CallbackTiming, Exchange, TimedExchange } from './interactions/dispatch.js';
export type { OptionInput, OptionValue } from './interactions/options.js';
export type { Reply, ReplyKind, RejectedRequest, FileInfo, Settlement } from './collect.js';
export type { SettledReport, SettlementMode } from './settlements.js';
export type { FaultRule } from './faults.js';
export type { BucketRule, RateLimitOptions } from './rest/rate-limits.js';
export type { SandboxStatsSnapshot } from './stats.js';
export type { SandboxUser, SandboxChannel, SandboxGuild, StoredMessage } from './state/model.js';
export { ChannelType, MessageFlag } from './state/model.js';
export type { CommandDefinition, CommandOptionDefinition } from './state/commands.js';
export { CommandType, OptionType } from './state/commands.js';
export type { World, MemberOptions } from './state/world.js';
export type { BotOptions, RunningBot, StartBot } from './bot-contract.js';
export { SnowflakeGenerator, shardOf } from './snowflake.js';
export type { TrafficEntry, TrafficSink, RestTraffic, GatewayTraffic } from './traffic.js';
export { redactPath, redactFrame } from './traffic.js';
