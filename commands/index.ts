import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { ask } from './ask.js';
import type { ButtonHandler, Command } from './command.js';
import { criteria } from './criteria.js';
import { findInArticleDefinition } from './find-in-article.js';
import { goals } from './goals.js';
import { helpCommand } from './help.js';
import { people } from './people.js';
import { quote } from './quote.js';
import { config } from './config.js';
import { source } from './source.js';
import { term } from './term.js';

/** Every slash command the bot registers, in the order /help lists them. */
export const COMMANDS: readonly Command[] = [
  ask,
  quote,
  goals,
  criteria,
  term,
  people,
  source,
  helpCommand(() => COMMANDS),
  config,
];

/**
 * Definitions registered beside COMMANDS that are not answer commands here (/config, the
 * message context-menu command): the deploy script registers them too.
 */
export const EXTRA_DEFINITIONS: readonly RESTPostAPIApplicationCommandsJSONBody[] = [findInArticleDefinition];

/** Every button verb, from every command; a verb is owned once even when several commands show it. */
export const BUTTONS: ReadonlyMap<string, ButtonHandler> = new Map(
  COMMANDS.flatMap((command) => command.buttons ?? []).map((handler) => [handler.verb, handler]),
);

/** Buttons of answer commands: what they show may be offered for sharing. */
export const ANSWER_BUTTONS: ReadonlySet<ButtonHandler> = new Set(
  COMMANDS.filter((c) => c.answers).flatMap((c) => c.buttons ?? []),
);

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.definition.name === name);
}
