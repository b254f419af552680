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

/**
 * Indexes the asks under the same keys as the article's postings (stem, `=word`, `~base`, and
 * the phrases the search may look for), so a query reads both fields with the same terms.
 */
export function buildAskField(
  asks: readonly Ask[],
  paragraphs: number,
  sentenceIndex: (paragraph: number, sentence: number) => number,
  paragraphOf: (sentence: number) => number,
  phrases: readonly string[],
): AskField {
  const lengths = Array.from({ length: paragraphs }, () => 0);
  const words = new Map<string, string>();
  const counts = new Map<string, Map<number, number>>();
  const sentenceCounts = new Map<string, Map<number, number>>();
  const bump = (table: Map<string, Map<number, number>>, key: string, at: number): void => {
    let row = table.get(key);
    if (!row) table.set(key, (row = new Map<number, number>()));
    row.set(at, (row.get(at) ?? 0) + 1);
  };
  const phrasesByFirst = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const stems = phrase.split(' ');
    const list = phrasesByFirst.get(stems[0]!) ?? [];
    list.push(stems);
    phrasesByFirst.set(stems[0]!, list);
  }

  const holding = new Map<string, number[]>();
  for (const [at, ask] of asks.entries()) {
    const tokens = tokenize(ask.text);
    lengths[ask.paragraph] = (lengths[ask.paragraph] ?? 0) + tokens.length;
    const sentence = ask.sentence === undefined ? undefined : sentenceIndex(ask.paragraph, ask.sentence);
    const note = (key: string): void => {
      const list = holding.get(key);
      if (!list) holding.set(key, [at]);
      else if (list.at(-1) !== at) list.push(at);
      bump(counts, key, ask.paragraph);
      if (sentence !== undefined) bump(sentenceCounts, key, sentence);
    };
    for (const [position, token] of tokens.entries()) {
      words.set(token.word, token.stem);
      note(token.stem);
      note(exactKey(token.word));
      note(baseKey(token.base));
      for (const stems of phrasesByFirst.get(token.stem) ?? []) {
        if (stems.every((s, k) => tokens[position + k]?.stem === s)) note(stems.join(' '));
      }
    }
  }

  const postings = new Map<string, AskPosting>();
  for (const [key, row] of counts) {
    const inSentences = sentenceCounts.get(key) ?? new Map<number, number>();
    postings.set(key, {
      counts: row,
      sentenceCounts: inSentences,
      sentencesIn: bySentenceParagraph(inSentences, paragraphOf),
    });
  }
  const filled = lengths.filter((n) => n > 0);
  return {
    lengths,
    averageLength: filled.length ? filled.reduce((sum, n) => sum + n, 0) / filled.length : 1,
    words,
    posting: (key) => postings.get(key),
    asksHolding: (key) => holding.get(key) ?? [],
    paragraphOfAsk: asks.map((a) => a.paragraph),
  };
}
