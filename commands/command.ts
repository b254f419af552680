import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Corpus } from '../src/corpus/load.js';
import type { Reply } from '../src/replies/answer.js';
import type { Search } from '../src/search/search.js';

/** What a command may read: the article and its search. Nothing here reaches the network. */
export interface CommandContext {
  readonly corpus: Corpus;
  readonly search: Search;
}

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
  press(args: readonly string[], context: CommandContext): Press;
}

export interface Command {
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Answers that a person may hide (`hide:true`) and share; /help and /config are not among them. */
  readonly answers: boolean;
  execute(options: Options, context: CommandContext): Reply;
  autocomplete?(focused: { readonly name: string; readonly value: string }, context: CommandContext): Choice[];
  readonly buttons?: readonly ButtonHandler[];
}

export const HIDE_OPTION = 'hide';
