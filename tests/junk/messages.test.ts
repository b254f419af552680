import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerMessage, NO_WORDS } from '../../src/answers/message.js';
import { hasWords, questionOf } from '../../src/answers/message-question.js';
import { isProblem } from '../../src/replies/answer.js';
import { MAX_QUERY_LENGTH } from '../../src/search/search.js';
import { articleish, context, junk, MENTIONS, payloadProblems, render, SEED } from './support.js';

/** A message as people write them to a bot: a mention or two, a link, a question, junk; up to 6000 characters. */
const message = fc.oneof(
  { weight: 2, arbitrary: junk },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.oneof(
          articleish,
          fc.constantFrom(
            ...MENTIONS,
            '<@987654321098765432>',
            '<:blob:123456789012345678>',
            'https://evil.example/x?y=<@1>',
            'http://a.b',
          ),
        ),
        { minLength: 1, maxLength: 8 },
      )
      .map((parts) => parts.join(' ')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(articleish, fc.integer({ min: 1, max: 40 }))
      .map(([q, n]) => `<@987654321098765432> ${`${q} `.repeat(n)}`),
  },
);

/** Discord's furniture that must never reach the search. */
const FURNITURE = [/<a?:\w+:\d+>/, /<(@[!&]?|#)\d+>/, /@(everyone|here)\b/, /\bhttps?:\/\/\S+/i];

describe('a message read as a question (DMs, mentions, “Find in the article”)', () => {
  it('keeps only the words: no mentions, custom emoji or links, one space between words, at most 200 characters', () => {
    fc.assert(
      fc.property(message, (content) => {
        const { text, shortened } = questionOf(content);
        for (const pattern of FURNITURE)
          expect(pattern.test(text), `${pattern} in ${JSON.stringify(text)}`).toBe(false);
        expect(text).toBe(text.trim());
        expect(/\s\s/.test(text)).toBe(false);
        expect([...text].length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        if (shortened) expect(text.length).toBeGreaterThan(0);
        // Reading a question already read changes nothing.
        else expect(questionOf(text)).toEqual({ text, shortened: false });
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('answers any message with the article’s words or a plain problem, within limits, pinging no one, saying when it read only the start', () => {
    let answered = 0;
    fc.assert(
      fc.property(message, fc.boolean(), (content, ephemeral) => {
        const reply = answerMessage(content, context);
        const question = questionOf(content);
        if (!hasWords(question.text)) expect(reply).toEqual({ problem: NO_WORDS });
        const payload = render(reply, { ephemeral, shareable: false });
        expect(payloadProblems(payload)).toEqual([]);
        if (isProblem(reply)) return;
        answered++;
        const said = payload.embeds.map((e) => e.description ?? '').join('\n');
        expect(said.includes('(I read only the first')).toBe(question.shortened);
      }),
      { seed: SEED, numRuns: 250 },
    );
    expect(answered).toBeGreaterThan(60);
  });

  it('answers a mention of the bot followed by a question as it answers the question alone', () => {
    for (const q of ['who gets demoted?', 'what is a lion pack?', '干部 reform 👍🏽', 'tolerate mistakes @everyone']) {
      expect(answerMessage(`<@987654321098765432> ${q} https://evil.example <#123456789012345678>`, context)).toEqual(
        answerMessage(q.replace(' @everyone', ''), context),
      );
    }
  });
});

describe('reading a message takes time in proportion to its length', () => {
  /** The least time of several readings: the others include whatever else the machine was doing. */
  function leastMs(content: string): number {
    let least = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      questionOf(content);
      least = Math.min(least, performance.now() - start);
    }
    return least;
  }

  // Ten times the text is about ten times the work when reading is linear, a hundred when quadratic.
  it.each(['[', '[x', '[x](http://a', '[](', '<a:'])(
    '%s repeated: 40,000 characters cost < 30× what 4,000 do',
    (unit) => {
      const of = (length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
      leastMs(of(4_000));
      const growth = leastMs(of(40_000)) / Math.max(leastMs(of(4_000)), 0.01);
      expect(growth).toBeLessThan(30);
    },
  );
});
