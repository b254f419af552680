import { describe, expect, it } from 'vitest';
import { buildCorpus, loadCorpus, readCorpusFiles, type CorpusFiles } from '../../src/corpus/load.js';

const corpus = loadCorpus();

/** A copy of the shipped corpus files with one JSON file replaced. */
function withFile(name: keyof CorpusFiles, json: unknown): CorpusFiles {
  return { ...readCorpusFiles(), [name]: JSON.stringify(json) };
}

describe('the asks (what each paragraph answers, as people ask it)', () => {
  it('are loaded from both files, each tied to a paragraph and, when given, one of its sentences', () => {
    const received = corpus.asks.filter((a) => !a.added);
    const added = corpus.asks.filter((a) => a.added);
    expect(received.length).toBeGreaterThan(400);
    expect(added.length).toBeGreaterThan(0);
    for (const ask of corpus.asks) {
      const paragraph = corpus.article.paragraphs[ask.paragraph];
      expect(paragraph, ask.text).toBeDefined();
      if (ask.sentence !== undefined) expect(paragraph!.sentences[ask.sentence - 1], ask.text).toBeDefined();
    }
  });

  it('give every body paragraph and the headline something people ask of it', () => {
    const asked = new Set(corpus.asks.map((a) => a.paragraph));
    expect([...asked].sort((a, b) => a - b)).toEqual(corpus.article.paragraphs.map((p) => p.number));
  });

  it('refuse to load an ask tied to a sentence the paragraph does not have, naming the file and entry', () => {
    const files = withFile('asks.json', [{ paragraph: 1, sentence: 4, asks: ['What are the three ups?'] }]);
    expect(() => buildCorpus(files)).toThrow('corpus/asks.json[0]: ¶1 has 1 sentences, not 4');
  });

  it('refuse to load an ask tied to a paragraph the article does not have', () => {
    expect(() => buildCorpus(withFile('asks-more.json', [{ paragraph: 16, asks: ['x'] }]))).toThrow(
      /corpus\/asks-more\.json/,
    );
  });
});

describe('the named things (names.json)', () => {
  it('quote, verbatim, where the text names each', () => {
    for (const entry of corpus.names) {
      const text = corpus.article.paragraphs[entry.named.paragraph]!.text;
      expect(text.slice(entry.named.start, entry.named.end)).toBe(entry.named.text);
    }
  });

  it('refuse a quote that does not name the thing', () => {
    const files = withFile('names.json', [
      { name: 'WeChat', named: { paragraph: 2, text: 'the Jilin Provincial Government Information Office' } },
    ]);
    expect(() => buildCorpus(files)).toThrow('corpus/names.json[0] (WeChat): the quote does not name it');
  });

  it('refuse a quote that is not the article’s own words', () => {
    const files = withFile('names.json', [{ name: 'WeChat', named: { paragraph: 2, text: 'the WeChat app' } }]);
    expect(() => buildCorpus(files)).toThrow(/not verbatim in ¶2/);
  });

  it('mark Jilin, and only Jilin, as the setting every paragraph speaks of', () => {
    expect(corpus.names.filter((n) => n.setting).map((n) => n.name)).toEqual(['Jilin']);
  });
});
