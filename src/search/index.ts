import type { Article, Sentence } from '../corpus/article.js';
import type { Ask } from '../corpus/load.js';
import { buildAskField, type AskField, type AskWord } from './asks.js';
import { tokenize, type Token } from './text.js';

/** A paragraph read into words, each word knowing its sentence. */
export interface IndexedParagraph {
  readonly number: number;
  readonly tokens: readonly Token[];
  /** For each token, the index (into `SearchIndex.sentences`) of the sentence that holds it. */
  readonly sentenceOfToken: readonly number[];
}

/**
 * Where one term occurs. A term is a stem, a phrase of stems joined by spaces, one exact word
 * (`=word`) or one word's inflections (`~base`): the closer forms tell "accountability" from the
 * "account" it stems to, and "mobile" from "mobilizing".
 */
export interface Posting {
  /** Paragraph number → token positions where the term starts. */
  readonly positions: ReadonlyMap<number, readonly number[]>;
  /** Sentence index → occurrences. */
  readonly sentenceCounts: ReadonlyMap<number, number>;
  /** Paragraph number → its sentences (indexes into `SearchIndex.sentences`) that hold the term, with occurrences. */
  readonly sentencesIn: ReadonlyMap<number, readonly (readonly [sentence: number, count: number])[]>;
  /** Tokens the term spans. */
  readonly length: number;
}

/** Files sentence counts under the paragraph that holds each sentence. */
export function bySentenceParagraph(
  counts: ReadonlyMap<number, number>,
  paragraphOf: (sentence: number) => number,
): Map<number, (readonly [number, number])[]> {
  const grouped = new Map<number, (readonly [number, number])[]>();
  for (const [sentence, count] of counts) {
    const paragraph = paragraphOf(sentence);
    const list = grouped.get(paragraph);
    if (list) list.push([sentence, count]);
    else grouped.set(paragraph, [[sentence, count]]);
  }
  return grouped;
}

export interface SearchIndex {
  readonly article: Article;
  readonly paragraphs: readonly IndexedParagraph[];
  /** Every sentence of the body and headline, in reading order. */
  readonly sentences: readonly Sentence[];
  /** Token count of each sentence, for BM25's length normalisation. */
  readonly sentenceLengths: readonly number[];
  readonly averageParagraphLength: number;
  readonly averageSentenceLength: number;
  /** Each surface word of the article (folded) with its stem. */
  readonly words: ReadonlyMap<string, string>;
  /** The term's posting, or undefined when the article does not contain it. */
  posting(key: string): Posting | undefined;
  /** What people ask of each paragraph, as a field of its own. */
  readonly asks: AskField;
  /**
   * What people ask of each paragraph in another language, under keys of its own (see
   * `ASKED_ELSEWHERE`): built the first time a question in that language needs it.
   */
  readonly foreignAsks: () => AskField | undefined;
  /** Whether the article or its asks hold the term. */
  has(key: string): boolean;
}

/** Keys of the asks in another language start so: an English word never reaches them. */
export const ASKED_ELSEWHERE = 'zh:';

/** The field of asks that files a key: the English asks, or those in another language. */
export function askFieldOf(index: SearchIndex, key: string): AskField | undefined {
  return key.startsWith(ASKED_ELSEWHERE) ? index.foreignAsks() : index.asks;
}

/** The posting key of one exact word. */
export function exactKey(word: string): string {
  return `=${word}`;
}

/** The posting key of every inflection of a word ("promoted", "promoting"). */
export function baseKey(base: string): string {
  return `~${base}`;
}

/** How many tokens a posting key spans. */
export function keyLength(key: string): number {
  return isSingleWordKey(key) ? 1 : key.split(' ').length;
}

function isSingleWordKey(key: string): boolean {
  return key.startsWith('=') || key.startsWith('~');
}

/** A posting key's first stem (or its whole word key), as `starts` files it. */
function firstStemOf(key: string): string {
  const space = isSingleWordKey(key) ? -1 : key.indexOf(' ');
  return space < 0 ? key : key.slice(0, space);
}

/** Postings kept per index before the map starts again: the article's words and phrases are far fewer. */
const POSTINGS_LIMIT = 20_000;

/** BM25's idf: a term in every document weighs little, a rare one a lot; never negative. */
export function idf(documents: number, containing: number): number {
  return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
}

/** The index into `SearchIndex.sentences` of a paragraph's sentence (numbered from 1). */
function sentenceIndexOf(firstSentences: readonly number[]): (paragraph: number, sentence: number) => number {
  return (paragraph, sentence) => (firstSentences[paragraph] ?? 0) + sentence - 1;
}

