import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Corpus } from '../src/corpus/load.js';
import type { Reply } from '../src/replies/answer.js';
import type { Search } from '../src/search/search.js';
import type { SettingsStore } from '../src/settings/index.js';

/** What a command may use: the article and its search, and the guild settings. Nothing here reaches the network. */
export interface CommandContext {
  readonly corpus: Corpus;
  readonly search: Search;
  /** Absent where no settings are kept (unit tests of the answer commands). */
  readonly settings?: SettingsStore;
}

/** Who used a command, and where: what /config needs to know beyond its options. */
export interface Invocation {
  readonly userId: string;
  /** Null in DMs and where the bot is only user-installed. */
  readonly guildId: string | null;
  readonly channelId: string | null;
  /** Channels named in the options, as Discord resolved them. */
  readonly channels: ReadonlyMap<string, { readonly type: number }>;
}

/** Subcommand path keys in the options: `/config channels add` → group "channels", subcommand "add". */
export const SUBCOMMAND_GROUP = '_group';
export const SUBCOMMAND = '_subcommand';

/** The options a person gave, by name, as Discord typed them. */
export type Options = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/**
 * A button press's outcome: `update` redraws the message the button is on (paging, next match);
 * `reply` answers with a new message (a full paragraph, shown only to the presser).
 */
export interface Press {
  readonly mode: 'update' | 'reply';
  readonly reply: Reply;
}

/** Buttons a command owns, by custom_id verb: how many arguments each carries and what a press does. */
export interface ButtonHandler {
  readonly verb: string;
  readonly arity: number;
  press(args: readonly string[], context: CommandContext, invocation: Invocation): Press | Promise<Press>;
}

export interface Command {
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Answers that a person may hide (`hide:true`) and share; /help and /config are not among them. */
  readonly answers: boolean;
  /** Answer commands answer at once; /config may wait on storage. */
  execute(options: Options, context: CommandContext, invocation: Invocation): Reply | Promise<Reply>;
  /** Acknowledge first and answer by edit: for work that may wait on storage, near Discord's 3 s. */
  readonly defer?: boolean;
  autocomplete?(focused: { readonly name: string; readonly value: string }, context: CommandContext): Choice[];
  readonly buttons?: readonly ButtonHandler[];
}

export const HIDE_OPTION = 'hide';
