import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/words.js';
import {
  note,
  quote,
  type Answer,
  type Button,
  type Line,
  type Problem,
  type Section,
} from '../../src/replies/answer.js';
import { decodeAction, encodeAction } from '../../src/replies/custom-id.js';
import { clip, LIMITS } from '../../src/replies/limits.js';
import { echo } from '../../src/replies/markdown.js';
import { paginate, renderAnswer, renderProblem } from '../../src/replies/render.js';
import {
  corpus,
  footer,
  junk,
  limitProblems,
  mentionProblems,
  payloadProblems,
  quoteProblems,
  SEED,
  typed,
} from './support.js';

const PARAGRAPHS = corpus.article.paragraphs;

/** The article's words, as commands quote them: a sentence, a whole paragraph, or a stretch of one, with any bold ranges. */
const quoted: fc.Arbitrary<Line> = fc
  .tuple(
    fc.integer({ min: 0, max: PARAGRAPHS.length - 1 }),
    fc.nat(),
    fc.nat(),
    fc.nat(),
    fc.constantFrom('sentence', 'paragraph', 'stretch'),
  )
  .chain(([p, a, b, s, kind]) => {
    const paragraph = PARAGRAPHS[p]!;
    const sentence = paragraph.sentences[s % paragraph.sentences.length]!;
    const [from, to] = [a % paragraph.text.length, b % paragraph.text.length].sort((x, y) => x - y) as [number, number];
    const text =
      kind === 'sentence'
        ? sentence.text
        : kind === 'paragraph'
          ? paragraph.text
          : paragraph.text.slice(from, Math.max(to, from + 1));
    const citation = kind === 'sentence' ? { paragraph: p, sentence: sentence.number } : { paragraph: p };
    // Ranges as a careless caller might give them: overlapping, reversed, out of bounds.
    const range = fc.tuple(
      fc.integer({ min: -5, max: text.length + 5 }),
      fc.integer({ min: -5, max: text.length + 5 }),
    );
    return fc
      .option(fc.array(range, { maxLength: 12 }), { nil: undefined })
      .map((ranges) => quote(text, citation, ranges));
  });

/** The bot's own words around a person's (escaped) text; sometimes long enough to need cutting. */
const ownWords: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: typed.map((t) => `You asked ${echo(t, 200)}.`) },
  // Long runs of escaped text (escaping is costly on one long line: commands escape at most 200 characters at a time).
  {
    weight: 1,
    arbitrary: fc
      .tuple(typed, fc.integer({ min: 2, max: 40 }))
      .map(([t, n]) => Array.from({ length: n }, () => echo(t, 200)).join(' ')),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Named only: the article names five without listing them.',
      'Line one.\nLine two.',
      'word '.repeat(1000),
    ),
  },
);

const line: fc.Arbitrary<Line> = fc.oneof({ weight: 3, arbitrary: quoted }, ownWords.map(note));
const section: fc.Arbitrary<Section> = fc.record(
  { heading: ownWords, lines: fc.array(line, { maxLength: 5 }) },
  { requiredKeys: ['lines'] },
);
const button: fc.Arbitrary<Button> = fc.record(
  {
    label: fc.oneof(ownWords, fc.constantFrom('◀ Previous page', 'x')),
    action: fc
      .tuple(fc.constantFrom('quote', 'para', 'goals', 'x'), fc.integer({ min: -1, max: 99 }), typed)
      .map(([verb, n, text]) => encodeAction(verb, n, text)),
    style: fc.constantFrom('primary', 'secondary', 'success'),
    disabled: fc.boolean(),
  },
  { requiredKeys: ['label', 'action'] },
);

const answer: fc.Arbitrary<Answer> = fc.record(
  {
    title: ownWords,
    intro: ownWords,
    sections: fc.array(section, { maxLength: 5 }),
    // Distinct actions: one message cannot repeat a custom_id, and commands never draw two alike.
    buttons: fc.uniqueArray(button, { maxLength: 30, selector: (b) => b.action }),
    status: ownWords,
    page: fc.integer({ min: -3, max: 40 }),
    pageAction: fc.constant((n: number) => encodeAction('crit', 'all', n)),
  },
  { requiredKeys: ['title', 'sections', 'pageAction'] },
);

/** An answer that cannot page: one too long for a message is cut short. */
const unpaged: fc.Arbitrary<Answer> = answer.map(({ pageAction: _, ...rest }) => rest);

const problem: fc.Arbitrary<Problem> = fc.record(
  { problem: ownWords, buttons: fc.uniqueArray(button, { maxLength: 30, selector: (b) => b.action }) },
  { requiredKeys: ['problem'] },
);

