import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, MAX_QUERY_LENGTH, MIN_SCORE, QueryError } from '../../src/search/search.js';
import { ARTICLE_TEXT, articleish, corpus, junk, search, SEED } from './support.js';

/** Any query: junk of any length, the article's words mixed with junk, or those cut as Discord would. */
const query = fc.oneof(
  junk,
  articleish,
  articleish.map((q) => `${q} ${'ok '.repeat(70)}`),
);
const limit = fc.option(fc.integer({ min: -3, max: 30 }), { nil: undefined });

/** What the search should refuse, computed independently of it. */
function refusal(q: string): 'empty' | 'too-long' | undefined {
  const trimmed = q.trim();
  if (trimmed === '') return 'empty';
  return Array.from(trimmed).length > MAX_QUERY_LENGTH ? 'too-long' : undefined;
}

describe('the search, for anything typed', () => {
  it('refuses exactly the empty and the over-200 queries, with a QueryError, and throws nothing else', () => {
    fc.assert(
      fc.property(query, limit, (q, n) => {
        const expected = refusal(q);
        let thrown: unknown;
        try {
          search.search(q, { limit: n });
        } catch (error) {
          thrown = error;
        }
        if (expected === undefined) expect(thrown).toBeUndefined();
        else {
          expect(thrown).toBeInstanceOf(QueryError);
          expect((thrown as QueryError).problem).toBe(expected);
          expect((thrown as QueryError).message.length).toBeGreaterThan(10);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('returns at most `limit` passages, one per paragraph, the first scored in [MIN_SCORE, 1] and scores falling down the list, each a sentence of the article verbatim with ranges inside it', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        query.filter((q) => refusal(q) === undefined),
        limit,
        (q, n) => {
          const results = search.search(q, n === undefined ? {} : { limit: n });
          expect(results.length).toBeLessThanOrEqual(Math.max(0, n ?? DEFAULT_LIMIT));
          if (results.length > 0) answered++;
          expect(new Set(results.map((r) => r.paragraph)).size).toBe(results.length);
          if (results[0]) expect(results[0].score).toBeGreaterThanOrEqual(MIN_SCORE);
          for (const [i, r] of results.entries()) {
            expect(r.score).toBeGreaterThanOrEqual(0);
            expect(r.score).toBeLessThanOrEqual(i === 0 ? 1 : results[i - 1]!.score);
            expect(ARTICLE_TEXT).toContain(r.excerpt);
            expect(corpus.article.paragraphs[r.paragraph]?.sentences[r.sentence - 1]?.text).toBe(r.excerpt);
            for (const [start, end] of r.ranges) {
              expect(0 <= start && start < end && end <= r.excerpt.length).toBe(true);
            }
          }
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
    // The article's own words, even among junk, must be found often: the property above is not vacuous.
    expect(answered).toBeGreaterThan(75);
  });

  it('gives the same answer to the same query every time', () => {
    fc.assert(
      fc.property(
        query.filter((q) => refusal(q) === undefined),
        (q) => {
          expect(search.search(q, { limit: 10 })).toEqual(search.search(q, { limit: 10 }));
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('highlights only stretches inside the paragraph asked for, and nothing for a query the search refuses', () => {
    fc.assert(
      fc.property(query, fc.integer({ min: -2, max: 18 }), (q, paragraph) => {
        if (refusal(q) !== undefined) {
          expect(search.highlight(q, paragraph)).toEqual([]);
          return;
        }
        const ranges = search.highlight(q, paragraph);
        const text = corpus.article.paragraphs[paragraph]?.text ?? '';
        for (const [start, end] of ranges) expect(0 <= start && start < end && end <= text.length).toBe(true);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
