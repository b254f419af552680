import { ask } from './ask.js';
import type { ButtonHandler, Command } from './command.js';
import { quote } from './quote.js';

/** Every slash command the bot registers, in the order /help lists them. */
export const COMMANDS: readonly Command[] = [ask, quote];

/** Every button verb, from every command; a verb is owned once even when several commands show it. */
export const BUTTONS: ReadonlyMap<string, ButtonHandler> = new Map(
  COMMANDS.flatMap((command) => command.buttons ?? []).map((handler) => [handler.verb, handler]),
);

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.definition.name === name);
}
