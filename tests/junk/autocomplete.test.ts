import { ApplicationCommandOptionType } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { isProblem } from '../../src/replies/answer.js';
import { LIMITS } from '../../src/replies/limits.js';
import { ARTICLE_WORDS, context, corpus, invocation, junk, payloadProblems, render, SEED, typed } from './support.js';

/** Each command option that autocompletes, by command. */
const AUTOCOMPLETED = COMMANDS.flatMap((command) =>
  (command.definition.options ?? [])
    .filter((o) => o.type === ApplicationCommandOptionType.String && 'autocomplete' in o && o.autocomplete === true)
    .map((o) => ({ command, option: o.name })),
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What a person has typed so far: the start of an article word or term, or anything at all. */
const partial = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...ARTICLE_WORDS, ...corpus.glossary.map((e) => e.term)), fc.nat())
      .map(([word, n]) => word.slice(0, 1 + (n % word.length))),
  },
  { weight: 3, arbitrary: typed },
  { weight: 1, arbitrary: junk },
);

describe('autocomplete, for anything typed so far', () => {
  it('exists for the options that declare it', () => {
    expect(AUTOCOMPLETED.map(({ command, option }) => `${command.definition.name}.${option}`).sort()).toEqual([
      'quote.text',
      'term.name',
    ]);
    for (const { command } of AUTOCOMPLETED) expect(command.autocomplete).toBeTypeOf('function');
  });

  it('offers at most 25 choices, each named and valued in 1..100 characters of well-formed text, never throwing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AUTOCOMPLETED), partial, fc.boolean(), ({ command, option }, value, wrongName) => {
        const choices = command.autocomplete!({ name: wrongName ? 'not-an-option' : option, value }, context);
        expect(choices.length).toBeLessThanOrEqual(LIMITS.choices);
        for (const { name, value: chosen } of choices) {
          expect(name.length).toBeGreaterThanOrEqual(1);
          expect(name.length).toBeLessThanOrEqual(LIMITS.choiceName);
          expect(chosen.length).toBeGreaterThanOrEqual(1);
          expect(chosen.length).toBeLessThanOrEqual(LIMITS.choiceValue);
          expect(LONE_SURROGATE.test(name) || LONE_SURROGATE.test(chosen)).toBe(false);
        }
        expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('offers only choices that, once picked, answer from the article', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...AUTOCOMPLETED),
        partial,
        invocation,
        async ({ command, option }, value, who) => {
          for (const choice of command.autocomplete!({ name: option, value }, context).slice(0, 5)) {
            const reply = await command.execute({ [option]: choice.value }, context, who);
            expect(isProblem(reply), `${command.definition.name} ${option}:${choice.value}`).toBe(false);
            expect(payloadProblems(render(reply))).toEqual([]);
          }
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });
});
