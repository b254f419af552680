import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { articleSearch, MAX_QUERY_LENGTH, QueryError } from '../../src/search/search.js';

const corpus = loadCorpus();

describe('a search result', () => {
  const results = articleSearch().search('five vigorously selecting and five resolutely not using');

  it('names a paragraph and a sentence, best first, with a score in [0, 1]', () => {
    expect(results[0]).toMatchObject({ paragraph: 13, sentence: 3 });
    for (const r of results) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    const scores = results.map((r) => r.score);
    expect(scores[0]).toBe(Math.max(...scores));
  });

  it('quotes the cited sentence verbatim', () => {
    for (const r of results) {
      const sentence = corpus.article.paragraphs[r.paragraph]!.sentences[r.sentence - 1]!;
      expect(r.excerpt).toBe(sentence.text);
    }
  });

  it('marks where the query’s words stand, merging a phrase into one range', () => {
    const top = results[0]!;
    const marked = top.ranges.map(([start, end]) => top.excerpt.slice(start, end));
    expect(marked).toContain('five vigorously selecting');
    expect(marked).toContain('five resolutely not using');
    for (const [start, end] of top.ranges) {
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(top.excerpt.length);
      expect(start).toBeLessThan(end);
    }
  });

  it('marks the article word a misspelling was taken for, as the word typed right is marked', () => {
    const [top] = articleSearch().search('disiplined');
    const [right] = articleSearch().search('disciplined');
    const marked = top!.ranges.map(([s, e]) => top!.excerpt.slice(s, e));
    expect(marked).toContain('disciplined');
    expect(marked).toEqual(right!.ranges.map(([s, e]) => right!.excerpt.slice(s, e)));
  });

  it('honours the limit', () => {
    expect(articleSearch().search('cadres', { limit: 2 })).toHaveLength(2);
    expect(articleSearch().search('cadres', { limit: 0 })).toHaveLength(0);
  });
});

describe('bad input', () => {
  const search = (q: string) => articleSearch().search(q);

  it('refuses an empty or blank query with a clear error', () => {
    for (const q of ['', '   ', '\n\t']) {
      expect(() => search(q)).toThrow(QueryError);
      expect(() => search(q)).toThrow(/empty/);
    }
  });

  it(`refuses a query over ${MAX_QUERY_LENGTH} characters and accepts one of exactly ${MAX_QUERY_LENGTH}`, () => {
    expect(() => search('a'.repeat(MAX_QUERY_LENGTH + 1))).toThrow(/too long/);
    expect(() => search(`${'cadres '.repeat(40)}`.slice(0, MAX_QUERY_LENGTH))).not.toThrow();
  });

  it('counts characters, not UTF-16 units: 200 emoji are within the limit', () => {
    expect(search('🙂'.repeat(MAX_QUERY_LENGTH))).toEqual([]);
  });

  it('returns nothing for punctuation or emoji only', () => {
    for (const q of ['?!?', '...', '“”‘’', '🙂🙂', '👍🏽👨‍👩‍👧']) expect(search(q)).toEqual([]);
  });

  it('does not crash on control characters, mixed scripts, RTL and lone surrogates', () => {
    for (const q of [
      '\u0000cadres\u0007',
      'cadres 干部 كوادر',
      '\u202Ereform\u202C',
      '\uD800 reform',
      'ре́форма',
      'cadres\u200B\u200Dreform',
    ]) {
      expect(() => search(q)).not.toThrow();
    }
    expect(search('\u0000cadres\u0007')[0]?.paragraph).toBeTypeOf('number');
  });
});

describe('a question about running a Discord server', () => {
  const search = articleSearch();

  it.each([
    'how do I give someone a role?',
    'hey bot how do I give someone a role in my discord server?',
    'can you set up a role for me',
    'assign my friend the mod role',
    'how do reaction roles work',
    'change the role color',
  ])('is not answered from the article, though it says “role”: %s', (query) => {
    expect(search.search(query)).toEqual([]);
  });

  it.each([
    ['what role do talents play', 7],
    ['make the leading role of talents more powerful', 7],
    ['what are the two roles of party members', 8],
    ['what does "two roles" mean', 8],
  ])('leaves the article’s own roles found: %s', (query, paragraph) => {
    expect(search.search(query)[0]?.paragraph).toBe(paragraph);
  });
});
