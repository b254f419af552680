import {
  ApplicationCommandOptionType,
  type APIApplicationCommandInteractionDataOption,
  type APIInteractionDataResolved,
} from 'discord.js';

/** An option's value as Discord sends it. */
export type OptionValue = string | number | boolean;

/** A command's options as one record by name, and the subcommand path they were given under. */
export interface OptionTree {
  /** `['channels', 'add']` for `/config channels add`; empty without subcommands. */
  readonly path: readonly string[];
  readonly values: Readonly<Record<string, OptionValue>>;
  /** The option being typed in, for autocomplete. */
  readonly focused: { readonly name: string; readonly value: OptionValue } | undefined;
}

/** Reads Discord's nested options (subcommand group, subcommand, values) into one record. */
export function readOptionTree(options: readonly APIApplicationCommandInteractionDataOption[] | undefined): OptionTree {
  const path: string[] = [];
  // No prototype: an option named `__proto__` or `constructor` is only an unknown option.
  const values: Record<string, OptionValue> = Object.create(null) as Record<string, OptionValue>;
  let focused: OptionTree['focused'];
  const walk = (level: readonly APIApplicationCommandInteractionDataOption[]): void => {
    for (const option of level) {
      if (
        option.type === ApplicationCommandOptionType.SubcommandGroup ||
        option.type === ApplicationCommandOptionType.Subcommand
      ) {
        path.push(option.name);
        walk(option.options ?? []);
        continue;
      }
      values[option.name] = option.value;
      if ('focused' in option && option.focused) focused = { name: option.name, value: option.value };
    }
  };
  walk(options ?? []);
  return { path, values, focused };
}

/** Channels named in the options, by id, with their type as Discord resolved them. */
export type ResolvedChannels = ReadonlyMap<string, { readonly type: number }>;

export function resolvedChannels(resolved: APIInteractionDataResolved | undefined): ResolvedChannels {
  return new Map(Object.entries(resolved?.channels ?? {}).map(([id, channel]) => [id, { type: channel.type }]));
}
