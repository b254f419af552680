import {
  ApplicationCommandOptionType,
  ChannelType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandOption,
  type InteractionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slashDefinitions } from '../../src/dispatch/registry.js';
import { SHARE_ACTION } from '../../src/replies/render.js';
import {
  botMessage,
  buttonPress,
  dataOption,
  EPHEMERAL,
  resolvedChannels,
  slashCommand,
  subcommand,
  type OptionInput,
  type Site,
} from '../support/discord-json.js';
import { customIdsOf, exchange, messagesIn, testDeps } from '../support/dispatcher.js';
import { payloadProblems, SEED, site, snowflake, typed } from './support.js';

type DataOption = APIApplicationCommandInteractionDataBasicOption<InteractionType.ApplicationCommand>;

/** A value for one option as Discord could deliver it: a choice, free text clipped at 200, integers in and out of range. */
function valueFor(option: APIApplicationCommandBasicOption): fc.Arbitrary<OptionInput> {
  switch (option.type) {
    case ApplicationCommandOptionType.String: {
      const choices = option.choices?.map((c) => c.value) ?? [];
      return choices.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...choices) }, typed) : typed;
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const min = option.min_value ?? -10;
      const max = option.max_value ?? 10;
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: min - 3, max: max + 3 }) },
        fc.integer(),
        fc.constantFrom(-0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53 + 2),
      );
    }
    case ApplicationCommandOptionType.Boolean:
      return fc.boolean();
    case ApplicationCommandOptionType.Channel:
      return snowflake;
    default:
      return fc.oneof(typed, fc.integer(), fc.boolean());
  }
}

/** The options of one leaf (a command or a subcommand): required ones always there, the others maybe. */
function leafOptions(options: readonly APIApplicationCommandOption[]): fc.Arbitrary<DataOption[]> {
  const basic = options.filter(
    (o): o is APIApplicationCommandBasicOption =>
      o.type !== ApplicationCommandOptionType.Subcommand && o.type !== ApplicationCommandOptionType.SubcommandGroup,
  );
  const entries = basic.map((option) => {
    const value = valueFor(option).map((v) => dataOption(option.name, option.type, v));
    return option.required ? value : fc.option(value, { nil: undefined });
  });
  return fc.tuple(...entries).map((given) => given.filter((o): o is DataOption => o !== undefined));
}

interface Invoked {
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  readonly path: readonly string[];
  readonly options: DataOption[];
}

/** Every way to invoke a command its definition allows: each subcommand path with its options. */
function invocationsOf(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): fc.Arbitrary<Invoked> {
  const top = definition.options ?? [];
  const subs: fc.Arbitrary<Invoked>[] = [];
  for (const option of top) {
    if (option.type === ApplicationCommandOptionType.Subcommand)
      subs.push(leafOptions(option.options ?? []).map((options) => ({ definition, path: [option.name], options })));
    else if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      for (const sub of option.options ?? [])
        subs.push(
          leafOptions(sub.options ?? []).map((options) => ({ definition, path: [option.name, sub.name], options })),
        );
    }
  }
  return subs.length ? fc.oneof(...subs) : leafOptions(top).map((options) => ({ definition, path: [], options }));
}

const invoked = fc.constantFrom(...slashDefinitions()).chain(invocationsOf);

/** The mentions the bot itself writes for ids it was given: `/config` names channels and moderators. */
function ownMentions(options: readonly DataOption[], who: Site): Set<string> {
  const ids = options.map((o) => o.value).filter((v): v is string => typeof v === 'string' && /^\d+$/.test(v));
  return new Set([...ids.map((id) => `<#${id}>`), `<@${who.userId}>`]);
}

/** A command as Discord sends it from `who`, with its options resolved as channels where they are ids. */
function interactionOf({ definition, path, options }: Invoked, who: Site) {
  const channels = options.filter((o) => o.type === ApplicationCommandOptionType.Channel).map((o) => String(o.value));
  return slashCommand(who, {
    name: definition.name,
    options: path.length ? subcommand(path, options) : options,
    ...(channels.length
      ? { resolved: resolvedChannels(Object.fromEntries(channels.map((id) => [id, ChannelType.GuildText]))) }
      : {}),
  });
}

describe('every command, with any options Discord could send and anyone invoking it', () => {
  it('answers without failing, within Discord’s limits, pinging no one and quoting only the article; so does every button it draws', async () => {
    let answers = 0;
    let pressed = 0;
    await fc.assert(
      fc.asyncProperty(invoked, site, async (invocation, who) => {
        const deps = testDeps();
        const { sent, outcome } = await exchange(interactionOf(invocation, who), deps);
        expect(outcome).not.toBe('error');
        if (outcome === 'answered') answers++;
        const allowed = ownMentions(invocation.options, who);
        for (const body of messagesIn(sent)) expect(payloadProblems(body, allowed)).toEqual([]);

        // The buttons on the message the person sees: pressed by them, where they asked.
        const shown = sent.at(-1)?.body ?? {};
        const flags = (sent[0]?.body.flags ?? 0) & EPHEMERAL;
        const on = botMessage({ ...shown, flags }, who.userId);
        for (const id of customIdsOf(shown)) {
          if (id === SHARE_ACTION) continue;
          const press = await exchange(buttonPress(who, id, on), deps);
          pressed++;
          expect(press.outcome, `after ${id}`).not.toBe('error');
          expect(press.outcome, `after ${id}`).not.toBe('expired');
          for (const body of messagesIn(press.sent)) expect(payloadProblems(body, allowed), `after ${id}`).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 250 },
    );
    // Not only refusals: real answers and real buttons were exercised.
    expect(answers).toBeGreaterThan(100);
    expect(pressed).toBeGreaterThan(200);
  });

  it('answers a problem, not an error, for options of the wrong type or unknown names', async () => {
    const anyValue = fc.oneof(typed, fc.integer(), fc.double(), fc.boolean());
    const names = fc.constantFrom(
      'question',
      'text',
      'paragraph',
      'number',
      'focus',
      'name',
      'hide',
      'mode',
      'enabled',
      'channel',
      'x',
      '__proto__',
      'constructor',
    );
    const paths = fc.constantFrom<readonly string[]>(
      [],
      ['visibility'],
      ['mentions'],
      ['share'],
      ['show'],
      ['reset'],
      ['channels', 'list'],
      ['channels', 'add'],
      ['nonsense'],
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...slashDefinitions()),
        paths,
        fc.dictionary(names, anyValue, { maxKeys: 5 }),
        site,
        async (definition, path, values, who) => {
          // A value of the wrong type is sent as its own type, as a hand-made interaction may.
          const options = Object.entries(values).map(([name, value]) => dataOption(name, undefined, value));
          const { sent, outcome } = await exchange(interactionOf({ definition, path, options }, who), testDeps());
          expect(outcome).not.toBe('error');
          for (const body of messagesIn(sent)) expect(payloadProblems(body, ownMentions(options, who))).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('answers a command whose required options are missing (Discord never sends one) with a problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        invoked,
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        site,
        async (invocation, keep, who) => {
          const options = invocation.options.filter((_, i) => keep[i % 8]);
          const { sent, outcome } = await exchange(interactionOf({ ...invocation, options }, who), testDeps());
          expect(outcome).not.toBe('error');
          for (const body of messagesIn(sent)) expect(payloadProblems(body, ownMentions(options, who))).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});