describe('the reply builders, for any answer the commands could put together', () => {
  it('render an answer within every limit, with only the article’s words in block quotes, whatever its size, page, buttons, footer, notice or language', () => {
    fc.assert(
      fc.property(
        answer,
        fc.boolean(),
        fc.boolean(),
        fc.option(ownWords, { nil: undefined }),
        fc.oneof(fc.constant(footer), ownWords),
        fc.constantFrom(...LANGUAGES),
        (a, ephemeral, shareable, notice, foot, language) => {
          const payload = renderAnswer(a, {
            language,
            footer: foot,
            ephemeral,
            shareable,
            ...(notice === undefined ? {} : { notice }),
          });
          expect(payloadProblems(payload)).toEqual([]);
          expect(payload.embeds).toHaveLength(1);
          expect(payload.flags === undefined).toBe(!ephemeral);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('cut an answer that cannot page to one message within every limit, every whole quoted line still verbatim', () => {
    let cut = 0;
    fc.assert(
      fc.property(unpaged, fc.boolean(), (a, ephemeral) => {
        const payload = renderAnswer(a, { language: 'en', footer, ephemeral, shareable: true });
        expect(limitProblems(payload)).toEqual([]);
        expect(mentionProblems(payload)).toEqual([]);
        // The line where the cut falls may end mid-quote; every line before it must be the article's.
        const description = payload.embeds[0]!.description ?? '';
        const long = paginate(a).length > 1;
        if (long) cut++;
        const whole = long ? description.slice(0, Math.max(0, description.lastIndexOf('\n'))) : description;
        expect(quoteProblems({ ...payload, embeds: [{ ...payload.embeds[0]!, description: whole }] })).toEqual([]);
      }),
      { seed: SEED, numRuns: 100 },
    );
    expect(cut).toBeGreaterThan(10);
  });

  it('offer a way to every page of a long answer, and only to pages that exist', () => {
    let paged = 0;
    fc.assert(
      fc.property(answer, (a) => {
        const pages = paginate(a);
        expect(pages.length).toBeGreaterThanOrEqual(1);
        for (const page of pages) expect(page.length).toBeLessThanOrEqual(LIMITS.embedDescription);
        const payload = renderAnswer(a, { language: 'en', footer });
        const shown = Math.min(Math.max(a.page ?? 0, 0), pages.length - 1);
        const targets = payload.components
          .flatMap((row) => row.components)
          .flatMap((b) => ('custom_id' in b ? [b.custom_id] : []));
        const pageTargets = targets
          .map((id) => decodeAction(id, 2))
          .filter((d) => d?.verb === 'crit')
          .map((d) => Number(d!.args[1]));
        if (pages.length > 1) {
          paged++;
          expect(payload.embeds[0]!.description).toBe(pages[shown]);
          if ((a.status ?? '').length < 100)
            expect(payload.embeds[0]!.footer?.text).toContain(`Page ${shown + 1} of ${pages.length}`);
          expect(pageTargets.sort()).toEqual([shown - 1, shown + 1].filter((n) => n >= 0 && n < pages.length).sort());
        } else expect(pageTargets).toEqual([]);
      }),
      { seed: SEED, numRuns: 100 },
    );
    expect(paged).toBeGreaterThan(10);
  });

  it('render a problem ephemerally, within limits, for any text and buttons', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const payload = renderProblem(p);
        expect(payloadProblems(payload)).toEqual([]);
        expect(payload.embeds).toEqual([]);
        expect(payload.flags).toBeDefined();
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('cut text to the limit asked, never leaving half a surrogate pair', () => {
    const LONE_HIGH_AT_END = /[\uD800-\uDBFF]…$/;
    fc.assert(
      fc.property(junk, fc.integer({ min: 2, max: 7000 }), (text, max) => {
        const cut = clip(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(cut).toBe(text);
        else expect(cut.endsWith('…') && !LONE_HIGH_AT_END.test(cut)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('encode any free text into a custom_id of at most 100 characters that decodes to a prefix of it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('quote', 'term', 'x'),
        fc.integer({ min: -1, max: 99999 }),
        fc.oneof(junk, typed),
        (verb, n, text) => {
          const id = encodeAction(verb, n, text);
          expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
          const decoded = decodeAction(id, 2);
          expect(decoded?.verb).toBe(verb);
          expect(decoded?.args[0]).toBe(String(n));
          expect(text.startsWith(decoded!.args[1]!)).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
