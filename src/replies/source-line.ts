import type { Corpus } from '../corpus/load.js';
import { t, type Language } from '../i18n/words.js';

/** The footer under every answer: where the text comes from, and which exact text it is. */
export function sourceLine(corpus: Corpus, language: Language): string {
  const { publisher, relay } = corpus.source;
  return t(language, 'footer', { publisher: publisher.name, relay: relay.name, hash: corpus.hash });
}
