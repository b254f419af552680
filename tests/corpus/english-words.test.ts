import { describe, expect, it } from 'vitest';
import { buildCorpus, loadCorpus, readCorpusFiles } from '../../src/corpus/load.js';
import { tokenize } from '../../src/search/text.js';

const corpus = loadCorpus();

describe('the English words kept from spelling correction', () => {
  it('hold none of the article’s own words, which need no keeping', () => {
    const own = new Set(corpus.article.paragraphs.flatMap((p) => tokenize(p.text).map((t) => t.word)));
    expect(corpus.englishWords.size).toBeGreaterThan(1000);
    expect([...corpus.englishWords].filter((w) => own.has(w))).toEqual([]);
  });

  it('refuse to load a word that is not one lower-case word', () => {
    const files = { ...readCorpusFiles(), 'english-words.json': JSON.stringify({ source: 'x', words: ['Mayor'] }) };
    expect(() => buildCorpus(files)).toThrow(/english-words\.json/);
  });
});
