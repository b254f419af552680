import type { Corpus } from '../corpus/load.js';
import { loadCorpus } from '../corpus/load.js';
import { matchedRanges, paragraphRanges, type Range } from './highlight.js';
import { buildIndex, type SearchIndex } from './index.js';
import { readQuery } from './query.js';
import { rank } from './rank.js';
import { asksAboutServerRoles } from './server-questions.js';
import { compileSynonyms, synonymPhrases } from './synonyms.js';
import { Vocabulary } from './vocabulary.js';

/** Queries longer than this are refused: Discord options are capped at 200 characters too. */
export const MAX_QUERY_LENGTH = 200;
/** Below this share of the query answered, a paragraph is a guess, not an answer. */
export const MIN_SCORE = 0.31;
export const DEFAULT_LIMIT = 5;

export interface SearchResult {
  readonly paragraph: number;
  /** Sentence number inside the paragraph, from 1. */
  readonly sentence: number;
  /**
   * In [0, 1], falling down the list: for the best passage, how much of the query it answers;
   * for the others, no more than that and no more than their own share.
   */
  readonly score: number;
  /** The sentence, verbatim. */
  readonly excerpt: string;
  /** Where the query's terms stand in the excerpt. */
  readonly ranges: readonly Range[];
}

export type QueryProblem = 'empty' | 'too-long';

/** A query the search will not run, with a message fit to show the person who typed it. */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    readonly problem: QueryProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface Search {
  readonly index: SearchIndex;
  search(query: string, options?: { limit?: number }): SearchResult[];
  /** Where the query's terms stand in one whole paragraph, for bolding it; none for a query that cannot be searched. */
  highlight(query: string, paragraph: number): Range[];
}

/** Refuses what cannot be searched; everything else (emoji, any script, control characters) is searched. */
export function checkQuery(query: string): string {
  const trimmed = query.trim();
  if (trimmed === '') throw new QueryError('empty', 'The query is empty: type a few words to look for.');
  const length = [...trimmed].length;
  if (length > MAX_QUERY_LENGTH) {
    throw new QueryError('too-long', `The query is too long (${length} characters; at most ${MAX_QUERY_LENGTH}).`);
  }
  return trimmed;
}

export function createSearch(corpus: Corpus): Search {
  const synonyms = compileSynonyms(corpus.synonyms);
  const index = buildIndex(corpus.article, synonymPhrases(synonyms));
  const context = { index, vocabulary: new Vocabulary(index.words), synonyms };
  return {
    index,
    search(query, { limit = DEFAULT_LIMIT } = {}) {
      const text = checkQuery(query);
      if (asksAboutServerRoles(text)) return [];
      const concepts = readQuery(text, context);
      const answering = rank(concepts, index).filter((r) => r.score >= MIN_SCORE);
      const best = answering[0];
      let previous = 1;
      return answering.slice(0, Math.max(0, limit)).map((r) => {
        const sentence = index.sentences[r.sentence]!;
        // The best passage scores how much of the query it answers; the others, that much in
        // proportion to their rank, never more than their own share: scores fall down the list.
        const proportional = best ? (best.score * r.rank) / best.rank : 0;
        previous = Math.min(previous, proportional, r.score);
        return {
          paragraph: r.paragraph,
          sentence: sentence.number,
          score: Math.round(previous * 1000) / 1000,
          excerpt: sentence.text,
          ranges: matchedRanges(index, r.sentence, r.matched),
        };
      });
    },
    highlight(query, paragraph) {
      if (query.trim() === '' || [...query].length > MAX_QUERY_LENGTH) return [];
      const keys = new Set(readQuery(query, context).flatMap((c) => c.alternatives.map((a) => a.key)));
      return paragraphRanges(index, paragraph, keys);
    },
  };
}

let shared: Search | undefined;

/** The search over the shipped corpus, built once per process. */
export function articleSearch(): Search {
  shared ??= createSearch(loadCorpus());
  return shared;
}
