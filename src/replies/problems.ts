import type { APIApplicationCommandOption } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord.js';
import { list, t, type Language } from '../i18n/words.js';
import type { GuildSettings } from '../settings/index.js';
import { neededIn, type AnswerPlace } from '../invite/permissions.js';
import { channelLink, channelList, permissionList } from './settings-lines.js';

/**
 * The bot's words for what goes wrong around a command rather than inside it: said by the
 * dispatcher, the same for every command, so they are written once.
 */

/** A button whose custom_id no longer makes sense: an older layout or text, or one edited by hand. */
export const expired = (language: Language): string => t(language, 'problems.expired');

export const unknownCommand = (language: Language): string => t(language, 'problems.unknownCommand');

export function slowDown(retryInSeconds: number, language: Language): string {
  return t(language, 'problems.slowDown', { seconds: retryInSeconds });
}

/** The apology for an unexpected failure; the reference ties it to the log line that explains it. */
export function apology(ref: string, language: Language): string {
  return t(language, 'problems.apology', { ref });
}

/** To the asker, privately, when Discord refused to post the bot's public reply in a channel. */
export function cannotPost(channelId: string, place: AnswerPlace, language: Language): string {
  return t(language, 'problems.cannotPost', {
    channel: channelLink(channelId),
    needed: permissionList(neededIn(place), language),
  });
}

export const sharedAlready = (language: Language): string => t(language, 'problems.sharedAlready');

export const sharingOff = (language: Language): string => t(language, 'problems.sharingOff');

export function shareElsewhere(settings: GuildSettings, language: Language): string {
  return t(language, 'problems.shareElsewhere', { channels: channelList(settings, language) });
}

/** Above an answer given privately because the server answers publicly elsewhere. */
export function answeredPrivately(settings: GuildSettings, language: Language): string {
  return t(language, 'problems.answeredPrivately', { channels: channelList(settings, language) });
}

/** What one option takes, from its registered definition. */
function takes(option: APIApplicationCommandOption, language: Language): string {
  switch (option.type) {
    case ApplicationCommandOptionType.String: {
      const choices = option.choices?.map((c) => c.value) ?? [];
      if (choices.length) return t(language, 'options.oneOf', { choices: list(language, choices) });
      return option.max_length === undefined
        ? t(language, 'options.text')
        : t(language, 'options.textAtMost', { count: option.max_length });
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const whole = t(
        language,
        option.type === ApplicationCommandOptionType.Integer ? 'options.wholeNumber' : 'options.number',
      );
      const { min_value: min, max_value: max } = option;
      if (min !== undefined && max !== undefined) return t(language, 'options.between', { what: whole, min, max });
      return whole;
    }
    case ApplicationCommandOptionType.Boolean:
      return t(language, 'options.trueOrFalse');
    case ApplicationCommandOptionType.Channel:
      return t(language, 'options.channel');
    default:
      return t(language, 'options.otherValue');
  }
}

/**
 * Options that fail their command's checks: Discord checks them as a person types, but an
 * interaction can be made by hand. Named by their registered definitions, so the words stay true.
 */
export function unreadableOption(
  command: string,
  option: APIApplicationCommandOption | undefined,
  language: Language,
): string {
  if (!option) return t(language, 'options.unreadable', { command });
  return t(language, 'options.takes', { option: option.name, takes: takes(option, language), command });
}
