import type { Corpus } from '../corpus/load.js';
import type { Search } from '../search/search.js';

/** What an answer may use: the article and its search. Nothing here reaches the network. */
export interface CommandContext {
  readonly corpus: Corpus;
  readonly search: Search;
}
