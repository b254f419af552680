import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
} from 'discord.js';
import { answerMessage } from '../src/answers/message.js';
import { t } from '../src/i18n/words.js';
import { messageMenuCommand } from '../src/dispatch/command.js';
import { localizations } from '../src/dispatch/definition.js';

/**
 * "Find in the article" on any message (Apps menu): the passages it asks about, for the presser
 * only. A menu command's name is what the menu shows, so it is shown in the person's language;
 * the interaction still names it in English.
 */
export const findInArticle = messageMenuCommand({
  definition: new ContextMenuCommandBuilder()
    .setName(t('en', 'commands.findInArticle'))
    .setNameLocalizations(localizations('commands.findInArticle'))
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .toJSON(),
  answer: answerMessage,
});
