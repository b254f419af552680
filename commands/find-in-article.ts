import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
} from 'discord.js';
import { answerMessage } from '../src/answers/message.js';
import { messageMenuCommand } from '../src/dispatch/command.js';

/** "Find in the article" on any message (Apps menu): the passages it asks about, for the presser only. */
export const findInArticle = messageMenuCommand({
  definition: new ContextMenuCommandBuilder()
    .setName('Find in the article')
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .toJSON(),
  answer: answerMessage,
});
