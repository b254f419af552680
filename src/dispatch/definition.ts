import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../search/search.js';

/** Every command works in servers, in DMs with the bot, in group DMs, and as a user-installed app. */
export function commandForAllContexts(name: string, description: string, zhCN?: string): SlashCommandBuilder {
  const builder = new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
  if (zhCN) builder.setDescriptionLocalizations({ 'zh-CN': zhCN });
  return builder;
}

export const HIDE_OPTION = 'hide';

/** The `hide` option every answer command takes. */
export function withHide<T extends { addBooleanOption: SlashCommandBuilder['addBooleanOption'] }>(builder: T): T {
  builder.addBooleanOption((option) =>
    option
      .setName(HIDE_OPTION)
      .setDescription('Only you see the answer (you can still share it).')
      .setDescriptionLocalizations({ 'zh-CN': '仅自己可见（仍可分享）' }),
  );
  return builder;
}

/** `hide:` as an answer command's options schema reads it. */
export const hideOption = { [HIDE_OPTION]: z.boolean().optional() };

/** Free text from a person is capped like search queries. */
export const TEXT_MAX_LENGTH = MAX_QUERY_LENGTH;

/**
 * Free text as a schema reads it. Its length is the search's to judge (in characters, as Discord
 * counts them, with a message that says so), not the schema's (in UTF-16 units).
 */
export const freeText = () => z.string();

/** A Discord id. */
export const snowflake = () => z.string().regex(/^\d{17,20}$/);
