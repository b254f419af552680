import type { Corpus } from '../corpus/load.js';
import type { Language } from '../i18n/words.js';
import type { Search } from '../search/search.js';

/** The article and its search: the same for everyone who asks. */
export interface ArticleContext {
  readonly corpus: Corpus;
  readonly search: Search;
}

/** What turning a question into a reply needs: the article, its search, and the asker's language. */
export interface AnswerContext extends ArticleContext {
  /** The language of the bot's own words; quotes are the article's English whatever it is. */
  readonly language: Language;
  /** Where the operator publishes the privacy policy, for /help to link; none when not set. */
  readonly privacyUrl?: string | undefined;
}
