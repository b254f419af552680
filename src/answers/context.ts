import type { Corpus } from '../corpus/load.js';
import type { Search } from '../search/search.js';

/** What turning a question into a reply needs: the article and its search. */
export interface AnswerContext {
  readonly corpus: Corpus;
  readonly search: Search;
}
