import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUBCOMMAND, SUBCOMMAND_GROUP, type Command, type Invocation, type Options } from '../../commands/command.js';
import { BUTTONS, COMMANDS } from '../../commands/index.js';
import { isProblem } from '../../src/replies/answer.js';
import { decodeAction } from '../../src/replies/custom-id.js';
import { SHARE_ACTION } from '../../src/replies/render.js';
import { MemorySettingsStore } from '../../src/settings/index.js';
import {
  context,
  customIds,
  invocation,
  payloadProblems,
  render,
  renderVariant,
  SEED,
  snowflake,
  typed,
} from './support.js';

type Value = string | number | boolean | undefined;

/** A value for one option as Discord could deliver it: a choice, free text clipped at 200, integers in and out of range. */
function valueFor(option: APIApplicationCommandOption): fc.Arbitrary<Value> {
  switch (option.type) {
    case ApplicationCommandOptionType.String: {
      const choices = 'choices' in option && option.choices ? option.choices.map((c) => String(c.value)) : [];
      return choices.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...choices) }, typed) : typed;
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const min = 'min_value' in option && option.min_value !== undefined ? option.min_value : -10;
      const max = 'max_value' in option && option.max_value !== undefined ? option.max_value : 10;
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
function leafOptions(options: readonly APIApplicationCommandOption[]): fc.Arbitrary<Record<string, Value>> {
  const entries = options.map((option) => {
    const value = valueFor(option);
    const required = 'required' in option && option.required === true;
    return fc.tuple(fc.constant(option.name), required ? value : fc.option(value, { nil: undefined }));
  });
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter(([, v]) => v !== undefined)));
}

/** Every way to invoke a command its definition allows, flattened as the router does. */
function optionsFor(command: Command): fc.Arbitrary<Options> {
  const top = command.definition.options ?? [];
  const subs: fc.Arbitrary<Options>[] = [];
  for (const option of top) {
    if (option.type === ApplicationCommandOptionType.Subcommand) {
      subs.push(leafOptions(option.options ?? []).map((o) => ({ ...o, [SUBCOMMAND]: option.name })));
    } else if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      for (const sub of option.options ?? []) {
        subs.push(
          leafOptions(sub.options ?? []).map((o) => ({
            ...o,
            [SUBCOMMAND_GROUP]: option.name,
            [SUBCOMMAND]: sub.name,
          })),
        );
      }
    }
  }
  return subs.length ? fc.oneof(...subs) : leafOptions(top);
}

const commandCase = fc
  .constantFrom(...COMMANDS)
  .chain((command) => fc.record({ command: fc.constant(command), options: optionsFor(command) }));

/** The mentions the bot itself writes for ids it was given: `/config` names channels and moderators. */
function ownMentions(options: Options, who: Invocation): Set<string> {
  const ids = [...Object.values(options), ...who.channels.keys()].filter(
    (v): v is string => typeof v === 'string' && /^\d+$/.test(v),
  );
  return new Set([...ids.map((id) => `<#${id}>`), `<@${who.userId}>`]);
}

describe('every command, with any options Discord could send and anyone invoking it', () => {
  it('answers without throwing, within Discord’s limits, pinging no one and quoting only the article; so does every button it draws', async () => {
    let answers = 0;
    let pressed = 0;
    await fc.assert(
      fc.asyncProperty(commandCase, invocation, renderVariant, async ({ command, options }, who, variant) => {
        const settings = new MemorySettingsStore();
        const withSettings = { ...context, settings };
        const reply = await command.execute(options, withSettings, who);
        if (!isProblem(reply)) answers++;
        const allowed = ownMentions(options, who);
        const payload = render(reply, variant);
        expect(payloadProblems(payload, allowed)).toEqual([]);

        for (const id of customIds(payload)) {
          if (id === SHARE_ACTION) continue;
          // As the router reads it: the verb's handler, the id decoded with its arity.
          const handler = BUTTONS.get(id.split(':')[0] ?? '');
          const action = handler && decodeAction(id, handler.arity);
          expect(action, `no handler decodes ${id}`).toBeTruthy();
          const press = await handler!.press(action!.args, withSettings, who);
          pressed++;
          expect(['update', 'reply']).toContain(press.mode);
          expect(payloadProblems(render(press.reply, variant), allowed), `after ${id}`).toEqual([]);
        }
        settings.close();
      }),
      { seed: SEED, numRuns: 250 },
    );
    // Not only refusals: real answers and real buttons were exercised.
    expect(answers).toBeGreaterThan(100);
    expect(pressed).toBeGreaterThan(200);
  });

  it('answers a problem, not an error, for options of the wrong type or unknown names', async () => {
    const anyValue = fc.oneof(typed, fc.integer(), fc.double(), fc.boolean(), fc.constant(undefined));
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
      SUBCOMMAND,
      'x',
      '__proto__',
      'constructor',
    );
    const subcommands = fc.constantFrom('visibility', 'mentions', 'share', 'show', 'reset', 'list', 'nonsense');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COMMANDS),
        fc.dictionary(names, fc.oneof(anyValue, subcommands), { maxKeys: 5 }),
        invocation,
        async (command, options, who) => {
          const reply = await command.execute(options, { ...context, settings: new MemorySettingsStore() }, who);
          expect(payloadProblems(render(reply), ownMentions(options, who))).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('answers a command whose required options are missing (Discord never sends one) without throwing', async () => {
    // Left out: `/config channels add|remove` without `channel` throws a RangeError from the store
    // (the empty id is not a snowflake) instead of answering a problem.
    const withoutChannel = (c: Command, o: Options) =>
      c.definition.name === 'config' &&
      o[SUBCOMMAND_GROUP] === 'channels' &&
      (o[SUBCOMMAND] === 'add' || o[SUBCOMMAND] === 'remove');
    await fc.assert(
      fc.asyncProperty(
        commandCase,
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        invocation,
        async ({ command, options }, keep, who) => {
          const names = Object.keys(options).filter((name) => !name.startsWith('_'));
          const partial = Object.fromEntries(
            Object.entries(options).filter(([name]) => name.startsWith('_') || keep[names.indexOf(name) % 8]),
          );
          if (withoutChannel(command, partial) && partial['channel'] === undefined) return;
          const reply = await command.execute(partial, { ...context, settings: new MemorySettingsStore() }, who);
          expect(payloadProblems(render(reply), ownMentions(partial, who))).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});
