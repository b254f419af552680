import type { Corpus } from '../corpus/load.js';
import { loadCorpus } from '../corpus/load.js';
import { paragraphRanges, type Range } from './highlight.js';
import { buildIndex, type SearchIndex } from './index.js';
import { nameWords } from './named.js';
import { readQuery } from './query.js';
import { hasHan } from './chinese/script.js';
import { createReader, type Passage, type Reader, type Reading } from './reading.js';
import { compileSynonyms } from './synonyms.js';
import { Vocabulary } from './vocabulary.js';

export { MIN_SCORE } from './decide.js';
export type { Language, Passage, PartKind, PartReading, Reading, Unsaid } from './reading.js';
export type { ArticleTopic } from './about-article.js';
export type { SmallTalk } from './small-talk.js';

/** Queries longer than this are refused: Discord options are capped at 200 characters too. */
export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_LIMIT = 5;

/** One passage that answers a query: a sentence, verbatim, with its place and how well it answers. */
export type SearchResult = Passage;

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
  /** The passages that answer a query, best first, one per paragraph: every part of it, merged. */
  search(query: string, options?: { limit?: number }): SearchResult[];
  /** How a query is answered, part by part: passages, the article itself, what the text does not say. */
  read(query: string, options?: { limit?: number }): Reading;
  /** Where the query's terms stand in one whole paragraph, for bolding it; none for a query that cannot be searched. */
  highlight(query: string, paragraph: number): Range[];
  /**
   * Builds now what the first question in Chinese would otherwise build (OpenCC's tables, the
   * Chinese glossary and asks), so that question is answered as fast as the next.
   */
  warmChinese(): void;
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

/** Components of the search that can be switched off, to measure what each is worth. */
export interface SearchOptions {
  /** What people ask of each paragraph (corpus/asks.json), read as a field beside the text. */
  readonly asks?: boolean;
  /** The asks of our own, for ideas the received ones miss (corpus/asks-more.json). */
  readonly asksAdded?: boolean;
  /** English words in their own right ("mayor") never taken for a slip of another word ("major"). */
  readonly englishWords?: boolean;
  /** Chat shorthand ("wat", "ppl", "govt") read as the words it stands for. */
  readonly chat?: boolean;
  /** Several questions in one message read apart, and a long question's backstory told from it. */
  readonly parts?: boolean;
  /** Questions about the article itself (what it is about, who reported it) answered from its headline and sources. */
  readonly article?: boolean;
  /** The article's named things: a question about one must be answered in what it asks, not only in its name. */
  readonly names?: boolean;
  /** The form of a question: advice, an age, what someone said, a number or a date wanted. */
  readonly frames?: boolean;
  /** Places other than the article's setting typed in lowercase (corpus/elsewhere.json), read as asked about elsewhere. */
  readonly places?: boolean;
  /** "hi", "thanks", "lol" answered as small talk, not searched. */
  readonly smallTalk?: boolean;
  /** Questions in Chinese, simplified, traditional or mixed with English, read through the Chinese glossary and asks. */
  readonly chinese?: boolean;
  /** A Chinese word typed with the wrong character of the right sound (鸡层 for 基层) read as the glossary's word. */
  readonly slips?: boolean;
}

/** Every part's passages merged: the parts' best first, in the order asked, one per paragraph. */
export function merge(reading: Reading, limit: number): SearchResult[] {
  const lists = reading.parts.map((p) => p.passages);
  const merged: SearchResult[] = [];
  const seen = new Set<number>();
  for (let rank = 0; merged.length < limit && lists.some((l) => l.length > rank); rank++) {
    for (const list of lists) {
      const passage = list[rank];
      if (passage && !seen.has(passage.paragraph) && merged.length < limit) {
        seen.add(passage.paragraph);
        merged.push(passage);
      }
    }
  }
  return merged;
}

export function createSearch(corpus: Corpus, options: SearchOptions = {}): Search {
  const useAsks = options.asks ?? true;
  const synonyms = compileSynonyms(corpus.synonyms);
  const asks = corpus.asks.filter((ask) => useAsks && (options.asksAdded !== false || !ask.added));
  // The Chinese asks are filed by the reader that reads Chinese, the first time a question needs them.
  const late: { reader?: Reader } = {};
  const index = buildIndex(corpus.article, asks, () => late.reader?.chinese?.askField());
  const words = new Map([...index.asks.words, ...index.words]);
  const setting = new Set(
    corpus.names.filter((n) => n.setting).flatMap((n) => n.name.toLowerCase().match(/\p{L}+/gu) ?? []),
  );
  const context = {
    index,
    vocabulary: new Vocabulary(
      words,
      nameWords(corpus),
      options.englishWords === false ? undefined : corpus.englishWords,
    ),
    synonyms,
    setting,
  };
  const reader = (late.reader = createReader(corpus, context, {
    asks: useAsks,
    chat: options.chat ?? true,
    parts: options.parts ?? true,
    article: options.article ?? true,
    names: options.names ?? true,
    frames: options.frames ?? true,
    places: options.places ?? true,
    smallTalk: options.smallTalk ?? true,
    chinese: options.chinese ?? true,
    slips: options.slips ?? true,
  }));
  const { chinese } = reader;
  const read = (query: string, limit: number): Reading => reader.read(checkQuery(query), limit);
  return {
    index,
    read: (query, { limit = DEFAULT_LIMIT } = {}) => read(query, limit),
    search(query, { limit = DEFAULT_LIMIT } = {}) {
      return merge(read(query, limit), Math.max(0, limit));
    },
    highlight(query, paragraph) {
      if (query.trim() === '' || [...query].length > MAX_QUERY_LENGTH) return [];
      const concepts =
        chinese && hasHan(query)
          ? chinese.understand(reader.respelled(chinese.fold(query)), { names: false }).concepts
          : readQuery(query, context);
      const keys = new Set(concepts.flatMap((c) => c.alternatives.map((a) => a.key)));
      return paragraphRanges(index, paragraph, keys);
    },
    warmChinese() {
      if (!chinese) return;
      chinese.warm();
      // One whole question of each shape, so the first asker's is not the one that compiles the code.
      for (const question of WARM_QUESTIONS) reader.read(question, DEFAULT_LIMIT);
    },
  };
}

/** Chinese questions that between them take every path a Chinese question takes. */
const WARM_QUESTIONS = ['你好', '这篇文章讲什么', '黃強說了什麼？他多大年纪？', '吉林的干部考核怎么搞 lion pack'];

let shared: Search | undefined;

/** The search over the shipped corpus, built once per process. */
export function articleSearch(): Search {
  shared ??= createSearch(loadCorpus());
  return shared;
}

/**
 * Readies the shipped search for questions in Chinese: call it once the bot is ready, so the
 * first Chinese question does not wait for OpenCC's tables (100–150 ms, once).
 */
export function warmChinese(): void {
  articleSearch().warmChinese();
}
