import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { z } from 'zod';
import { helpAnswer } from '../src/answers/help.js';
import { answerCommand, type AnswerCommand } from '../src/dispatch/command.js';
import { commandForAllContexts } from '../src/dispatch/definition.js';

/**
 * /help over the slash commands it is registered with; given as a function so the registry can
 * list /help itself.
 */
export function helpCommand(
  slashCommands: () => readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
): AnswerCommand {
  return answerCommand({
    kind: 'info',
    definition: commandForAllContexts('help', 'commands.help.description').toJSON(),
    options: z.object({}),
    answer: (_options, { language, privacyUrl }) => helpAnswer(slashCommands(), language, privacyUrl),
  });
}
