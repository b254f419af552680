import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/article.js';
import { buildCorpus, loadCorpus, readCorpusFiles } from '../../src/corpus/load.js';

/** The shipped corpus with these places listed as elsewhere. */
function withPlaces(places: readonly string[]) {
  return () => buildCorpus({ ...readCorpusFiles(), 'elsewhere.json': JSON.stringify(places) });
}

describe('the places other than the article’s setting', () => {
  it('are loaded in lowercase, the setting never among them', () => {
    const { elsewhere } = loadCorpus();
    expect(elsewhere).toContain('guangdong');
    expect(elsewhere).toContain('other provinces');
    expect(elsewhere).not.toContain('jilin');
    expect(elsewhere.every((place) => place === place.toLowerCase())).toBe(true);
  });

  it('refuse a place the article speaks of, as a word or as a name it gives', () => {
    expect(withPlaces(['jilin'])).toThrow(CorpusError);
    expect(withPlaces(['jilin province'])).toThrow(/is the article's own/);
    expect(withPlaces(['provincial party committee'])).toThrow(/elsewhere\.json\[0\]/);
    expect(withPlaces(['Guangdong'])).toThrow(/lowercase/);
    expect(withPlaces(['guangdong', 'hong kong'])).not.toThrow();
  });
});
