import type { ChineseCorpus, ChineseGlossaryEntry } from '../../corpus/chinese.js';
import { TRUST, type Alternative } from '../query.js';
import { termKey } from '../synonyms.js';
import { ChineseSegmenter } from './segment.js';
import { foldQuestions } from './simplified.js';

/** How much a Chinese word's English rendering is trusted, by the kind of entry it comes from. */
const KIND_TRUST: Record<ChineseGlossaryEntry['kind'], number> = {
  name: TRUST.exact,
  term: TRUST.exact,
  slogan: TRUST.exact,
  metaphor: TRUST.exact,
  word: TRUST.synonym,
};

/** The Chinese glossary compiled for reading questions: each Chinese word with the article terms it stands for. */
export interface ChineseLexicon {
  readonly segmenter: ChineseSegmenter;
  /** The article terms (as posting keys) a known Chinese word stands for. */
  terms(word: string): readonly Alternative[];
  /** The article's English for a known word, as the glossary gives it, first the usual one. */
  english(word: string): readonly string[];
  /** Whether the glossary gives the word as a name (a person, a body, a publication, an event). */
  isName(word: string): boolean;
  /** Whether the word puts a question outside the article (another province, a later time). */
  isElsewhere(word: string): boolean;
}

/**
 * Compiles the glossary in the folded form questions are read in. Its words are folded with
 * OpenCC too, so a word the glossary writes in a form OpenCC changes is still found.
 */
export function compileLexicon(corpus: ChineseCorpus): ChineseLexicon {
  const terms = new Map<string, Alternative[]>();
  const english = new Map<string, readonly string[]>();
  const names = new Set<string>();
  const words = foldQuestions(corpus.glossary.flatMap((entry) => entry.zh));
  let next = 0;
  for (const entry of corpus.glossary) {
    const weight = KIND_TRUST[entry.kind];
    const alternatives = [...new Set(entry.en.map(termKey))].map((key) => ({ key, weight }));
    for (let k = 0; k < entry.zh.length; k++) {
      const word = words[next++]!;
      terms.set(word, alternatives);
      english.set(word, entry.en);
      if (entry.kind === 'name') names.add(word);
    }
  }
  const elsewhere = new Set(foldQuestions(corpus.elsewhere));
  return {
    segmenter: new ChineseSegmenter([...terms.keys(), ...elsewhere]),
    terms: (word) => terms.get(word) ?? [],
    english: (word) => english.get(word) ?? [],
    isName: (word) => names.has(word),
    isElsewhere: (word) => elsewhere.has(word),
  };
}
