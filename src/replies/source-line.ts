import type { Corpus } from '../corpus/load.js';

/** The footer under every answer: where the text comes from, and which exact text it is. */
export function sourceLine(corpus: Corpus): string {
  return `Source: ${corpus.source.publisher.name}, relaying the WeChat account ${corpus.source.relay.name} · text ${corpus.hash}`;
}
