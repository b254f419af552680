import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type APIApplicationCommandOptionChoice,
  type LocalizationMap,
} from 'discord.js';
import { z } from 'zod';
import { t, type WordKey } from '../i18n/words.js';
import { MAX_QUERY_LENGTH } from '../search/search.js';

/**
 * A string of the bot's words in every language but English, as Discord's `*_localizations`
 * take them: Discord shows each person the one for their client's locale, English to the rest.
 */
export function localizations(key: WordKey): LocalizationMap {
  return { 'zh-CN': t('zh-CN', key), 'zh-TW': t('zh-TW', key) };
}

/** Anything Discord describes: a command, a subcommand, an option. */
interface Describable<T> {
  setDescription(description: string): T;
  setDescriptionLocalizations(localizations: LocalizationMap | null): T;
}

/** A description in English, with its Chinese forms, from the resources. */
export function described<T extends Describable<T>>(builder: T, key: WordKey): T {
  return builder.setDescription(t('en', key)).setDescriptionLocalizations(localizations(key));
}

/** A choice named in English, with its Chinese names; the value is what the command reads. */
export function choice<V extends string>(key: WordKey, value: V): APIApplicationCommandOptionChoice<V> {
  return { name: t('en', key), name_localizations: localizations(key), value };
}

/** Every command works in servers, in DMs with the bot, in group DMs, and as a user-installed app. */
export function commandForAllContexts(name: string, description: WordKey): SlashCommandBuilder {
  return described(new SlashCommandBuilder().setName(name), description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
}

export const HIDE_OPTION = 'hide';

/** The `hide` option every answer command takes. */
export function withHide<T extends { addBooleanOption: SlashCommandBuilder['addBooleanOption'] }>(builder: T): T {
  builder.addBooleanOption((option) => described(option.setName(HIDE_OPTION), 'commands.hide'));
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
