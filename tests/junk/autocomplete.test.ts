import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slashDefinitions } from '../../src/dispatch/registry.js';
import { LIMITS } from '../../src/replies/limits.js';
import { autocomplete, dataOption, slashCommand } from '../support/discord-json.js';
import { exchange, messagesIn, testDeps } from '../support/dispatcher.js';
import { ARTICLE_WORDS, corpus, junk, payloadProblems, SEED, site, typed } from './support.js';

/** Each command option that autocompletes, by command. */
const AUTOCOMPLETED = slashDefinitions().flatMap((definition) =>
  (definition.options ?? [])
    .filter((o) => o.type === ApplicationCommandOptionType.String && 'autocomplete' in o && o.autocomplete === true)
    .map((o) => ({ definition, option: o.name })),
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

const deps = testDeps({ fairUse: { check: () => ({ allowed: true }) } });

/** The choices the dispatcher answers an autocomplete with. */
async function choicesFor(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  option: string,
  value: string,
): Promise<{ name: string; value: string | number }[]> {
  const { handled } = await exchange(autocomplete({ userId: '100000000000000001' }, definition, option, value), deps);
  const { response } = handled;
  if (response?.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) throw new Error('not choices');
  return response.data.choices ?? [];
}

describe('autocomplete, for anything typed so far', () => {
  it('exists for the options that declare it', () => {
    expect(AUTOCOMPLETED.map(({ definition, option }) => `${definition.name}.${option}`).sort()).toEqual([
      'quote.text',
      'term.name',
    ]);
  });

  it('offers at most 25 choices, each named and valued in 1..100 characters of well-formed text, never throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...AUTOCOMPLETED),
        partial,
        fc.boolean(),
        async ({ definition, option }, value, wrongName) => {
          const choices = await choicesFor(definition, wrongName ? 'not-an-option' : option, value);
          expect(choices.length).toBeLessThanOrEqual(LIMITS.choices);
          for (const { name, value: chosen } of choices) {
            expect(typeof chosen).toBe('string');
            expect(name.length).toBeGreaterThanOrEqual(1);
            expect(name.length).toBeLessThanOrEqual(LIMITS.choiceName);
            expect(String(chosen).length).toBeGreaterThanOrEqual(1);
            expect(String(chosen).length).toBeLessThanOrEqual(LIMITS.choiceValue);
            expect(LONE_SURROGATE.test(name) || LONE_SURROGATE.test(String(chosen))).toBe(false);
          }
          expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('offers only choices that, once picked, answer from the article', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...AUTOCOMPLETED), partial, site, async ({ definition, option }, value, who) => {
        for (const choice of (await choicesFor(definition, option, value)).slice(0, 5)) {
          const picked = slashCommand(who, {
            name: definition.name,
            options: [dataOption(option, ApplicationCommandOptionType.String, String(choice.value))],
          });
          const { sent, outcome } = await exchange(picked, deps);
          expect(outcome, `${definition.name} ${option}:${choice.value}`).toBe('answered');
          for (const body of messagesIn(sent)) expect(payloadProblems(body)).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
