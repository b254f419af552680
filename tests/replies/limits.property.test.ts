import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Options } from '../../commands/command.js';
import { FOCI } from '../../commands/criteria.js';
import { findCommand } from '../../commands/index.js';
import { PEOPLE_NAMES } from '../../commands/people.js';
import { isProblem, type Reply } from '../../src/replies/answer.js';
import { SHARE_ACTION } from '../../src/replies/render.js';
import { corpus, context, press, render, run } from '../commands/support.js';
import { payloadProblems } from './payload-rules.js';

/** Modest by default so the suite stays quick; PROPERTY_RUNS=5000 for a deeper search. */
const numRuns = Number(process.env.PROPERTY_RUNS ?? 200);

/** What Discord lets through a `max_length: 200` option: the first 200 characters. */
const asDiscordSends = (text: string): string => [...text].slice(0, 200).join('');

const HOSTILE = [
  '@everyone',
  '@here',
  '<@&123456789012345678>',
  '<@123456789012345678>',
  '[x](http://evil)',
  '**',
  '> quoted',
  '>>> all',
  '||spoiler||',
  '`',
  '\n\n',
  '',
];
const WORDS = [
  'flock of sheep',
  'who gets demoted?',
  'lion pack',
  'baton',
  'cadres',
  'reform',
  '😀',
  '👍🏽',
  '🇨🇳',
  '干部',
  'x',
];

/** Anything a person may type: random text in any script, hostile markup, article words, very long runs. */
const typed: fc.Arbitrary<string> = fc
  .oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom(...HOSTILE, ...WORDS),
    fc.array(fc.constantFrom(...HOSTILE, ...WORDS), { maxLength: 30 }).map((parts) => parts.join(' ')),
    fc
      .tuple(fc.constantFrom(...HOSTILE, ...WORDS, 'a'), fc.integer({ min: 1, max: 6000 }))
      .map(([part, n]) => part.repeat(n).slice(0, 6000)),
  )
  .map(asDiscordSends);

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const hide = maybe(fc.boolean());

/** Every answer command with the options Discord could send it. */
const invocations: fc.Arbitrary<{ command: string; options: Options }> = fc.oneof(
  fc.record({ command: fc.constant('ask'), options: fc.record({ question: typed, hide }) }),
  fc.record({
    command: fc.constant('quote'),
    options: fc.record({ text: typed, paragraph: maybe(fc.integer({ min: 0, max: 15 })), hide }),
  }),
  fc.record({
    command: fc.constant('goals'),
    options: fc.record({ number: maybe(fc.integer({ min: 1, max: 5 })), hide }),
  }),
  fc.record({ command: fc.constant('criteria'), options: fc.record({ focus: maybe(fc.constantFrom(...FOCI)), hide }) }),
  fc.record({
    command: fc.constant('term'),
    options: fc.record({
      name: fc.oneof(
        typed,
        fc.constantFrom(...corpus.glossary.map((e) => e.term)),
        fc.integer({ min: -1, max: corpus.glossary.length }).map((i) => `t:${i}`),
      ),
      hide,
    }),
  }),
  fc.record({
    command: fc.constant('people'),
    options: fc.record({ name: maybe(fc.constantFrom(...PEOPLE_NAMES)), hide }),
  }),
  fc.record({ command: fc.constant('source'), options: fc.record({ hide }) }),
  fc.record({ command: fc.constant('help'), options: fc.constant({}) }),
);

/** Renders a reply as the router would and lists every rule it breaks. */
function check(reply: Reply, ephemeral: boolean): string[] {
  return payloadProblems(render(reply, ephemeral), corpus.article);
}

/** The custom_ids a reply's message carries, but Share (the router's, not a command's). */
function actions(reply: Reply, ephemeral: boolean): string[] {
  return render(reply, ephemeral)
    .components.flatMap((row) => row.components.map((b) => ('custom_id' in b ? b.custom_id : '')))
    .filter((id) => id !== SHARE_ACTION);
}

describe('every message the commands produce', () => {
  it('keeps Discord’s limits, pings no one, and quotes only the article, for any options and any button pressed', () => {
    fc.assert(
      fc.property(invocations, fc.boolean(), ({ command, options }, ephemeral) => {
        const reply = run(findCommand(command)!, options);
        const problems = check(reply, ephemeral);
        for (const id of actions(reply, ephemeral)) {
          const pressed = press(id);
          if (!pressed) problems.push(`no handler decodes ${id}`);
          else problems.push(...check(pressed.reply, ephemeral).map((p) => `after ${id}: ${p}`));
        }
        expect(problems).toEqual([]);
      }),
      { numRuns },
    );
  });

  it('autocompletes within Discord’s limits for anything typed', () => {
    fc.assert(
      fc.property(fc.constantFrom('quote', 'term'), typed, (name, value) => {
        const choices = findCommand(name)!.autocomplete!({ name: name === 'quote' ? 'text' : 'name', value }, context);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThanOrEqual(1);
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(choice.value.length).toBeGreaterThanOrEqual(1);
          expect(choice.value.length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns },
    );
  });

  it('says a problem plainly, within limits, for ids that were never ours', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('goals', 'crit', 'term', 'person', 'source', 'quote', 'para'),
        fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String)), { maxLength: 3 }),
        (verb, args) => {
          const pressed = press([verb, ...args].join(':').slice(0, 100));
          if (pressed) expect(check(pressed.reply, true)).toEqual([]);
        },
      ),
      { numRuns },
    );
  });
});

describe('every message reachable from the commands by pressing buttons', () => {
  it('keeps the rules, and no button we drew answers “expired”', () => {
    const starts: Reply[] = [
      ...['ask', 'quote', 'goals', 'criteria', 'people', 'source', 'help'].map((name) =>
        run(findCommand(name)!, { question: 'who gets demoted?', text: 'cadres' }),
      ),
      ...corpus.article.paragraphs.map((p) => run(findCommand('quote')!, { text: '', paragraph: p.number })),
      ...corpus.glossary.map((_, i) => run(findCommand('term')!, { name: `t:${i}` })),
      run(findCommand('term')!, { name: 'lion' }),
    ];
    const seen = new Set<string>();
    const queue = starts.map((reply) => ({ reply, via: 'start' }));
    const problems: string[] = [];
    while (queue.length) {
      const { reply, via } = queue.shift()!;
      problems.push(...check(reply, true).map((p) => `${via}: ${p}`));
      const drawn = render(reply, true).components.flatMap((row) => row.components);
      for (const button of drawn) {
        const id = 'custom_id' in button ? button.custom_id : '';
        if (id === SHARE_ACTION || button.disabled || seen.has(id)) continue;
        seen.add(id);
        const pressed = press(id);
        if (!pressed) problems.push(`${via}: no handler decodes ${id}`);
        else if (isProblem(pressed.reply) && /expired/.test(pressed.reply.problem))
          problems.push(`${via}: ${id} answers expired`);
        else queue.push({ reply: pressed.reply, via: id });
      }
    }
    expect(problems).toEqual([]);
    // The reader's 16 pages, 6 goal views, 5 criteria views and every glossary entry were all reached.
    expect(seen.size).toBeGreaterThan(16 + 6 + 5 + 4);
  });
});
