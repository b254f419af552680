/**
 * The vocabulary of moderator configuration (`/config`): what a guild's settings are,
 * what a change can result in, and the one interface every store implements.
 */

export type Visibility = 'public' | 'ephemeral';

/** Who (a Discord user id) last changed a setting, and when (ms since the epoch). */
export interface Attribution {
  readonly by: string;
  readonly at: number;
}

/** The settings that carry an attribution; `/config show` lists one line per name. */
export type SettingName = 'answerChannels' | 'visibility' | 'mentions' | 'share';

export interface GuildSettings {
  readonly guildId: string;
  /** Channels where answers are posted publicly, in the order added; empty = everywhere. */
  readonly answerChannels: readonly string[];
  /** Default visibility of answers. */
  readonly visibility: Visibility;
  /** Whether the bot answers @mentions. */
  readonly mentions: boolean;
  /** Whether the "Share" button may post an ephemeral answer publicly. */
  readonly share: boolean;
  /** Absent for a setting nobody has changed since the guild started with defaults. */
  readonly changed: Readonly<Partial<Record<SettingName, Attribution>>>;
}

/** Discord caps a select menu at 25 options, so a longer list could not be shown or edited. */
export const MAX_ANSWER_CHANNELS = 25;

export type ChangeOutcome = 'added' | 'removed' | 'cleared' | 'set' | 'reset' | 'unchanged' | 'full';

/**
 * What a change did, with the settings as they stand afterwards. Each method narrows
 * `O` to the outcomes it can produce, so a command can `switch` over them exhaustively.
 */
export interface ChangeResult<O extends ChangeOutcome = ChangeOutcome> {
  readonly outcome: O;
  readonly settings: GuildSettings;
}

/**
 * Reads are synchronous and served from memory (they run on every interaction); writes are
 * asynchronous, so no storage wait ever holds the event loop, and are committed durably before
 * their promise resolves, or reject and change nothing.
 * Ids are Discord snowflakes; anything else is a programming error (RangeError).
 */
export interface SettingsStore {
  /** Defaults when nothing is stored for the guild. */
  get(guildId: string): GuildSettings;
  addChannel(guildId: string, channelId: string, by: string): Promise<ChangeResult<'added' | 'unchanged' | 'full'>>;
  removeChannel(guildId: string, channelId: string, by: string): Promise<ChangeResult<'removed' | 'unchanged'>>;
  clearChannels(guildId: string, by: string): Promise<ChangeResult<'cleared' | 'unchanged'>>;
  setVisibility(guildId: string, value: Visibility, by: string): Promise<ChangeResult<'set' | 'unchanged'>>;
  setMentions(guildId: string, value: boolean, by: string): Promise<ChangeResult<'set' | 'unchanged'>>;
  setShare(guildId: string, value: boolean, by: string): Promise<ChangeResult<'set' | 'unchanged'>>;
  /** Back to defaults; only the settings that actually changed get the new attribution. */
  reset(guildId: string, by: string): Promise<ChangeResult<'reset' | 'unchanged'>>;
  /** CHANNEL_DELETE: removes the channel from every guild; returns the affected guild ids. */
  forgetChannel(channelId: string): Promise<string[]>;
  /** GUILD_DELETE (the bot was removed): drops everything stored for the guild. */
  forgetGuild(guildId: string): Promise<void>;
  close(): void;
}
