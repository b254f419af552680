import { ApplicationCommandOptionType, type CommandInteractionOption } from 'discord.js';
import { SUBCOMMAND, SUBCOMMAND_GROUP, type Options } from '../../commands/command.js';

/** A command's options as one flat record, subcommands named under `_group` and `_subcommand`. */
export function flattenOptions(data: readonly CommandInteractionOption[]): Options {
  const flat: Record<string, string | number | boolean | undefined> = {};
  const walk = (options: readonly CommandInteractionOption[]): void => {
    for (const option of options) {
      if (option.type === ApplicationCommandOptionType.SubcommandGroup) flat[SUBCOMMAND_GROUP] = option.name;
      else if (option.type === ApplicationCommandOptionType.Subcommand) flat[SUBCOMMAND] = option.name;
      else flat[option.name] = option.value ?? undefined;
      if (option.options) walk(option.options);
    }
  };
  walk(data);
  return flat;
}
