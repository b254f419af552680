import {
  ApplicationCommandType,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { ask } from '../../commands/ask.js';
import { config } from '../../commands/config.js';
import { criteria } from '../../commands/criteria.js';
import { findInArticle } from '../../commands/find-in-article.js';
import { goals } from '../../commands/goals.js';
import { helpCommand } from '../../commands/help.js';
import { people } from '../../commands/people.js';
import { quote } from '../../commands/quote.js';
import { source } from '../../commands/source.js';
import { term } from '../../commands/term.js';
import type { ButtonVerb } from '../answers/buttons.js';
import type { Command } from './command.js';

/** Every command the bot registers: the slash commands in the order /help lists them, then the message menu. */
export const COMMANDS: readonly Command[] = [
  ask,
  quote,
  goals,
  criteria,
  term,
  people,
  source,
  helpCommand(() => slashDefinitions()),
  config,
  findInArticle,
];

/** Whether a definition is a slash command's (not a message's or a user's menu command). */
export const isSlash = (
  definition: RESTPostAPIApplicationCommandsJSONBody,
): definition is RESTPostAPIChatInputApplicationCommandsJSONBody =>
  (definition.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;

/** What the deploy script and the local Discord register: one PUT of every definition. */
export function definitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return COMMANDS.map((command) => command.definition);
}

export function slashDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.map((command) => command.definition).filter(isSlash);
}

/** A command by its type (slash or message menu) and name, as an interaction names it. */
export function findCommand(type: ApplicationCommandType, name: string): Command | undefined {
  return COMMANDS.find(
    (command) =>
      (command.definition.type ?? ApplicationCommandType.ChatInput) === type && command.definition.name === name,
  );
}

/** Every button verb, from every command; a verb is owned once even when several commands show it. */
export const BUTTONS: ReadonlyMap<string, ButtonVerb> = new Map(
  COMMANDS.flatMap((command) => command.buttons).map((verb) => [verb.verb, verb]),
);