/** A field of asks over the index's sentences, each ask's words read by `read`. */
export function askFieldOver(
  index: Pick<SearchIndex, 'paragraphs' | 'sentences'>,
  asks: readonly Ask[],
  read: (text: string) => readonly AskWord[],
): AskField {
  const firstSentences = index.paragraphs.map((p) => index.sentences.findIndex((s) => s.paragraph === p.number));
  return buildAskField(
    asks,
    index.paragraphs.length,
    sentenceIndexOf(firstSentences),
    (sentence) => index.sentences[sentence]!.paragraph,
    read,
  );
}

/**
 * Reads the article into where each word stands, in one pass; the posting of a term (a stem, a
 * word, a phrase of stems) is made from that the first time a query looks for it.
 */
export function buildIndex(
  article: Article,
  asks: readonly Ask[] = [],
  foreignAsks: () => AskField | undefined = () => undefined,
): SearchIndex {
  const sentences: Sentence[] = [];
  const sentenceLengths: number[] = [];
  const words = new Map<string, string>();
  const firstSentences: number[] = [];
  const paragraphs = article.paragraphs.map((paragraph): IndexedParagraph => {
    const tokens = tokenize(paragraph.text);
    const firstSentence = sentences.length;
    firstSentences.push(firstSentence);
    sentences.push(...paragraph.sentences);
    let sentence = 0;
    const sentenceOfToken = tokens.map((token) => {
      while (token.start >= (paragraph.sentences[sentence]?.end ?? Infinity)) sentence++;
      return firstSentence + sentence;
    });
    for (const [i] of paragraph.sentences.entries()) {
      sentenceLengths.push(sentenceOfToken.filter((s) => s === firstSentence + i).length);
    }
    for (const token of tokens) words.set(token.word, token.stem);
    return { number: paragraph.number, tokens, sentenceOfToken };
  });

  const averageParagraphLength = paragraphs.reduce((sum, p) => sum + p.tokens.length, 0) / paragraphs.length;
  const averageSentenceLength = sentenceLengths.reduce((sum, n) => sum + n, 0) / sentenceLengths.length;
  /** Where each stem and each word starts, in one pass over the text; phrases are then found from their first stem. */
  const starts = new Map<string, [paragraph: number, position: number][]>();
  const note = (key: string, at: [number, number]): void => {
    const list = starts.get(key);
    if (list) list.push(at);
    else starts.set(key, [at]);
  };
  for (const paragraph of paragraphs) {
    for (const [position, token] of paragraph.tokens.entries()) {
      note(token.stem, [paragraph.number, position]);
      note(exactKey(token.word), [paragraph.number, position]);
      note(baseKey(token.base), [paragraph.number, position]);
    }
  }

  function computePosting(key: string): Posting | undefined {
    const stems = isSingleWordKey(key) ? [key] : key.split(' ');
    const positions = new Map<number, number[]>();
    const sentenceCounts = new Map<number, number>();
    for (const [number, position] of starts.get(stems[0] ?? '') ?? []) {
      const paragraph = paragraphs[number]!;
      if (stems.length > 1 && !stems.every((s, k) => paragraph.tokens[position + k]?.stem === s)) continue;
      const list = positions.get(number);
      if (list) list.push(position);
      else positions.set(number, [position]);
      const sentence = paragraph.sentenceOfToken[position] ?? 0;
      sentenceCounts.set(sentence, (sentenceCounts.get(sentence) ?? 0) + 1);
    }
    if (positions.size === 0) return undefined;
    const sentencesIn = bySentenceParagraph(sentenceCounts, (sentence) => sentences[sentence]!.paragraph);
    return { positions, sentenceCounts, sentencesIn, length: stems.length };
  }

  // A term's posting is made the first time it is looked for, and kept: most terms never are.
  // A term the text lacks is kept as null (one lookup answers it next time) unless its first
  // word is not in the text at all, which one lookup of `starts` answers: so the questions'
  // stray words never fill the map.
  const postings = new Map<string, Posting | null>();
  const posting = (key: string): Posting | undefined => {
    const kept = postings.get(key);
    if (kept !== undefined) return kept ?? undefined;
    if (!starts.has(firstStemOf(key))) return undefined;
    const made = computePosting(key) ?? null;
    if (postings.size >= POSTINGS_LIMIT) postings.clear();
    postings.set(key, made);
    return made ?? undefined;
  };
  const askField = buildAskField(
    asks,
    paragraphs.length,
    sentenceIndexOf(firstSentences),
    (sentence) => sentences[sentence]!.paragraph,
  );

  return {
    article,
    paragraphs,
    sentences,
    sentenceLengths,
    averageParagraphLength,
    averageSentenceLength,
    words,
    posting,
    asks: askField,
    foreignAsks,
    has: (key) => posting(key) !== undefined || askField.posting(key) !== undefined,
  };
}
