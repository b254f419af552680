import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentWords, tokenize } from '../../src/search/text.js';

/** The words tokenize finds, as they stand in the text. */
const found = (text: string): string[] => tokenize(text).map((t) => text.slice(t.start, t.end));
/** The words the Unicode rules find that have something left to compare once folded. */
const unicode = (text: string): string[] => segmentWords(text).filter((w) => tokenize(w).length > 0);

describe('tokenize', () => {
  it('splits the article’s paragraphs exactly as Intl.Segmenter does', () => {
    for (const paragraph of readFileSync(new URL('../../corpus/article.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)) {
      expect(found(paragraph)).toEqual(unicode(paragraph));
    }
  });

  it('splits plain English text exactly as Intl.Segmenter does, quotes, numbers and all', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 .,;:!?()"'“”‘’\-–—…/]{0,40}$/), (text) => {
        expect(found(text)).toEqual(unicode(text));
      }),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('keeps a possessive, a decimal and a thousands separator inside their words', () => {
    expect(found('the organization’s 1,000 cadres and 3.5 lions')).toEqual([
      'the',
      'organization’s',
      '1,000',
      'cadres',
      'and',
      '3.5',
      'lions',
    ]);
    expect(tokenize('organization’s')[0]?.word).toBe('organization');
  });

  it('leaves other scripts to the Unicode rules', () => {
    expect(found('干部 reform كوادر')).toEqual(unicode('干部 reform كوادر'));
  });
});
