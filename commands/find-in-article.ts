import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { isProblem, note, type Reply } from '../src/replies/answer.js';
import { askAnswer } from './ask.js';
import type { CommandContext } from './command.js';
import { hasWords, questionOf } from './message-question.js';

/** A message's own menu command: "Find in the article" on any message. */
export const FIND_IN_ARTICLE = 'Find in the article';

export const findInArticleDefinition: RESTPostAPIContextMenuApplicationCommandsJSONBody =
  new ContextMenuCommandBuilder()
    .setName(FIND_IN_ARTICLE)
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .toJSON();

export const NO_WORDS =
  'I answer questions in words about the article: links, emoji and attachments alone give me nothing to look for.';

/** The passages that best match a message's text; what a shortened message was cut to is said. */
export function findInArticle(content: string, context: CommandContext): Reply {
  const question = questionOf(content);
  if (!hasWords(question.text)) return { problem: NO_WORDS };
  const reply = askAnswer(question.text, context);
  if (!question.shortened || isProblem(reply)) return reply;
  return {
    ...reply,
    sections: [
      ...reply.sections,
      { lines: [note(`(I read only the first ${[...question.text].length} characters of the message.)`)] },
    ],
  };
}
