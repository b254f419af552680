import type { JsonObject } from '../json.js';
import { OptionType, type CommandOptionDefinition } from '../state/commands.js';
import { channelJson, memberJson, roleJson, userJson } from '../state/payloads.js';
import type { World } from '../state/world.js';

export type OptionValue = string | number | boolean;

/**
 * An option as a test or script gives it. `type` may be left out: it is taken from the
 * registered definition. Subcommands (groups) carry their own `options`. Channel, user and role
 * values are ids; they are resolved into `data.resolved` as Discord does.
 */
export interface OptionInput {
  readonly name: string;
  readonly type?: number;
  readonly value?: OptionValue;
  readonly options?: readonly OptionInput[];
  /** The option being typed, for autocomplete. */
  readonly focused?: boolean;
}

export interface BuiltOptions {
  readonly options: JsonObject[];
  readonly resolved: JsonObject | undefined;
}

class OptionError extends Error {}

/** Turns inputs into `data.options` + `data.resolved`, refusing what Discord's picker would not send. */
export function buildOptions(
  world: World,
  definitions: readonly CommandOptionDefinition[],
  inputs: readonly OptionInput[],
  site: { readonly guildId: string | null; readonly userId: string; readonly partial: boolean },
): BuiltOptions | { error: string } {
  const resolved: Record<string, JsonObject> = {};
  const put = (kind: string, id: string, value: JsonObject): void => {
    (resolved[kind] ??= {})[id] = value;
  };

  const convert = (definition: CommandOptionDefinition, input: OptionInput): OptionValue => {
    const raw = input.value;
    if (input.focused) return String(raw ?? '');
    if (raw === undefined) throw new OptionError(`option "${input.name}" needs a value`);
    const text = String(raw);
    switch (definition.type) {
      case OptionType.String:
        return pickChoice(definition, text);
      case OptionType.Integer:
      case OptionType.Number: {
        const number = typeof raw === 'number' ? raw : Number(text.trim());
        const valid =
          text.trim() !== '' &&
          Number.isFinite(number) &&
          (definition.type === OptionType.Number || Number.isInteger(number));
        if (!valid)
          throw new OptionError(
            `option "${input.name}" needs ${definition.type === OptionType.Integer ? 'a whole number' : 'a number'}, not "${text}"`,
          );
        return definition.choices.length > 0 ? pickChoice(definition, number) : number;
      }
      case OptionType.Boolean: {
        if (typeof raw === 'boolean') return raw;
        const lower = text.trim().toLowerCase();
        if (lower === 'true' || lower === 'false') return lower === 'true';
        throw new OptionError(`option "${input.name}" needs true or false, not "${text}"`);
      }
      case OptionType.Channel: {
        const channel = world.getChannel(text);
        if (!channel) throw new OptionError(`option "${input.name}": no channel ${text}`);
        const json = channelJson(world, channel);
        // The invoking person's permissions in that channel, not the bot's: what Discord resolves.
        const permissions = site.guildId ? world.channelPermissionsOf(channel.id, site.userId).toString() : '0';
        put('channels', channel.id, {
          id: channel.id,
          name: json['name'] ?? null,
          type: channel.type,
          parent_id: channel.parentId,
          permissions,
        });
        return channel.id;
      }
      case OptionType.User:
      case OptionType.Mentionable:
      case OptionType.Role:
        return resolveMention(definition.type, input.name, text);
      default:
        throw new OptionError(`option "${input.name}": option type ${definition.type} is not supported by the sandbox`);
    }
  };

  const resolveMention = (type: number, name: string, id: string): string => {
    const guild = site.guildId ? world.guild(site.guildId) : undefined;
    const user = type !== OptionType.Role ? world.user(id) : undefined;
    if (user) {
      put('users', id, userJson(user));
      const member = guild?.members.get(id);
      if (member)
        put('members', id, {
          ...memberJson(world, member, { withUser: false }),
          permissions: world.permissionsOf(guild?.id ?? '', id).toString(),
        });
      return id;
    }
    const role = type !== OptionType.User ? guild?.roles.get(id) : undefined;
    if (role) {
      put('roles', id, roleJson(role));
      return id;
    }
    throw new OptionError(`option "${name}": no ${type === OptionType.Role ? 'role' : 'user'} ${id}`);
  };

  const build = (
    definitions: readonly CommandOptionDefinition[],
    inputs: readonly OptionInput[],
    where: string,
  ): JsonObject[] => {
    const built: JsonObject[] = [];
    for (const input of inputs) {
      const definition = definitions.find((candidate) => candidate.name === input.name);
      if (!definition) {
        const known = definitions.map((candidate) => candidate.name).join(', ') || 'none';
        throw new OptionError(`unknown option "${input.name}"${where}; known: ${known}`);
      }
      if (input.type !== undefined && input.type !== definition.type)
        throw new OptionError(`option "${input.name}" has type ${definition.type}, not ${input.type}`);
      if (definition.type === OptionType.Subcommand || definition.type === OptionType.SubcommandGroup) {
        built.push({
          name: definition.name,
          type: definition.type,
          options: build(definition.options, input.options ?? [], ` in "${definition.name}"`),
        });
        continue;
      }
      const option: JsonObject = { name: definition.name, type: definition.type, value: convert(definition, input) };
      if (input.focused) option['focused'] = true;
      built.push(option);
    }
    const subcommands = definitions.filter(
      (candidate) => candidate.type === OptionType.Subcommand || candidate.type === OptionType.SubcommandGroup,
    );
    if (subcommands.length > 0 && built.length === 0) {
      throw new OptionError(
        `choose a subcommand${where}: ${subcommands.map((candidate) => candidate.name).join(', ')}`,
      );
    }
    if (!site.partial) {
      for (const definition of definitions) {
        if (definition.required && !inputs.some((input) => input.name === definition.name))
          throw new OptionError(`missing required option "${definition.name}"${where}`);
      }
    }
    return built;
  };

  try {
    const options = build(definitions, inputs, '');
    return { options, resolved: Object.keys(resolved).length > 0 ? resolved : undefined };
  } catch (error) {
    if (error instanceof OptionError) return { error: error.message };
    throw error;
  }
}

/** With choices, a value may be given by the choice's name or its value. */
function pickChoice(definition: CommandOptionDefinition, value: string | number): string | number {
  if (definition.choices.length === 0) return value;
  const wanted = String(value).toLowerCase();
  const choice = definition.choices.find(
    (candidate) => String(candidate.value).toLowerCase() === wanted || candidate.name.toLowerCase() === wanted,
  );
  if (!choice)
    throw new OptionError(
      `option "${definition.name}": "${String(value)}" is not one of ${definition.choices.map((candidate) => candidate.name).join(', ')}`,
    );
  return choice.value;
}
