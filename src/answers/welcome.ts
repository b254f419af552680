import type { Corpus } from '../corpus/load.js';

/** The first DM a person sends is answered with this, before anything else: what the bot is for. */
export function welcome(corpus: Corpus): string {
  const { headline } = corpus.source;
  return (
    `Hello! I answer questions about one article: “${headline.text}” (¶0). ` +
    'Ask me in plain words — for example “who gets demoted?”, “what is a lion pack?” or “what are the five goals?” — and I reply with the article’s own words, cited by paragraph and sentence (¶N.S). ' +
    'Say “help” for my commands.'
  );
}
