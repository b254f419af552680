import type { APIApplicationCommandOption } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord.js';
import type { GuildSettings } from '../settings/index.js';
import { channelList } from './settings-lines.js';

/**
 * The bot's words for what goes wrong around a command rather than inside it: said by the
 * dispatcher, the same for every command, so they are written once.
 */

/** A button whose custom_id no longer makes sense: an older layout or text, or one edited by hand. */
export const EXPIRED = 'This answer has expired: ask again.';

export const UNKNOWN_COMMAND = 'I do not know this command any more: it may have been renamed. Try `/help`.';

export function slowDown(retryInSeconds: number): string {
  return `You are asking faster than I can answer fairly for everyone: please try again in ${retryInSeconds} s.`;
}

/** The apology for an unexpected failure; the reference ties it to the log line that explains it. */
export function apology(ref: string): string {
  return `Something went wrong on my side (ref: ${ref}). Please try again in a moment.`;
}

export const SHARED_ALREADY = 'This answer has been shared already: it is in the channel for everyone.';

export const SHARING_OFF = 'Sharing answers is turned off in this server.';

export function shareElsewhere(settings: GuildSettings): string {
  return `Answers can be shared in ${channelList(settings)}.`;
}

/** Above an answer given privately because the server answers publicly elsewhere. */
export function answeredPrivately(settings: GuildSettings): string {
  return `In this server I answer publicly in ${channelList(settings)}; here only you see my answers.`;
}

/** What one option takes, from its registered definition. */
function takes(option: APIApplicationCommandOption): string {
  switch (option.type) {
    case ApplicationCommandOptionType.String: {
      const choices = option.choices?.map((c) => c.value) ?? [];
      if (choices.length) return `one of ${choices.join(', ')}`;
      return option.max_length === undefined ? 'text' : `text of at most ${option.max_length} characters`;
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const whole = option.type === ApplicationCommandOptionType.Integer ? 'a whole number' : 'a number';
      const { min_value: min, max_value: max } = option;
      if (min !== undefined && max !== undefined) return `${whole} from ${min} to ${max}`;
      return whole;
    }
    case ApplicationCommandOptionType.Boolean:
      return 'True or False';
    case ApplicationCommandOptionType.Channel:
      return 'a channel';
    default:
      return 'a value Discord offers';
  }
}

/**
 * Options that fail their command's checks: Discord checks them as a person types, but an
 * interaction can be made by hand. Named by their registered definitions, so the words stay true.
 */
export function unreadableOption(command: string, option: APIApplicationCommandOption | undefined): string {
  if (!option) return `I could not read the options of \`/${command}\`: try \`/help\` for how to use it.`;
  return `\`${option.name}\` takes ${takes(option)}: try \`/${command}\` again.`;
}
