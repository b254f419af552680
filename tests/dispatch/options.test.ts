import {
  ApplicationCommandOptionType,
  ChannelType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { slashDefinitions } from '../../src/dispatch/registry.js';
import {
  dataOption,
  GUILD_ID,
  MANAGE_SERVER,
  resolvedChannels,
  slashCommand,
  subcommand,
  type OptionInput,
} from '../support/discord-json.js';
import { exchange, messagesIn, testDeps } from '../support/dispatcher.js';

const CHANNEL = '200000000000000091';

/** A value Discord would accept for the option, by its definition. */
function validValue(option: APIApplicationCommandBasicOption): OptionInput {
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return option.choices?.[0]?.value ?? 'cadres';
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return option.min_value ?? 1;
    case ApplicationCommandOptionType.Boolean:
      return true;
    case ApplicationCommandOptionType.Channel:
      return CHANNEL;
    default:
      throw new Error(`no value for option type ${option.type}`);
  }
}

const isBasic = (option: APIApplicationCommandOption): option is APIApplicationCommandBasicOption =>
  option.type !== ApplicationCommandOptionType.Subcommand &&
  option.type !== ApplicationCommandOptionType.SubcommandGroup;

/** Every subcommand path of a definition, with its options. */
function leaves(
  options: readonly APIApplicationCommandOption[] = [],
  path: string[] = [],
): [string[], APIApplicationCommandBasicOption[]][] {
  const nested = options.filter((o) => !isBasic(o));
  if (nested.length === 0) return [[path, options.filter(isBasic)]];
  return nested.flatMap((o) => ('options' in o ? leaves(o.options, [...path, o.name]) : []));
}

describe('each command’s options schema', () => {
  it('takes every option its registered definition offers, each with a value Discord accepts', async () => {
    const unread: string[] = [];
    for (const definition of slashDefinitions()) {
      for (const [path, options] of leaves(definition.options)) {
        for (const optional of [undefined, ...options.filter((o) => !o.required)]) {
          const given = options.filter((o) => o.required || o === optional);
          const data = given.map((o) => dataOption(o.name, o.type, validValue(o)));
          const interaction = slashCommand(
            { userId: '100000000000000081', guildId: GUILD_ID, permissions: MANAGE_SERVER },
            {
              name: definition.name,
              options: path.length ? subcommand(path, data) : data,
              resolved: resolvedChannels({ [CHANNEL]: ChannelType.GuildText }),
            },
          );
          const { sent } = await exchange(interaction, testDeps());
          const said = messagesIn(sent).map((body) => body.content ?? '');
          if (said.some((text) => /takes .*: try `\/|could not read the options/.test(text)))
            unread.push(
              `/${[definition.name, ...path].join(' ')} ${given.map((o) => o.name).join(' ')}: ${said.join(' ')}`,
            );
        }
      }
    }
    expect(unread).toEqual([]);
  });

  it('names what an option takes when a hand-made interaction sends something else', async () => {
    const wrong = slashCommand(
      { userId: '100000000000000082' },
      { name: 'criteria', options: [dataOption('focus', ApplicationCommandOptionType.String, 'nepotism')] },
    );
    const { sent, outcome } = await exchange(wrong, testDeps());
    expect(sent[0]!.body.content).toBe(
      '`focus` takes one of promote, demote, evaluation, tolerance: try `/criteria` again.',
    );
    expect(outcome).toBe('problem');
  });
});
