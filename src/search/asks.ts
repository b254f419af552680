import type { Ask } from '../corpus/load.js';
import { baseKey, bySentenceParagraph, exactKey } from './index.js';
import { tokenize } from './text.js';

/** Where one term stands in the asks of each paragraph. */
export interface AskPosting {
  /** Paragraph number → how often the term stands in its asks. */
  readonly counts: ReadonlyMap<number, number>;
  /** Index into `SearchIndex.sentences` → how often it stands in the asks tied to that sentence. */
  readonly sentenceCounts: ReadonlyMap<number, number>;
  /** Paragraph number → its sentences that asks tied to them hold the term in, with occurrences. */
  readonly sentencesIn: ReadonlyMap<number, readonly (readonly [sentence: number, count: number])[]>;
}

/**
 * The asks as a field of each paragraph: what people would type to reach it. Each ask is
 * read on its own, so a phrase never runs from one ask into the next.
 */
export interface AskField {
  /** Words in each paragraph's asks, for BM25's length normalisation. */
  readonly lengths: readonly number[];
  readonly averageLength: number;
  /** Each surface word of the asks (folded) with its stem. */
  readonly words: ReadonlyMap<string, string>;
  posting(key: string): AskPosting | undefined;
  /** The asks (by index) that hold the term. */
  asksHolding(key: string): readonly number[];
  /** The paragraph each ask belongs to, by index. */
  readonly paragraphOfAsk: readonly number[];
}

/** One word of an ask: the keys it is filed under, the first of them the one phrases are made of. */
export interface AskWord {
  readonly keys: readonly string[];
  /** The word as folded, for correcting a query's misspellings against the asks' words too. */
  readonly word?: string;
}

/** An English ask's words, under the article's own keys: stem, `=word` and `~base`. */
export function englishAskWords(text: string): AskWord[] {
  return tokenize(text).map((token) => ({
    keys: [token.stem, exactKey(token.word), baseKey(token.base)],
    word: token.word,
  }));
}

/**
 * Indexes the asks under the same keys as the article's postings (stem, `=word`, `~base`, and
 * phrases of stems), so a query reads both fields with the same terms; asks in another language
 * are read into keys of their own by `read`. One pass files where each word stands; a term's
 * posting is made the first time a query looks for it, and kept.
 */
export function buildAskField(
  asks: readonly Ask[],
  paragraphs: number,
  sentenceIndex: (paragraph: number, sentence: number) => number,
  paragraphOf: (sentence: number) => number,
  read: (text: string) => readonly AskWord[] = englishAskWords,
): AskField {
  const lengths = Array.from({ length: paragraphs }, () => 0);
  const words = new Map<string, string>();
  const asksTokens = asks.map((ask) => read(ask.text));
  const sentences = asks.map((ask) =>
    ask.sentence === undefined ? undefined : sentenceIndex(ask.paragraph, ask.sentence),
  );
  /** Key of one word → the asks it stands in, with where: [ask, position]. */
  const starts = new Map<string, [number, number][]>();
  const file = (key: string, at: number, position: number): void => {
    const list = starts.get(key);
    if (list) list.push([at, position]);
    else starts.set(key, [[at, position]]);
  };
  for (const [at, tokens] of asksTokens.entries()) {
    const paragraph = asks[at]!.paragraph;
    lengths[paragraph] = (lengths[paragraph] ?? 0) + tokens.length;
    for (const [position, { keys, word }] of tokens.entries()) {
      if (word !== undefined) words.set(word, keys[0]!);
      for (const key of keys) file(key, at, position);
    }
  }

  const postings = new Map<string, AskPosting | undefined>();
  const holding = new Map<string, number[]>();
  function make(key: string): AskPosting | undefined {
    const phrase = !key.startsWith('=') && !key.startsWith('~') && key.includes(' ');
    const stems = phrase ? key.split(' ') : [key];
    const found = (starts.get(stems[0]!) ?? []).filter(
      ([at, position]) => !phrase || stems.every((stem, k) => asksTokens[at]![position + k]?.keys[0] === stem),
    );
    if (found.length === 0) return undefined;
    const counts = new Map<number, number>();
    const sentenceCounts = new Map<number, number>();
    const askList: number[] = [];
    for (const [at] of found) {
      const paragraph = asks[at]!.paragraph;
      counts.set(paragraph, (counts.get(paragraph) ?? 0) + 1);
      const sentence = sentences[at];
      if (sentence !== undefined) sentenceCounts.set(sentence, (sentenceCounts.get(sentence) ?? 0) + 1);
      if (askList.at(-1) !== at) askList.push(at);
    }
    holding.set(key, askList);
    return { counts, sentenceCounts, sentencesIn: bySentenceParagraph(sentenceCounts, paragraphOf) };
  }
  const posting = (key: string): AskPosting | undefined => {
    if (!postings.has(key)) postings.set(key, make(key));
    return postings.get(key);
  };

  const filled = lengths.filter((n) => n > 0);
  return {
    lengths,
    averageLength: filled.length ? filled.reduce((sum, n) => sum + n, 0) / filled.length : 1,
    words,
    posting,
    asksHolding: (key) => (posting(key) ? (holding.get(key) ?? []) : []),
    paragraphOfAsk: asks.map((a) => a.paragraph),
  };
}
